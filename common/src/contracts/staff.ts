import { z } from "zod";
import {
  emailSchema,
  idSchema,
  isoDateTime,
  localeSchema,
  pageQuerySchema,
  passwordSchema,
  roleSchema,
  timeZoneSchema,
} from "./shared";

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  locale: localeSchema,
  timeZone: z.string(),
  active: z.boolean(),
  teamIds: z.array(idSchema),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type User = z.infer<typeof userSchema>;

export const createUserInput = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(120),
  role: roleSchema,
  password: passwordSchema,
  locale: localeSchema.default("en"),
  timeZone: timeZoneSchema.default("UTC"),
  teamIds: z.array(idSchema).max(100).default([]),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  email: emailSchema.optional(),
  role: roleSchema.optional(),
  locale: localeSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  teamIds: z.array(idSchema).max(100).optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const listUsersQuery = pageQuerySchema.extend({
  role: roleSchema.optional(),
  teamId: idSchema.optional(),
  active: z.enum(["true", "false"]).optional(),
  q: z.string().trim().max(100).optional(),
});

export const teamSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  memberIds: z.array(idSchema),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Team = z.infer<typeof teamSchema>;

export const createTeamInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).default(""),
  memberIds: z.array(idSchema).max(1000).default([]),
});
export type CreateTeamInput = z.infer<typeof createTeamInput>;

export const updateTeamInput = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  description: z.string().trim().max(500).optional(),
  memberIds: z.array(idSchema).max(1000).optional(),
});
export type UpdateTeamInput = z.infer<typeof updateTeamInput>;
