import { LOCALES } from "@frontline/common";
import { describe, expect, it } from "vitest";
import ar from "./locales/ar.json";
import de from "./locales/de.json";
import en from "./locales/en.json";
import ro from "./locales/ro.json";
import ru from "./locales/ru.json";

type Tree = { [key: string]: string | Tree };

const locales: Record<string, Tree> = { en, ro, de, ru, ar };

/**
 * Words that are correct, unchanged, in another language: the product's name and terms these
 * languages use as they are (German "Status", "Teams"; Romanian "Manager"). Keep it short: anything
 * else identical to English is an untranslated string.
 */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  ro: ["Frontline", "Agent", "Manager", "Administrator", "Portal", "Chat", "API", "Port", "SLA", "CSAT", "NPS", "p90"],
  de: [
    "Frontline",
    "Agent",
    "Administrator",
    "Name",
    "Status",
    "Team",
    "Teams",
    "Ticket",
    "Tickets",
    "System",
    "Organisation",
    "Normal",
    "Portal",
    "Chat",
    "API",
    "Port",
    "SLA",
    "CSAT",
    "NPS",
    "p90",
  ],
  ru: ["Frontline", "API", "SLA", "CSAT", "NPS", "p90"],
  ar: ["Frontline"],
};

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Plural forms differ by language (Russian has four, Arabic six), so keys compare without their suffix. */
function baseKeys(flat: Map<string, string>): Set<string> {
  return new Set([...flat.keys()].map((key) => key.replace(PLURAL_SUFFIX, "")));
}

function placeholders(value: string): string[] {
  return [...value.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? "").sort();
}

const english = flatten(en);

describe("locale files", () => {
  it("cover exactly the five supported locales", () => {
    expect(Object.keys(locales).sort()).toEqual([...LOCALES].sort());
  });

  for (const code of LOCALES.filter((c) => c !== "en")) {
    const flat = flatten(locales[code] ?? {});

    describe(code, () => {
      it("has every key English has, and no others", () => {
        const theirs = baseKeys(flat);
        const ours = baseKeys(english);
        expect(
          [...ours].filter((k) => !theirs.has(k)),
          "missing keys",
        ).toEqual([]);
        expect(
          [...theirs].filter((k) => !ours.has(k)),
          "keys English lacks",
        ).toEqual([]);
      });

      it("has every plural form the language needs", () => {
        const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
        const plurals = new Set(
          [...english.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, "")),
        );
        const missing = [...plurals].flatMap((base) =>
          categories.filter((c) => !flat.has(`${base}_${c}`)).map((c) => `${base}_${c}`),
        );
        expect(missing).toEqual([]);
      });

      it("translates every value (short allowlist aside)", () => {
        const allowed = new Set(SAME_AS_ENGLISH[code] ?? []);
        const untranslated = [...flat].filter(([key, value]) => english.get(key) === value && !allowed.has(value));
        expect(untranslated.map(([key]) => key)).toEqual([]);
      });

      it("has no empty values", () => {
        expect([...flat].filter(([, value]) => value.trim() === "").map(([key]) => key)).toEqual([]);
      });

      it("uses the same {{placeholders}} as English", () => {
        const mismatched = [...flat]
          .filter(([key, value]) => {
            const plural = PLURAL_SUFFIX.test(key);
            const reference = english.get(plural ? key.replace(PLURAL_SUFFIX, "_other") : key) ?? "";
            // A plural form may spell the number out ("one member"), so {{count}} is optional there.
            const expected = placeholders(reference).filter((p) => !plural || p !== "count");
            const actual = placeholders(value).filter((p) => !plural || p !== "count");
            return expected.join() !== actual.join();
          })
          .map(([key]) => key);
        expect(mismatched).toEqual([]);
      });
    });
  }

  it("English itself has no empty values", () => {
    expect([...english].filter(([, value]) => value.trim() === "").map(([key]) => key)).toEqual([]);
  });
});
