import { LANGUAGE_CODES, LOCALES } from "@frontline/common";

const namers = new Map<string, Intl.DisplayNames>();

/** A language's name in the reader's language ("German", "Deutsch", "الألمانية"); the code if unknown. */
export function languageName(code: string, uiLocale: string): string {
  let namer = namers.get(uiLocale);
  if (!namer) {
    namer = new Intl.DisplayNames([uiLocale], { type: "language", fallback: "code" });
    namers.set(uiLocale, namer);
  }
  return namer.of(code) ?? code;
}

/** Every language routing knows, for a picker: the five Frontline speaks first, then the rest by name. */
export function languageOptions(uiLocale: string): { value: string; label: string }[] {
  const five = new Set<string>(LOCALES);
  const collator = new Intl.Collator(uiLocale);
  const rest = LANGUAGE_CODES.filter((c) => !five.has(c))
    .map((c) => ({ value: c, label: languageName(c, uiLocale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return [...LOCALES.map((c) => ({ value: c, label: languageName(c, uiLocale) })), ...rest];
}

/** Several languages as the reader's language lists them ("German and French", "الألمانية والفرنسية"). */
export function languageList(codes: readonly string[], uiLocale: string): string {
  return new Intl.ListFormat(uiLocale, { type: "conjunction", style: "long" }).format(
    codes.map((c) => languageName(c, uiLocale)),
  );
}
