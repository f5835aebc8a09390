/** The PostgreSQL error code of a driver error, looking through ORM wrappers. */
export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 3 && e && typeof e === "object"; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True for a unique-constraint violation. */
export const isUniqueViolation = (err: unknown): boolean => pgErrorCode(err) === "23505";
