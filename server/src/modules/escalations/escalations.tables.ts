import { sql } from "drizzle-orm";
import {
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
import { users } from "../staff/staff.tables";
import { tickets } from "../tickets/tickets.tables";

/**
 * An organisation's own list of reasons. Until an admin changes the list it has no rows and the
 * built-in defaults apply (defaults.ts); the first change writes them all, so the list never shrinks.
 */
export const escalationReasons = pgTable(
  "escalation_reasons",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    code: text("code").notNull(),
    /** A label per locale (en, ro, de, ru, ar); missing ones fall back to English. */
    labels: jsonb("labels").$type<Record<string, string>>().notNull(),
    active: boolean("active").notNull().default(true),
    position: integer("position").notNull().default(0),
    builtIn: boolean("built_in").notNull().default(false),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), uniqueIndex("escalation_reasons_org_code_key").on(t.orgId, t.code)],
);

/** The phrases of one language an organisation changed; a language without a row uses the defaults. */
export const escalationPhrases = pgTable(
  "escalation_phrases",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    locale: text("locale").notNull(),
    phrases: text("phrases").array().notNull(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("escalation_phrases_org_locale_key").on(t.orgId, t.locale),
  ],
);

export const escalations = pgTable(
  "escalations",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    ticketId: uuid("ticket_id").notNull(),
    type: text("type", { enum: ["agent", "customer_request", "automatic", "bad_rating"] }).notNull(),
    /** How a customer asked: in a message, through the link in a reply mail, or on the portal. */
    via: text("via", { enum: ["message", "mail_link", "portal"] }),
    /** A reason code of the organisation (the list may be the defaults, which have no rows: no foreign key). */
    reason: text("reason").notNull(),
    level: integer("level").notNull(),
    status: text("status", { enum: ["open", "taken", "resolved"] }).notNull(),
    note: text("note"),
    toUserId: uuid("to_user_id"),
    createdByUserId: uuid("created_by_user_id"),
    createdByCustomerId: uuid("created_by_customer_id"),
    /** The rule that raised an automatic escalation, by its name then: rules may be renamed or deleted. */
    createdByRule: text("created_by_rule"),
    createdAt: at("created_at").notNull().defaultNow(),
    takenByUserId: uuid("taken_by_user_id"),
    takenAt: at("taken_at"),
    resolvedByUserId: uuid("resolved_by_user_id"),
    resolvedAt: at("resolved_at"),
    outcome: text("outcome", {
      enum: [
        "resolved_by_supervisor",
        "returned_to_agent",
        "refund_approved",
        "refund_denied",
        "customer_compensated",
        "policy_exception",
        "no_action",
      ],
    }),
    resolutionNote: text("resolution_note"),
    coachingNote: text("coaching_note"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.ticketId], foreignColumns: [tickets.orgId, tickets.id] }),
    foreignKey({ columns: [t.orgId, t.toUserId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.createdByUserId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.createdByCustomerId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.takenByUserId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.resolvedByUserId], foreignColumns: [users.orgId, users.id] }),
    // The queue: an organisation's escalations by status, in the order they came.
    index("escalations_org_status_created_idx").on(t.orgId, t.status, t.createdAt, t.id),
    // A ticket's escalations (its level, its header), and the report's period.
    index("escalations_org_ticket_idx").on(t.orgId, t.ticketId, t.status),
    index("escalations_org_created_idx").on(t.orgId, t.createdAt),
    // An agent's own escalations.
    index("escalations_org_creator_idx").on(t.orgId, t.createdByUserId, t.createdAt),
    // A customer asks once while a request of theirs is open, however many links they click at once.
    uniqueIndex("escalations_org_ticket_customer_open_key")
      .on(t.orgId, t.ticketId)
      .where(sql`${t.type} = 'customer_request' AND ${t.status} <> 'resolved'`),
  ],
);

/**
 * The "ask for a supervisor" links in reply mails: one per mail, bound to its ticket and purpose,
 * only the token's hash at rest, expiring. A link may be used again (nothing new is raised while
 * a request is open), so a customer who needs a supervisor a second time can.
 */
export const escalationLinks = pgTable(
  "escalation_links",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    ticketId: uuid("ticket_id").notNull(),
    purpose: text("purpose", { enum: ["supervisor_request"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    lastUsedAt: at("last_used_at"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.ticketId], foreignColumns: [tickets.orgId, tickets.id] }),
    uniqueIndex("escalation_links_org_token_key").on(t.orgId, t.tokenHash),
  ],
);
