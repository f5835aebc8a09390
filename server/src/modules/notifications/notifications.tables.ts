import { type EscalationType, NOTIFICATION_KINDS } from "@frontline/common";
import { sql } from "drizzle-orm";
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, orgId } from "../../platform/columns";
import { escalations } from "../escalations/escalations.tables";
import { users } from "../staff/staff.tables";
import { messages, tickets } from "../tickets/tickets.tables";

/**
 * An escalation notice's facts as they were: who raised it, its level, its reason as labelled for the
 * recipient, its outcome. `type` is missing on notices recorded before mail needed it.
 */
export interface EscalationFacts {
  type?: EscalationType;
  level: number;
  reason: string;
  reasonLabel: string;
  outcome: string | null;
}

/**
 * What a staff member should look at, one row per recipient. The ticket and the actor are kept as
 * they were when it happened, like a mail, so a list or a count reads this table alone.
 */
export const notifications = pgTable(
  "notifications",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    /** The recipient: only they ever see or mark it. */
    userId: uuid("user_id").notNull(),
    kind: text("kind", {
      enum: NOTIFICATION_KINDS,
    }).notNull(),
    actorUserId: uuid("actor_user_id"),
    actorName: text("actor_name").notNull(),
    ticketId: uuid("ticket_id").notNull(),
    ticketNumber: integer("ticket_number").notNull(),
    ticketSubject: text("ticket_subject").notNull(),
    /** The note that mentioned them (mentions only). */
    messageId: uuid("message_id"),
    excerpt: text("excerpt").notNull(),
    /** The escalation an escalation notice is about, and what it said when it happened. */
    escalationId: uuid("escalation_id"),
    escalation: jsonb("escalation").$type<EscalationFacts>(),
    readAt: at("read_at"),
    /** When the mail notice went out; a retried job does not send it twice. */
    mailedAt: at("mailed_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.actorUserId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.ticketId], foreignColumns: [tickets.orgId, tickets.id] }),
    foreignKey({ columns: [t.orgId, t.messageId], foreignColumns: [messages.orgId, messages.id] }),
    foreignKey({ columns: [t.orgId, t.escalationId], foreignColumns: [escalations.orgId, escalations.id] }),
    // One notice per person per note, however the mention was made.
    uniqueIndex("notifications_org_message_user_key").on(t.orgId, t.messageId, t.userId),
    // The bell's list: a person's newest first.
    index("notifications_org_user_created_idx").on(t.orgId, t.userId, t.createdAt, t.id),
    // The bell's count, polled by every open tab: only unread rows are indexed.
    index("notifications_org_user_unread_idx").on(t.orgId, t.userId).where(sql`${t.readAt} IS NULL`),
  ],
);
