/** Someone who can be mentioned: by `@Full Name`, or by `@email` when an address is known. */
export interface Mentionable {
  id: string;
  name: string;
  email?: string | undefined;
}

/** One mention found in a text: who, and where (`@` included) in the text's NFC form. */
export interface MentionSpan {
  id: string;
  start: number;
  end: number;
}

/** A run of text for display: plain, or a mention of `id`. */
export type MentionSegment = { text: string; id?: undefined } | { text: string; id: string };

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Who a key ending here names; more than one means the name is ambiguous and names nobody. */
  ids?: Set<string>;
}

const WHITESPACE = /\s/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
/** Characters an email address holds around its `@`; one of them before `@` makes it part of an address. */
const ADDRESS_PUNCTUATION = new Set([".", "_", "%", "+", "-", "@"]);

/**
 * One code point folded for comparison. Names and text go through this same function one code point
 * at a time, so they compare alike even where a whole-string lower-casing would differ.
 */
function fold(ch: string): string {
  return WHITESPACE.test(ch) ? " " : ch.toLowerCase();
}

/** The folded code points of a name or address, with runs of whitespace as one space. */
function keyOf(value: string): string[] {
  const out: string[] = [];
  for (const ch of value.normalize("NFC").trim()) {
    const f = fold(ch);
    if (f === " " && out[out.length - 1] === " ") continue;
    out.push(f);
  }
  return out;
}

function buildTrie(people: readonly Mentionable[]): TrieNode {
  const root: TrieNode = { next: new Map() };
  for (const person of people) {
    for (const label of [person.name, person.email]) {
      const key = label ? keyOf(label) : [];
      if (key.length === 0) continue;
      let node = root;
      for (const f of key) {
        let child = node.next.get(f);
        if (!child) {
          child = { next: new Map() };
          node.next.set(f, child);
        }
        node = child;
      }
      node.ids ??= new Set();
      node.ids.add(person.id);
    }
  }
  return root;
}

/** The code point starting at `i`, or "" past the end. */
function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}

/** The code point ending just before `i`, or "" at the start. */
function charBefore(text: string, i: number): string {
  if (i <= 0) return "";
  const low = text.charCodeAt(i - 1);
  const isLowSurrogate = low >= 0xdc00 && low <= 0xdfff;
  return isLowSurrogate && i >= 2 ? text.slice(i - 2, i) : text.slice(i - 1, i);
}

/** True when an `@` at `i` can start a mention: not inside a word or an email address. */
export function isMentionStart(text: string, i: number): boolean {
  if (text[i] !== "@") return false;
  const before = charBefore(text, i);
  return before === "" || !(WORD_CHAR.test(before) || ADDRESS_PUNCTUATION.has(before));
}

/** True when a name may end at `i`: the next character does not continue a word, a hyphenated name or an address. */
function endsWord(text: string, i: number): boolean {
  const next = charAt(text, i);
  if (next === "") return true;
  if (WORD_CHAR.test(next)) return false;
  return !(ADDRESS_PUNCTUATION.has(next) && WORD_CHAR.test(charAt(text, i + next.length)));
}

/** The longest name or address in the trie right after the `@` at `at`, with who it names. */
function longestAt(text: string, at: number, root: TrieNode): MentionSpan | undefined {
  let node: TrieNode | undefined = root;
  let best: MentionSpan | undefined;
  let i = at + 1;
  while (node && i < text.length) {
    const ch = charAt(text, i);
    node = node.next.get(fold(ch));
    i += ch.length;
    if (node?.ids?.size === 1 && endsWord(text, i)) best = { id: [...node.ids][0]!, start: at, end: i };
  }
  return best;
}

/**
 * Finds `@Full Name` and `@email` mentions of `people` in `text`, case-insensitively; where names
 * overlap the longest wins ("@Ana Maria Pop" over "@Ana Maria"). An `@` inside a word or an email
 * address starts no mention, and a name two people share names neither. Walks a trie of the names,
 * so the work is linear in the text whatever the number of people (no backtracking regex).
 * Offsets are into `text.normalize("NFC")`.
 */
export function findMentions(text: string, people: readonly Mentionable[]): MentionSpan[] {
  const normalized = text.normalize("NFC");
  const root = buildTrie(people);
  const found: MentionSpan[] = [];
  let from = 0;
  for (;;) {
    const at = normalized.indexOf("@", from);
    if (at < 0) return found;
    const span = isMentionStart(normalized, at) ? longestAt(normalized, at, root) : undefined;
    if (span) found.push(span);
    from = span ? span.end : at + 1;
  }
}

/** The ids of the people `text` mentions, each once, in order of first mention. */
export function mentionedIds(text: string, people: readonly Mentionable[]): string[] {
  return [...new Set(findMentions(text, people).map((m) => m.id))];
}

/** `text` (in NFC form) cut into plain runs and mentions, for highlighting. */
export function splitMentions(text: string, people: readonly Mentionable[]): MentionSegment[] {
  const normalized = text.normalize("NFC");
  const segments: MentionSegment[] = [];
  let at = 0;
  for (const m of findMentions(normalized, people)) {
    if (m.start > at) segments.push({ text: normalized.slice(at, m.start) });
    segments.push({ text: normalized.slice(m.start, m.end), id: m.id });
    at = m.end;
  }
  if (at < normalized.length || segments.length === 0) segments.push({ text: normalized.slice(at) });
  return segments;
}
