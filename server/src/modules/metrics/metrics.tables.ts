import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, orgId } from "../../platform/columns";
import { organizations } from "../orgs/orgs.tables";

// Facts the metrics module records as things happen, because business time depends on the
// calendar of that moment and cannot be recomputed cheaply in SQL over a million tickets. Everything
// else is read from other modules' tables through the read-only views in metrics.views.ts.

/**
 * Each public reply by a person on staff: the first answer to the customer, a next answer to a
 * customer who wrote again, or a follow-up nobody was waiting for (no duration).
 */
export const metricReplies = pgTable(
  "metric_replies",
  {
    orgId: orgId().references(() => organizations.orgId),
    messageId: uuid("message_id").notNull(),
    ticketId: uuid("ticket_id").notNull(),
    agentId: uuid("agent_id"),
    kind: text("kind", { enum: ["first", "next", "followup"] }).notNull(),
    at: at("at").notNull(),
    /** Since the customer began waiting: around the clock, and in the ticket's business hours. */
    calendarSeconds: integer("calendar_seconds"),
    businessSeconds: integer("business_seconds"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.messageId] }),
    index("metric_replies_org_at_idx").on(t.orgId, t.at, t.kind),
    index("metric_replies_org_ticket_idx").on(t.orgId, t.ticketId),
  ],
);

/** A ticket solved (or closed without being solved first), or reopened after that. */
export const metricTicketEvents = pgTable(
  "metric_ticket_events",
  {
    orgId: orgId().references(() => organizations.orgId),
    id: uuid("id").notNull(),
    ticketId: uuid("ticket_id").notNull(),
    kind: text("kind", { enum: ["solved", "reopened"] }).notNull(),
    at: at("at").notNull(),
    /** Who held the ticket at that moment: the solve counts for them. */
    agentId: uuid("agent_id"),
    /** Solved: since the ticket was created, around the clock and in business hours. */
    calendarSeconds: integer("calendar_seconds"),
    businessSeconds: integer("business_seconds"),
    /** Solved: how many staff public replies the ticket had by then. */
    replies: integer("replies"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index("metric_ticket_events_org_kind_at_idx").on(t.orgId, t.kind, t.at),
    index("metric_ticket_events_org_ticket_idx").on(t.orgId, t.ticketId),
  ],
);

/**
 * What each agent was doing, as intervals: their presence and whether they held open work. A new
 * interval starts when either changes; the current one has no end.
 */
export const metricAgentIntervals = pgTable(
  "metric_agent_intervals",
  {
    orgId: orgId().references(() => organizations.orgId),
    id: uuid("id").notNull(),
    userId: uuid("user_id").notNull(),
    presence: text("presence", { enum: ["online", "away", "offline"] }).notNull(),
    /** Holding at least one new or open ticket. */
    busy: boolean("busy").notNull(),
    startedAt: at("started_at").notNull(),
    endedAt: at("ended_at"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index("metric_agent_intervals_org_user_idx").on(t.orgId, t.userId, t.startedAt),
    uniqueIndex("metric_agent_intervals_current_key").on(t.orgId, t.userId).where(sql`${t.endedAt} IS NULL`),
  ],
);
