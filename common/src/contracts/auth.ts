import { z } from "zod";
import { emailSchema, idSchema, isoDateTime, localeSchema, passwordSchema, roleSchema, timeZoneSchema } from "./shared";

export const loginInput = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(256),
});
export type LoginInput = z.infer<typeof loginInput>;

export const meSchema = z.object({
  id: idSchema,
  orgId: idSchema,
  orgName: z.string(),
  /** The address customers write to; mail sent there reaches the built-in SMTP listener. */
  orgSupportEmail: z.string().nullable(),
  /** Where the organisation's customer portal lives: /portal/<orgSlug>. */
  orgSlug: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  locale: localeSchema,
  timeZone: z.string(),
  teamIds: z.array(idSchema),
  /** Send back as `X-CSRF-Token` on every cookie-authenticated write. Null for API tokens. */
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof meSchema>;

export const updateMeInput = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  locale: localeSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
export type UpdateMeInput = z.infer<typeof updateMeInput>;

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});

export const createApiTokenInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresAt: isoDateTime.optional(),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenInput>;

export const apiTokenSchema = z.object({
  id: idSchema,
  name: z.string(),
  userId: idSchema,
  prefix: z.string(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
  expiresAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** Returned once, at creation: `token` is never shown again. */
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string() });
