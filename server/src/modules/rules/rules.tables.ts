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
import { at, orgId, timestamps } from "../../platform/columns";
import { organizations } from "../orgs/orgs.tables";
import { tickets } from "../tickets/tickets.tables";

/** Triggers (react to events) and automations (checked on a schedule), kept as data and checked by zod on the way in. */
export const rules = pgTable(
  "rules",
  {
    orgId: orgId().references(() => organizations.orgId),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["trigger", "automation"] }).notNull(),
    active: boolean("active").notNull().default(true),
    position: integer("position").notNull(),
    events: text("events").array().notNull().default(sql`'{}'`),
    conditions: jsonb("conditions").$type<Record<string, unknown>>().notNull(),
    actions: jsonb("actions").$type<unknown[]>().notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index("rules_org_kind_position_idx").on(t.orgId, t.kind, t.position),
  ],
);

/**
 * Each time a rule acted on a ticket. An automation acts on a ticket once (the unique index holds
 * that even when a job runs twice); triggers are logged for the admin's "last fired".
 */
export const ruleFirings = pgTable(
  "rule_firings",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    ruleId: uuid("rule_id").notNull(),
    ticketId: uuid("ticket_id").notNull(),
    event: text("event").notNull(),
    firedAt: at("fired_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.ruleId], foreignColumns: [rules.orgId, rules.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.ticketId], foreignColumns: [tickets.orgId, tickets.id] }),
    uniqueIndex("rule_firings_automation_once").on(t.orgId, t.ruleId, t.ticketId).where(sql`${t.event} = 'automation'`),
    index("rule_firings_org_rule_idx").on(t.orgId, t.ruleId, t.firedAt),
  ],
);
