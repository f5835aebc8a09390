// Finds a customer asking for someone higher up. Everything here is plain string work over words:
// one pass to split the text, then at each word a bounded check of the phrases that may start there,
// so the time grows with the text's length (times a small factor for the organisation's own list),
// and no input can make it backtrack (SECURITY.md 17: no ReDoS).

import { foldWord, withoutQuotedHistory } from "@frontline/common";

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
const CONTEXT = 60;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = foldWord(m[0]);
    if (word) out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
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
