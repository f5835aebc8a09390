import { sql } from "drizzle-orm";
import { boolean, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orgId, timestamps } from "../../platform/columns";
import { organizations } from "../orgs/orgs.tables";

/** An organisation's own fields on tickets and customers, with the type each value must have. */
export const customFieldDefs = pgTable(
  "custom_field_defs",
  {
    orgId: orgId().references(() => organizations.orgId),
    id: uuid("id").notNull(),
    entity: text("entity", { enum: ["ticket", "customer"] }).notNull(),
    key: text("key").notNull(),
    label: text("label").notNull(),
    type: text("type", { enum: ["text", "number", "date", "dropdown", "checkbox"] }).notNull(),
    options: text("options").array().notNull().default(sql`'{}'`),
    required: boolean("required").notNull().default(false),
    active: boolean("active").notNull().default(true),
    position: integer("position").notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("custom_field_defs_org_entity_key").on(t.orgId, t.entity, t.key),
  ],
);
