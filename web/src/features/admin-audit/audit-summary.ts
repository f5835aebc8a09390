/** Pure helpers for the audit log: no React, so they are tested on their own. */

const MAX_VALUE_LENGTH = 48;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a summary needs besides the value: words for booleans and names for known ids. */
export interface SummaryContext {
  yes: string;
  no: string;
  /** Team and user names by id, so "teamIds" reads as team names rather than UUIDs. */
  names: ReadonlyMap<string, string>;
  /** Words for coded values of a field (a role, a locale); undefined leaves the value as it is. */
  wordFor?: (field: string, value: string) => string | undefined;
}

/** A before/after value in a few characters: ids named or shortened, lists joined, long text cut. */
export function summariseValue(value: unknown, context: SummaryContext, field = ""): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? context.yes : context.no;
  if (typeof value === "string") {
    const word = context.wordFor?.(field, value);
    if (word) return word;
    if (UUID.test(value)) return context.names.get(value) ?? value.slice(0, 8);
    return value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH - 1)}…` : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    return summariseValue(value.map((v) => summariseValue(v, context, field)).join(", "), context);
  }
  if (typeof value === "number") return String(value);
  return summariseValue(JSON.stringify(value), context);
}
