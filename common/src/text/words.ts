// Words of a customer's message as matchers compare them, shared by the escalation phrases and the
// rules' negative-wording check: folded the same way, with the quoted history of a reply left out.

const MARKS = /[\p{M}\u0640]/gu;
const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
const MAX_ATTRIBUTION_LINE = 400;

/**
 * A word folded for comparison: compatibility forms, no accents or Arabic vowel marks and tatweel,
 * lower case. "Șeful", "seful" and "şeful" (cedilla) are one word; so are "أ", "إ", "آ" and "ا".
 */
export function foldWord(word: string): string {
  return word.normalize("NFKD").replace(MARKS, "").toLowerCase();
}

// How replies introduce the history they quote ("On … X wrote:", "Am … schrieb X <x@y>:"), in the
// languages customers write in: a line ending in a colon that names the verb, or the sender's address.
const ATTRIBUTION_VERBS = ["wrote", "a scris", "schrieb", "написал", "пишет", "كتب"];
const SEPARATORS = new Set([
  "original message",
  "ursprüngliche nachricht",
  "original nachricht",
  "mesaj original",
  "mesajul original",
  "исходное сообщение",
  "الرسالة الأصلية",
]);

function startsHistory(line: string): boolean {
  const clean = line.replace(BIDI_MARKS, "").trim().toLowerCase();
  if (clean.length === 0 || clean.length > MAX_ATTRIBUTION_LINE) return false;
  if (clean.endsWith(":") && ATTRIBUTION_VERBS.some((verb) => clean.includes(verb))) return true;
  if (clean.endsWith(">:") && clean.includes("@")) return true;
  let from = 0;
  let to = clean.length;
  while (from < to && "-_ ".includes(clean[from]!)) from++;
  while (to > from && "-_ ".includes(clean[to - 1]!)) to--;
  return from > 0 && SEPARATORS.has(clean.slice(from, to));
}

/**
 * What the customer wrote now: quoted lines (`>`) are left out, and everything from a reply's
 * attribution ("On … wrote:", "Am … schrieb:") or an "Original message" separator onwards.
 */
export function withoutQuotedHistory(text: string): string {
  const kept: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (startsHistory(line)) break;
    if (!line.trimStart().startsWith(">")) kept.push(line);
  }
  return kept.join("\n");
}
