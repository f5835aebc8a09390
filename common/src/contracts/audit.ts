import { z } from "zod";
import { idSchema, isoDateTime, pageQuerySchema } from "./shared";

export const auditEventSchema = z.object({
  id: idSchema,
  action: z.string(),
  actorType: z.enum(["user", "api_token", "system", "cli", "anonymous", "customer"]),
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** Field-level change: `{ field: [before, after] }`; secrets are never included. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: isoDateTime,
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const listAuditEventsQuery = pageQuerySchema.extend({
  action: z.string().max(100).optional(),
  actorId: idSchema.optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
});
