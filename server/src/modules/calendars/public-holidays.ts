import type { HolidayCountry, Locale } from "@frontline/common";
import Holidays from "date-holidays";

/** A whole day a public holiday closes, named as the library names it. */
export interface PublicClosure {
  date: string;
  name: string;
}

const DAY_MS = 86_400_000;

// The library rebuilds its rules on every construction (≈ 10 ms for a German state); the rules and
// the years computed from them never change while the process runs, so both are kept.
const instances = new Map<string, Holidays>();
const years = new Map<string, PublicClosure[]>();
const MAX_YEARS_KEPT = 5_000;

function holidaysOf(country: string, region: string | null): Holidays {
  const key = `${country}|${region ?? ""}`;
  let hd = instances.get(key);
  if (!hd) {
    hd = region ? new Holidays(country, region) : new Holidays(country);
    instances.set(key, hd);
  }
  return hd;
}

const catalogue = new Holidays();

/** True when the library has public holidays for this country code (upper case). */
export function isKnownCountry(country: string): boolean {
  return Object.hasOwn(catalogue.getCountries(), country);
}

/** The library's own spelling of a region of `country` ("by" → "BY"), or undefined when it has none such. */
export function knownRegion(country: string, region: string): string | undefined {
  const states = catalogue.getStates(country) ?? {};
  return Object.keys(states).find((code) => code.toLowerCase() === region.toLowerCase());
}

/** "YYYY-MM-DD" plus `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The days public holidays close in one year. Only type "public" closes (bank, optional, school and
 * observance days are working days for most teams; decision 011). A holiday the library starts
 * after midnight (a half day, such as Iceland's Christmas Eve from 13:00) leaves its day open, since
 * a calendar closes whole days; a holiday of several days (Russia's New Year holidays, Eid in Saudi
 * Arabia, which begins at the previous sunset) closes each day from its date to the day it ends.
 */
function closuresOfYear(country: string, region: string | null, year: number, lang: Locale | null): PublicClosure[] {
  const key = `${country}|${region ?? ""}|${year}|${lang ?? ""}`;
  const kept = years.get(key);
  if (kept) return kept;
  const out: PublicClosure[] = [];
  const hd = holidaysOf(country, region);
  // getHolidays(year, lang) prepends `lang` to the instance's own language list for good (a library
  // bug), so a kept instance would name holidays by whoever asked before; the list is set each time.
  hd.setLanguages(lang ? [lang] : []);
  for (const h of hd.getHolidays(year)) {
    if (h.type !== "public" || h.date.slice(11, 19) !== "00:00:00") continue;
    const first = h.date.slice(0, 10);
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    for (let i = 0; i < days; i++) out.push({ date: addDays(first, i), name: h.name });
  }
  if (years.size >= MAX_YEARS_KEPT) years.clear();
  years.set(key, out);
  return out;
}

/**
 * Every day from `from` to `to` (inclusive) closed by a public holiday, in date order; two holidays
 * on one day share it, their names joined by " / ". Names are in `lang` where the library has them,
 * otherwise in the country's own language (`lang` null: always the country's own).
 */
export function publicClosures(
  country: string,
  region: string | null,
  from: string,
  to: string,
  lang: Locale | null = null,
): PublicClosure[] {
  const byDate = new Map<string, string[]>();
  // A holiday of several days may begin in the year before `from`.
  for (let year = Number(from.slice(0, 4)) - 1; year <= Number(to.slice(0, 4)); year++) {
    for (const c of closuresOfYear(country, region, year, lang)) {
      if (c.date < from || c.date > to) continue;
      const names = byDate.get(c.date) ?? [];
      if (!names.includes(c.name)) names.push(c.name);
      byDate.set(c.date, names);
    }
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, names]) => ({ date, name: names.join(" / ") }));
}

const countryLists = new Map<Locale, HolidayCountry[]>();

/**
 * The countries (with their states or provinces) the library has holidays for. Country names come
 * from the runtime's CLDR data in `lang` (the library names most countries only in English or in
 * their own language); region names are the library's, in `lang` where it has them.
 */
export function holidayCountries(lang: Locale): HolidayCountry[] {
  const kept = countryLists.get(lang);
  if (kept) return kept;
  const regionNames = new Intl.DisplayNames([lang], { type: "region", fallback: "none" });
  const collator = new Intl.Collator(lang);
  const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
  const list = Object.entries(catalogue.getCountries(lang)).map(([code, own]) => ({
    code,
    name: regionNames.of(code) ?? own,
    regions: Object.entries(catalogue.getStates(code, lang) ?? {})
      .map(([regionCode, name]) => ({ code: regionCode, name }))
      .sort(byName),
  }));
  list.sort(byName);
  countryLists.set(lang, list);
  return list;
}
