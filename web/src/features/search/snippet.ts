/** One run of a search snippet: plain text, highlighted when it matched the query. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Undoes the server's escaping: named entities it uses and numeric ones; anything else stays as written. */
export function decodeEntities(escaped: string): string {
  return escaped.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Splits a server snippet into text runs. The snippet is escaped text whose only markup is
 * <mark>…</mark>; the runs are plain text to render as text nodes, so nothing in a customer's words
 * can ever become markup here. A stray or unclosed tag only ends or starts a highlight.
 */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  for (const piece of snippet.split(/(<\/?mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === "<mark>" || tag === "</mark>") {
      marked = tag === "<mark>";
      continue;
    }
    if (piece === "") continue;
    const text = decodeEntities(piece);
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  }
  return parts;
}
