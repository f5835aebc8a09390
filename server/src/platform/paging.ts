import { AppError } from "./errors";

/** Encodes a keyset position as an opaque cursor. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** Decodes a cursor made by encodeCursor with `arity` positions; a forged one is a 400. */
export function decodeCursor(cursor: string, arity: number): string[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === "string")) {
      return values as string[];
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("validation_failed", "The cursor is not valid", { cursor: ["Invalid cursor"] });
}

/** Splits `limit + 1` fetched rows into a page and the cursor of its last row. */
export function pageFrom<T>(rows: T[], limit: number, keyOf: (row: T) => string[]) {
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { page, nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}

/** A time taken from a cursor; a forged one is a 400 like any bad cursor. */
export function cursorTime(value: string): Date {
  const when = new Date(value);
  if (Number.isNaN(when.getTime())) {
    throw new AppError("validation_failed", "The cursor is not valid", { cursor: ["Invalid cursor"] });
  }
  return when;
}
