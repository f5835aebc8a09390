import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orgId, timestamps } from "../../platform/columns";
import { organizations } from "../orgs/orgs.tables";

export const companies = pgTable(
  "companies",
  {
    orgId: orgId().references(() => organizations.orgId),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    domain: text("domain"),
    notes: text("notes").notNull().default(""),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("companies_org_name_key").on(t.orgId, sql`lower(${t.name})`),
    uniqueIndex("companies_org_domain_key").on(t.orgId, t.domain),
  ],
);

export const customers = pgTable(
  "customers",
  {
    orgId: orgId().references(() => organizations.orgId),
    id: uuid("id").notNull(),
    name: text("name").notNull().default(""),
    email: text("email"),
    phone: text("phone"),
    locale: text("locale"),
    timeZone: text("time_zone"),
    companyId: uuid("company_id"),
    /** Treated with priority: rules may test it (customer_vip). */
    vip: boolean("vip").notNull().default(false),
    notes: text("notes").notNull().default(""),
    customFields: jsonb("custom_fields").$type<Record<string, unknown>>().notNull().default({}),
    mergedIntoId: uuid("merged_into_id"),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.companyId], foreignColumns: [companies.orgId, companies.id] }),
    foreignKey({ columns: [t.orgId, t.mergedIntoId], foreignColumns: [t.orgId, t.id] }),
    index("customers_org_name_idx").on(t.orgId, sql`lower(${t.name})`, t.id),
    index("customers_org_company_idx").on(t.orgId, t.companyId),
  ],
);

/** How a customer is recognised on each channel: an email address, a phone number, a chat handle. */
export const customerIdentities = pgTable(
  "customer_identities",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    customerId: uuid("customer_id").notNull(),
    channel: text("channel", { enum: ["email", "phone", "web", "chat", "social"] }).notNull(),
    value: text("value").notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }).onDelete(
      "cascade",
    ),
    uniqueIndex("customer_identities_org_channel_value").on(t.orgId, t.channel, t.value),
    index("customer_identities_customer_idx").on(t.orgId, t.customerId),
  ],
);
