import type { Locale, LocalizedText, SurveyQuestion } from "@frontline/common";

// Pure edits of the question list the settings page keeps while an admin works on it.

type Texts = Partial<Record<Locale, string>>;

/** The text of one language ("" when that language has none yet); a single text counts as English. */
export function textIn(label: LocalizedText, locale: Locale): string {
  if (typeof label === "string") return locale === "en" ? label : "";
  return label[locale] ?? "";
}

/** What customers without that language see instead: English, else any. */
export function fallbackOf(label: LocalizedText): string {
  if (typeof label === "string") return label;
  return label.en ?? Object.values(label).find(Boolean) ?? "";
}

/** The label with one language's text set, or removed when emptied. */
export function withText(label: LocalizedText, locale: Locale, text: string): Texts {
  const texts: Texts = typeof label === "string" ? { en: label } : { ...label };
  if (text.trim()) texts[locale] = text;
  else delete texts[locale];
  return texts;
}

// Ids are never shown: they only tie stored answers to their question and option.
const key = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const newOption = () => ({ id: key("o"), label: {} as Texts });

/** A free-text question with no text yet. */
export const newQuestion = (): SurveyQuestion => ({ id: key("q"), label: {}, kind: "text" });

/** The question as the other kind: a choice starts with two empty options, a text question has none. */
export function withKind(q: SurveyQuestion, kind: SurveyQuestion["kind"]): SurveyQuestion {
  if (kind === q.kind) return q;
  return kind === "choice"
    ? { id: q.id, label: q.label, kind, options: [newOption(), newOption()] }
    : { id: q.id, label: q.label, kind };
}

/** Texts trimmed before sending; the contract refuses a label without any. */
export function trimmed(questions: SurveyQuestion[]): SurveyQuestion[] {
  const trim = (label: LocalizedText): LocalizedText =>
    typeof label === "string"
      ? label.trim()
      : Object.fromEntries(Object.entries(label).map(([l, text]) => [l, (text ?? "").trim()]));
  return questions.map((q) =>
    q.kind === "choice"
      ? { ...q, label: trim(q.label), options: q.options.map((o) => ({ ...o, label: trim(o.label) })) }
      : { ...q, label: trim(q.label) },
  );
}
