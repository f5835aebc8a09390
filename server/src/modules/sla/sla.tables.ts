import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { at, orgId, timestamps } from "../../platform/columns";
import { businessCalendars } from "../calendars/calendars.tables";
import { organizations } from "../orgs/orgs.tables";
import { tickets } from "../tickets/tickets.tables";

/** The promises made to customers, chosen for a ticket by conditions, first match in order. */
export const slaPolicies = pgTable(
  "sla_policies",
  {
    orgId: orgId().references(() => organizations.orgId),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    calendarId: uuid("calendar_id"),
    position: integer("position").notNull(),
    active: boolean("active").notNull().default(true),
    conditions: jsonb("conditions").$type<Record<string, unknown>>().notNull(),
    targets: jsonb("targets").$type<Record<string, unknown>>().notNull(),
    pauseOn: text("pause_on").array().notNull().default(sql`'{pending,on_hold}'`),
    warnBeforeMinutes: integer("warn_before_minutes").notNull().default(60),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.calendarId], foreignColumns: [businessCalendars.orgId, businessCalendars.id] }),
    index("sla_policies_org_position_idx").on(t.orgId, t.position),
  ],
);

/**
 * One clock per ticket and target. While active it counts from `resumedAt`, with `consumedMinutes`
 * already used before; paused it keeps only what was used. Met and breached are where it ended.
 */
export const ticketSlaTargets = pgTable(
  "ticket_sla_targets",
  {
    orgId: orgId(),
    ticketId: uuid("ticket_id").notNull(),
    target: text("target", { enum: ["firstReply", "nextReply", "periodicUpdate", "resolution"] }).notNull(),
    policyId: uuid("policy_id").notNull(),
    minutes: integer("minutes").notNull(),
    businessTime: boolean("business_time").notNull(),
    state: text("state", { enum: ["active", "paused", "met", "breached"] }).notNull(),
    startedAt: at("started_at").notNull(),
    resumedAt: at("resumed_at").notNull(),
    consumedMinutes: doublePrecision("consumed_minutes").notNull().default(0),
    dueAt: at("due_at"),
    warnedAt: at("warned_at"),
    metAt: at("met_at"),
    breachedAt: at("breached_at"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.ticketId, t.target] }),
    foreignKey({ columns: [t.orgId, t.ticketId], foreignColumns: [tickets.orgId, tickets.id] }),
    foreignKey({ columns: [t.orgId, t.policyId], foreignColumns: [slaPolicies.orgId, slaPolicies.id] }).onDelete(
      "cascade",
    ),
    index("ticket_sla_targets_org_due_idx").on(t.orgId, t.state, t.dueAt),
  ],
);

/** What happened to a ticket's targets, for reports: warned, missed (at the moment it fell due), kept. */
export const slaEvents = pgTable(
  "sla_events",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    ticketId: uuid("ticket_id").notNull(),
    target: text("target").notNull(),
    kind: text("kind", { enum: ["warning", "breached", "met"] }).notNull(),
    at: at("at").notNull(),
    policyId: uuid("policy_id"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.ticketId], foreignColumns: [tickets.orgId, tickets.id] }),
    index("sla_events_org_at_idx").on(t.orgId, t.kind, t.at),
  ],
);
