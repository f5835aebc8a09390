import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, orgId } from "../../platform/columns";
import { customers } from "../customers/customers.tables";
import { organizations } from "../orgs/orgs.tables";
import { teams, users } from "../staff/staff.tables";

/** The next ticket number of each organisation (numbers are per organisation and never reused). */
export const ticketCounters = pgTable("ticket_counters", {
  orgId: orgId()
    .primaryKey()
    .references(() => organizations.orgId),
  next: bigint("next", { mode: "number" }).notNull().default(1),
});

export const tickets = pgTable(
  "tickets",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    number: integer("number").notNull(),
    subject: text("subject").notNull(),
    status: text("status", { enum: ["new", "open", "pending", "on_hold", "solved", "closed"] }).notNull(),
    priority: text("priority", { enum: ["low", "normal", "high", "urgent"] }).notNull(),
    channel: text("channel", { enum: ["email", "web", "portal", "chat", "phone", "social", "api"] }).notNull(),
    requesterId: uuid("requester_id").notNull(),
    assigneeId: uuid("assignee_id"),
    teamId: uuid("team_id"),
    tags: text("tags").array().notNull().default(sql`'{}'`),
    customFields: jsonb("custom_fields").$type<Record<string, unknown>>().notNull().default({}),
    language: text("language"),
    mergedIntoId: uuid("merged_into_id"),
    /** 0, or the level of the ticket's highest open escalation (set by the escalations module). */
    escalationLevel: integer("escalation_level").notNull().default(0),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    solvedAt: at("solved_at"),
    closedAt: at("closed_at"),
    lastMessageAt: at("last_message_at").notNull().defaultNow(),
    /** Kept by the SLA module: when the ticket's next promise falls due, and whether one was missed. */
    slaDueAt: at("sla_due_at"),
    slaBreached: boolean("sla_breached").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("tickets_org_number_key").on(t.orgId, t.number),
    foreignKey({ columns: [t.orgId, t.requesterId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.assigneeId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({ columns: [t.orgId, t.mergedIntoId], foreignColumns: [t.orgId, t.id] }),
    // The inbox: an organisation's tickets by status, newest activity first.
    index("tickets_org_status_updated_idx").on(t.orgId, t.status, t.updatedAt, t.id),
    index("tickets_org_updated_idx").on(t.orgId, t.updatedAt, t.id),
    index("tickets_org_assignee_idx").on(t.orgId, t.assigneeId, t.status),
    index("tickets_org_team_idx").on(t.orgId, t.teamId, t.status),
    index("tickets_org_requester_idx").on(t.orgId, t.requesterId, t.createdAt),
    index("tickets_org_tags_idx").using("gin", t.tags),
    // Reports leave out tickets merged into others: few, so only those are indexed.
    index("tickets_org_merged_idx").on(t.orgId, t.id).where(sql`${t.mergedIntoId} IS NOT NULL`),
    // Reports: tickets received in a period.
    index("tickets_org_created_idx").on(t.orgId, t.createdAt),
    // The inbox's "SLA due soonest": the same key as the list's order (ticket-order.ts), nothing due last.
    index("tickets_org_sla_due_idx").on(t.orgId, sql`coalesce(${t.slaDueAt}, 'infinity'::timestamptz)`, t.id),
    // The inbox's "escalated" filter: few tickets are, so only those are indexed.
    index("tickets_org_escalated_idx").on(t.orgId, t.escalationLevel, t.updatedAt).where(sql`${t.escalationLevel} > 0`),
  ],
);

export const messages = pgTable(
  "messages",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    ticketId: uuid("ticket_id").notNull(),
    kind: text("kind", { enum: ["reply", "note", "inbound"] }).notNull(),
    channel: text("channel", { enum: ["email", "web", "portal", "chat", "phone", "social", "api"] }).notNull(),
    authorType: text("author_type", { enum: ["user", "customer", "system"] }).notNull(),
    authorUserId: uuid("author_user_id"),
    authorCustomerId: uuid("author_customer_id"),
    bodyText: text("body_text").notNull(),
    bodyHtml: text("body_html"),
    /** Metadata of the channel: mail headers, call details, the raw-copy reference. */
    meta: jsonb("meta").$type<Record<string, unknown>>().notNull().default({}),
    /** Staff an internal note mentions (notified through `ticket.note_mentioned`). */
    mentionIds: uuid("mention_ids").array().notNull().default(sql`'{}'`),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.ticketId], foreignColumns: [tickets.orgId, tickets.id] }),
    foreignKey({ columns: [t.orgId, t.authorUserId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.authorCustomerId], foreignColumns: [customers.orgId, customers.id] }),
    index("messages_org_ticket_idx").on(t.orgId, t.ticketId, t.createdAt, t.id),
  ],
);
