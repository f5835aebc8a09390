/**
 * Reading values out of the address bar. The router parses each value as JSON when it can, so a
 * hand-typed `?tag=2024` arrives as a number; these accept that and drop anything else unexpected.
 */

/** A trimmed, non-empty string (a number is taken as its digits), or undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** One of the allowed values, or undefined. */
export function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  const s = text(value);
  return s !== undefined && (allowed as readonly string[]).includes(s) ? (s as T) : undefined;
}

/** Keeps the known values of a comma-separated list, each once, in the canonical order. */
export function csvOf(allowed: readonly string[], value: unknown): string | undefined {
  const wanted = new Set((text(value) ?? "").split(","));
  const kept = allowed.filter((v) => wanted.has(v));
  return kept.length > 0 ? kept.join(",") : undefined;
}

/**
 * Free text as the person typed it, whatever the router made of it: `?q=true` or `?q=[1]` are
 * words to search for, not a boolean or a list.
 */
export function typedText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const raw = typeof value === "string" ? value : JSON.stringify(value);
  return raw.trim() || undefined;
}
