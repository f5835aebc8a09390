// Whether a customer's message reads as a complaint, from a lexicon in five languages
// (negative-lexicon.ts; decision 017). Plain string work, like the escalation phrases: one pass
// splits the text into words and clause breaks, then each word is checked against entries indexed
// by their first word, so time grows linearly with the text and no input can make it backtrack.

import { foldWord, withoutQuotedHistory } from "../text/words";
import { NEGATIVE_LEXICON } from "./negative-lexicon";

/** What made a message read as negative: the lexicon's entry, and whether it was a negated word of contentment. */
export interface NegativeHit {
  entry: string;
  negated: boolean;
}

interface Entry {
  source: string;
  words: string[];
  openStart: boolean;
  openEnd: boolean;
}

// A word (letters, marks, digits, an apostrophe inside: "don't"), or a mark that ends a clause.
const PIECE = /[\p{L}\p{M}\p{N}'’]+|[.,;:!?…،؛؟()"«»„“”\n]/gu;
const BREAKS = new Set([...'.,;:!?…،؛؟()"«»„“”\n']);
/** A clause break: a negator before it does not reach the words after it ("No, I am happy"). */
const BREAK = null;
type Token = string | typeof BREAK;
/** How much of a message is read: a complaint is made early, and a pasted log must not cost more. */
const MAX_CHARS = 20_000;

function trimApostrophes(word: string): string {
  let from = 0;
  let to = word.length;
  while (from < to && word[from] === "'") from++;
  while (to > from && word[to - 1] === "'") to--;
  return word.slice(from, to);
}

/** A word folded as the lexicon is: see foldWord, and the Arabic final forms written either way. */
function fold(word: string): string {
  return trimApostrophes(foldWord(word.replaceAll("’", "'")))
    .replaceAll("ى", "ي")
    .replaceAll("ة", "ه");
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const [piece] of text.matchAll(PIECE)) {
    if (BREAKS.has(piece)) {
      if (out.length > 0 && out[out.length - 1] !== BREAK) out.push(BREAK);
      continue;
    }
    const word = fold(piece);
    if (word) out.push(word);
  }
  return out;
}

function compile(source: string): Entry | undefined {
  const openStart = source.startsWith("*");
  const openEnd = source.endsWith("*") && source.length > 1;
  const words = tokens(source.replaceAll("*", " ")).filter((t): t is string => t !== BREAK);
  return words.length > 0 ? { source, words, openStart, openEnd } : undefined;
}

function fits(token: Token, word: string, openStart: boolean, openEnd: boolean): boolean {
  if (token === BREAK) return false;
  if (openStart && openEnd) return token.includes(word);
  if (openStart) return token.endsWith(word);
  if (openEnd) return token.startsWith(word);
  return token === word;
}

function fitsAt(text: Token[], at: number, e: Entry): boolean {
  if (at + e.words.length > text.length) return false;
  const last = e.words.length - 1;
  return e.words.every((word, j) => fits(text[at + j]!, word, j === 0 && e.openStart, j === last && e.openEnd));
}

/** Entries found by their first word when it must be whole; the few open ones are tried at every word. */
class EntryIndex {
  private readonly byFirst = new Map<string, Entry[]>();
  private readonly open: Entry[] = [];

  constructor(sources: readonly string[]) {
    for (const source of sources) {
      const e = compile(source);
      if (!e) continue;
      if (e.openStart || (e.words.length === 1 && e.openEnd)) this.open.push(e);
      else this.byFirst.set(e.words[0]!, [...(this.byFirst.get(e.words[0]!) ?? []), e]);
    }
  }

  /** The entry that starts at this word, if any. */
  at(text: Token[], i: number): Entry | undefined {
    const word = text[i];
    if (word === BREAK || word === undefined) return undefined;
    return [...(this.byFirst.get(word) ?? []), ...this.open].find((e) => fitsAt(text, i, e));
  }
}

const all = (pick: (l: (typeof NEGATIVE_LEXICON)["en"]) => readonly string[]) =>
  new Set(Object.values(NEGATIVE_LEXICON).flatMap((l) => pick(l).map(fold)));

// Every language at once: a ticket's language may be unknown, and customers mix them.
const COMPLAINTS = new EntryIndex(Object.values(NEGATIVE_LEXICON).flatMap((l) => l.complaints));
const CONTENTMENT = new EntryIndex(Object.values(NEGATIVE_LEXICON).flatMap((l) => l.contentment));
const NEGATORS = all((l) => l.negators);
const AFTER_NEGATORS = all((l) => l.afterNegators);
const FILLERS = all((l) => l.fillers);
const LINKS = all((l) => l.links);

/** Whether a negator stands before word `i`, with at most `reach` skippable words between, in the same clause. */
function negatedBefore(text: Token[], i: number, skippable: (w: string) => boolean, reach: number): boolean {
  for (let j = i - 1, skipped = 0; j >= 0 && skipped <= reach; j--, skipped++) {
    const word = text[j];
    if (word === BREAK || word === undefined) return false;
    if (NEGATORS.has(word)) return true;
    if (!skippable(word)) return false;
  }
  return false;
}

/**
 * The first sign that the customer's own words (quoted history left out) complain: a complaint
 * word that is not directly negated ("not disappointed", "no complaints", "претензий нет"), or a
 * negated word of contentment ("not happy", "nu sunt mulțumit", "غير راضٍ"); null when there is none.
 */
export function findNegativeWording(message: string): NegativeHit | null {
  const text = tokens(withoutQuotedHistory(message).slice(0, MAX_CHARS));
  for (let i = 0; i < text.length; i++) {
    const complaint = COMPLAINTS.at(text, i);
    if (complaint) {
      const next = text[i + complaint.words.length];
      const denied =
        negatedBefore(text, i, (w) => FILLERS.has(w), 2) || (typeof next === "string" && AFTER_NEGATORS.has(next));
      if (!denied) return { entry: complaint.source, negated: false };
    }
    const content = CONTENTMENT.at(text, i);
    if (content && negatedBefore(text, i, (w) => FILLERS.has(w) || LINKS.has(w), 3)) {
      return { entry: content.source, negated: true };
    }
  }
  return null;
}

/** Whether a customer's message reads as a complaint (see findNegativeWording). */
export function readsNegative(message: string): boolean {
  return findNegativeWording(message) !== null;
}
