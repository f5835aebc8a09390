import { z } from "zod";
import { escalationOutcomeSchema } from "./escalations";
import { idSchema, isoDateTime, pageQuerySchema } from "./shared";

export const NOTIFICATION_KINDS = [
  "mention",
  "escalation_requested",
  "escalation_taken",
  "escalation_resolved",
  "escalation_returned",
  "rule",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Something a staff member should look at: a colleague mentioned them in an internal note, handed
 * them an escalation by name, or took, resolved or handed back one they raised or whose ticket they
 * hold; or a rule asked to tell them (kind `rule`: the actor is the rule, by its name, and the
 * excerpt its text).
 */
export const notificationSchema = z.object({
  id: idSchema,
  kind: z.enum(NOTIFICATION_KINDS),
  /** Who caused it, as named when it happened (a rule's notice: the rule's name, with no id). */
  actor: z.object({ id: idSchema.nullable(), name: z.string() }),
  /** The ticket, as it was when it happened. */
  ticket: z.object({ id: idSchema, number: z.number().int(), subject: z.string() }),
  /** The note that mentioned them; null for escalation notices. */
  messageId: idSchema.nullable(),
  /** The start of the note (or of the escalation's note, or the rule's text), as plain text; may be empty. */
  excerpt: z.string(),
  /** For escalation notices: which escalation, its reason as labelled then, and how it ended. */
  escalation: z
    .object({
      id: idSchema,
      level: z.number().int(),
      reason: z.string(),
      reasonLabel: z.string(),
      outcome: escalationOutcomeSchema.nullable(),
    })
    .nullable(),
  readAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type Notification = z.infer<typeof notificationSchema>;

/** The caller's own notifications, newest first; `unread=true` for the unread ones only, `false` for the read. */
export const listNotificationsQuery = pageQuerySchema.extend({
  unread: z.enum(["true", "false"]).optional(),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;

/** How many of the caller's notifications are unread. */
export const unreadCountSchema = z.object({ data: z.object({ unread: z.number().int() }) });

export const markNotificationsReadInput = z
  .strictObject({
    /** These of the caller's notifications; an id that is not theirs fails the whole request. */
    ids: z.array(idSchema).min(1).max(200).optional(),
    /** Every one of the caller's notifications. */
    all: z.literal(true).optional(),
  })
  .refine((m) => (m.ids === undefined) !== (m.all === undefined), {
    path: ["ids"],
    message: "Give either ids or all: true",
  });
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadInput>;
