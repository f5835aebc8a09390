// Finds a customer asking for someone higher up. Everything here is plain string work over words:
// one pass to split the text, then at each word a bounded check of the phrases that may start there,
// so the time grows with the text's length (times a small factor for the organisation's own list),
// and no input can make it backtrack (SECURITY.md 17: no ReDoS).

/** One phrase as the matcher uses it: its folded words, and whether its ends may run on into a word. */
interface CompiledPhrase {
  source: string;
  words: string[];
  openStart: boolean;
  openEnd: boolean;
}

/** What was found: the phrase as configured, and the customer's words around it. */
export interface PhraseMatch {
  phrase: string;
  excerpt: string;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const MARKS = /[\p{M}\u0640]/gu;
const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
const CONTEXT = 60;
const MAX_ATTRIBUTION_LINE = 400;

/**
 * A word folded for comparison: compatibility forms, no accents or Arabic vowel marks and tatweel,
 * lower case. "Șeful", "seful" and "şeful" (cedilla) are one word; so are "أ", "إ", "آ" and "ا".
 */
export function foldWord(word: string): string {
  return word.normalize("NFKD").replace(MARKS, "").toLowerCase();
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = foldWord(m[0]);
    if (word) out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
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

function compile(source: string): CompiledPhrase | undefined {
  const trimmed = source.trim();
  const openStart = trimmed.startsWith("*");
  const openEnd = trimmed.endsWith("*") && trimmed.length > 1;
  const words = tokens(trimmed.replaceAll("*", " ")).map((t) => t.word);
  return words.length > 0 ? { source: trimmed, words, openStart, openEnd } : undefined;
}

function wordFits(token: string, word: string, openStart: boolean, openEnd: boolean): boolean {
  if (openStart && openEnd) return token.includes(word);
  if (openStart) return token.endsWith(word);
  if (openEnd) return token.startsWith(word);
  return token === word;
}

function fitsAt(text: Token[], at: number, p: CompiledPhrase): boolean {
  if (at + p.words.length > text.length) return false;
  const last = p.words.length - 1;
  return p.words.every((word, j) =>
    wordFits(text[at + j]!.word, word, j === 0 && p.openStart, j === last && p.openEnd),
  );
}

function excerptAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  const middle = text.slice(from, to).replace(/\s+/gu, " ").trim();
  return `${from > 0 ? "…" : ""}${middle}${to < text.length ? "…" : ""}`;
}

/** A matcher over a list of phrases; build it once per list and use it on many messages. */
export class PhraseMatcher {
  // Phrases whose first word must be equal are found by that word; the few others are tried at every word.
  private readonly byFirstWord = new Map<string, CompiledPhrase[]>();
  private readonly open: CompiledPhrase[] = [];

  constructor(phrases: readonly string[]) {
    for (const source of phrases) {
      const p = compile(source);
      if (!p) continue;
      const firstIsExact = !p.openStart && !(p.words.length === 1 && p.openEnd);
      if (!firstIsExact) this.open.push(p);
      else this.byFirstWord.set(p.words[0]!, [...(this.byFirstWord.get(p.words[0]!) ?? []), p]);
    }
  }

  /** The first phrase the customer's own words (quoted history aside) contain, or null. */
  find(message: string): PhraseMatch | null {
    const visible = withoutQuotedHistory(message);
    const text = tokens(visible);
    for (let i = 0; i < text.length; i++) {
      const candidates = [...(this.byFirstWord.get(text[i]!.word) ?? []), ...this.open];
      for (const p of candidates) {
        if (fitsAt(text, i, p)) {
          const end = text[i + p.words.length - 1]!.end;
          return { phrase: p.source, excerpt: excerptAround(visible, text[i]!.start, end) };
        }
      }
    }
    return null;
  }
}
