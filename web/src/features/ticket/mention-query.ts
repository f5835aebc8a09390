import { isMentionStart, type Mentionable } from "@frontline/common";

/** A mention being typed: where its `@` is and what follows it up to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
}

/** Longer than any name: past this the `@` is taken for something else. */
const MAX_QUERY = 60;
const MAX_SUGGESTIONS = 8;

/** The mention typed just before the caret, or null: an `@` that starts a word, on the same line. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const from = Math.max(0, caret - MAX_QUERY - 1);
  for (let i = caret - 1; i >= from; i--) {
    const ch = text[i];
    if (ch === "\n") return null;
    if (ch !== "@") continue;
    if (!isMentionStart(text, i)) return null;
    const query = text.slice(i + 1, caret);
    return /^\s/.test(query) ? null : { start: i, query };
  }
  return null;
}

const fold = (s: string) => s.normalize("NFC").toLocaleLowerCase();

/**
 * Colleagues whose name (or a word of it) or email starts with what was typed, best first:
 * name starts, then a later word of the name, then the email; alphabetical within each.
 */
export function suggestPeople<P extends Mentionable>(people: readonly P[], query: string): P[] {
  const q = fold(query);
  const rank = (p: P): number => {
    const name = fold(p.name);
    if (name.startsWith(q)) return 0;
    if (name.split(/\s+/).some((word) => word.startsWith(q))) return 1;
    return p.email && fold(p.email).startsWith(q) ? 2 : -1;
  };
  return people
    .map((p) => ({ p, r: rank(p) }))
    .filter((x) => x.r >= 0)
    .sort((x, y) => x.r - y.r || x.p.name.localeCompare(y.p.name))
    .slice(0, MAX_SUGGESTIONS)
    .map((x) => x.p);
}

/**
 * What a mention of `person` says: their name, or their address when a colleague has the same
 * name (the server takes a name two people share for nobody).
 */
export function mentionLabel(person: Mentionable, people: readonly Mentionable[]): string {
  const name = fold(person.name.trim());
  const shared = people.some((p) => p.id !== person.id && fold(p.name.trim()) === name);
  return shared && person.email ? person.email : person.name.trim();
}

/**
 * Replaces the typed mention with `@label`, and a space when a word follows or nothing does (not
 * before punctuation); answers the new text and caret.
 */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  label: string,
): { text: string; caret: number } {
  const rest = text.slice(caret);
  const spacer = rest === "" || /^[\p{L}\p{N}]/u.test(rest) ? " " : "";
  const inserted = `@${label}${spacer}`;
  return { text: `${text.slice(0, mention.start)}${inserted}${rest}`, caret: mention.start + inserted.length };
}
