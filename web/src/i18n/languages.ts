import { LOCALES, type Locale, RTL_LOCALES } from "@frontline/common";

/** Each language by its own name, so a reader finds theirs whatever language is showing now. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: "English",
  ro: "Română",
  de: "Deutsch",
  ru: "Русский",
  ar: "العربية",
};

/** The languages in the order the pickers show them. */
export const LANGUAGE_OPTIONS = LOCALES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }));

/** Narrows any string to a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Text direction of a locale. */
export function directionOf(locale: string): "rtl" | "ltr" {
  return isLocale(locale) && RTL_LOCALES.includes(locale) ? "rtl" : "ltr";
}
