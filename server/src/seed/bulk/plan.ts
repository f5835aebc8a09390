import { LANGUAGES, type Language } from "./bank";
import { Weighted } from "./random";

interface Region {
  timeZone: string;
  /** Hours ahead of UTC, for the daily rhythm (summer time is ignored). */
  offset: number;
  languages: Record<Language, number>;
}

const REGIONS: Record<string, Region> = {
  world: { timeZone: "Europe/London", offset: 0, languages: { en: 40, de: 20, ro: 15, ru: 13, ar: 12 } },
  uk: { timeZone: "Europe/London", offset: 0, languages: { en: 75, de: 5, ro: 5, ru: 5, ar: 10 } },
  ro: { timeZone: "Europe/Bucharest", offset: 2, languages: { ro: 70, en: 20, de: 3, ru: 5, ar: 2 } },
  de: { timeZone: "Europe/Berlin", offset: 1, languages: { de: 70, en: 20, ro: 4, ru: 4, ar: 2 } },
  ru: { timeZone: "Europe/Moscow", offset: 3, languages: { ru: 75, en: 15, de: 3, ro: 2, ar: 5 } },
  ae: { timeZone: "Asia/Dubai", offset: 4, languages: { ar: 65, en: 30, ru: 3, de: 1, ro: 1 } },
};

const NAMES: [string, keyof typeof REGIONS][] = [
  ["Northwind Retail", "world"],
  ["Carpathia Telecom", "ro"],
  ["Rheinland Versand", "de"],
  ["Volga Electronics", "ru"],
  ["Gulf Home Appliances", "ae"],
  ["Thames Outdoor", "uk"],
  ["Danubius Bank", "ro"],
  ["Alpenblick Reisen", "de"],
  ["Neva Books", "ru"],
  ["Oasis Mobile", "ae"],
  ["Brightwater Energy", "uk"],
  ["Transilvania Foods", "ro"],
  ["Schwarzwald Uhren", "de"],
  ["Ural Tools", "ru"],
  ["Desert Rose Fashion", "ae"],
  ["Pennine Pets", "uk"],
  ["Bucovina Furniture", "ro"],
  ["Elbe Fahrrad", "de"],
  ["Baikal Sports", "ru"],
  ["Corniche Travel", "ae"],
];

export interface OrgPlan {
  rank: number;
  name: string;
  slug: string;
  /** The domain of its staff's email addresses. */
  domain: string;
  tickets: number;
  timeZone: string;
  offsetHours: number;
  languages: Weighted<Language>;
  /** Languages in order of share, for its staff. */
  languageOrder: Language[];
  agents: number;
}

/**
 * Ticket counts of the organisations: the first holds 40 %, the others share the rest by Zipf's law
 * (the second about six times the last), rounded so they add up exactly.
 */
export function orgSizes(tickets: number, orgs: number): number[] {
  if (orgs === 1) return [tickets];
  const biggest = Math.round(tickets * 0.4);
  const weights = Array.from({ length: orgs - 1 }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = [biggest];
  let cumulative = 0;
  let given = 0;
  for (const w of weights) {
    cumulative += w;
    const upTo = Math.round(((tickets - biggest) * cumulative) / total);
    sizes.push(upTo - given);
    given = upTo;
  }
  return sizes;
}

const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

export function planOrgs(tickets: number, orgs: number, label: string): OrgPlan[] {
  return orgSizes(tickets, orgs).map((size, rank) => {
    const [base, regionKey] = NAMES[rank % NAMES.length]!;
    const round = Math.floor(rank / NAMES.length);
    const name = `${base}${round ? ` ${round + 1}` : ""} ${label}`;
    const region = REGIONS[regionKey]!;
    const slug = slugOf(name).slice(0, 48).replace(/-+$/, "");
    return {
      rank,
      name,
      slug,
      domain: `${slug}.test`,
      tickets: size,
      timeZone: region.timeZone,
      offsetHours: region.offset,
      languages: new Weighted(LANGUAGES.map((l) => [l, region.languages[l]] as const)),
      languageOrder: [...LANGUAGES].sort((a, b) => region.languages[b] - region.languages[a]),
      // About one agent per 200 tickets over two years: 5,000 agents for a million tickets.
      agents: Math.max(3, Math.round(size / 200)),
    };
  });
}
