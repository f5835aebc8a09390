import { z } from "zod";

/** The five languages Frontline speaks. */
export const LOCALES = ["en", "ro", "de", "ru", "ar"] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** Locales written right to left. */
export const RTL_LOCALES: readonly Locale[] = ["ar"];

/** Staff roles, from least to most privileged. */
export const ROLES = ["agent", "supervisor", "manager", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** True when `role` is at least as privileged as `minimum`. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

export const idSchema = z.string().uuid();

/** An IANA time zone name the runtime knows, e.g. "Europe/Bucharest". */
export const timeZoneSchema = z.string().min(1).max(64).refine(isKnownTimeZone, { message: "Unknown IANA time zone" });

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .email()
  .transform((v) => v.toLowerCase());

/** Passwords: at least 8 characters, long passphrases welcome, no composition rules. */
export const passwordSchema = z.string().min(8).max(256);

export const isoDateTime = z.string().datetime();

/** List query: `limit` (1-200, default 50) and an opaque `cursor`. */
export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

/** A page of results. */
export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/** A single object response. */
export function one<T extends z.ZodTypeAny>(item: T) {
  return z.object({ data: item });
}

/** The one error shape (RFC 9457 problem details). */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
