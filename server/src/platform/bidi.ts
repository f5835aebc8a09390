import bidiFactory from "bidi-js";

const bidi = bidiFactory();

/** Arabic letters, digits and presentation forms: what an Arabic font draws and its shaper reverses. */
export const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

/** A piece of one line, to be drawn as it stands, left to right after the one before it. */
export interface VisualToken {
  text: string;
  /** Drawn with the Arabic font. */
  arabic: boolean;
}

const reversed = (s: string) => Array.from(s).reverse().join("");

/**
 * One line of text as the pieces a PDF writer draws left to right, by the Unicode bidirectional
 * algorithm (bidi-js): runs in visual order, mirrored brackets in right-to-left runs, words of a
 * right-to-left run in reverse. A word with Arabic letters is left in logical order, because the font
 * shaper (fontkit, inside pdfkit) joins its letters and lays it out right to left by itself; other
 * right-to-left pieces (punctuation, spaces) are reversed here. Arabic-Indic digits are reversed too,
 * since the shaper would lay them out right to left although numbers read left to right.
 */
export function visualTokens(text: string, base: "ltr" | "rtl"): VisualToken[] {
  if (!text) return [];
  const { levels } = bidi.getEmbeddingLevels(text, base);
  const mirrors = bidi.getMirroredCharactersMap(text, levels);
  const chars = text.split("").map((c, i) => mirrors.get(i) ?? c);
  const runs: { text: string; level: number }[] = [];
  let start = 0;
  for (let i = 1; i <= chars.length; i++) {
    if (i === chars.length || levels[i] !== levels[start]) {
      runs.push({ text: chars.slice(start, i).join(""), level: levels[start]! });
      start = i;
    }
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every sequence at or above it.
  const max = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : Number.POSITIVE_INFINITY)));
  for (let level = max; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  const tokens: VisualToken[] = [];
  for (const run of runs) {
    const rtl = run.level % 2 === 1;
    const words = run.text.match(/\s+|\S+/g) ?? [];
    if (rtl) words.reverse();
    for (const word of words) {
      const arabic = ARABIC_SCRIPT.test(word);
      tokens.push({ text: rtl !== arabic ? reversed(word) : word, arabic });
    }
  }
  return tokens;
}

/** True when the text begins, by its first strong letter, right to left. */
export const startsRtl = (text: string) => bidi.getEmbeddingLevels(text).paragraphs[0]?.level === 1;
