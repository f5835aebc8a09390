import type { Locale } from "@frontline/common";
import { franc } from "franc-min";

// franc's ISO 639-3 codes for the five languages Frontline speaks.
const CODES: Record<string, Locale> = { eng: "en", ron: "ro", deu: "de", rus: "ru", arb: "ar" };

/**
 * The language of a customer's text among the five, or null when it is too short or none fits.
 * Search stems a ticket's words in this language, and replies can be written in it.
 */
export function detectLocale(text: string): Locale | null {
  const code = franc(text.slice(0, 2000), { only: Object.keys(CODES), minLength: 20 });
  return CODES[code] ?? null;
}
