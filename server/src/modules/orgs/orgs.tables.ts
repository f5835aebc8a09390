import { bigint, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "../../platform/columns";

/** The tenant root: its `org_id` is the organisation's own id. */
export const organizations = pgTable(
  "organizations",
  {
    orgId: uuid("org_id").primaryKey(),
    name: text("name").notNull(),
    /** The organisation's name in public addresses: the customer portal lives at /portal/<slug>. */
    slug: text("slug").notNull(),
    supportEmail: text("support_email"),
    defaultLocale: text("default_locale").notNull().default("en"),
    timeZone: text("time_zone").notNull().default("UTC"),
    /**
     * Counts changes to the configuration hot paths read in every change (rules, SLA policies, custom
     * fields, escalation phrases, calendars, this row itself), raised by triggers in the changing
     * transaction: a process may keep that configuration in memory for exactly as long as this number
     * stays the same (platform/org-config).
     */
    configVersion: bigint("config_version", { mode: "number" }).notNull().default(0),
    /** The operator's override of RATE_LIMIT_ORG_PER_MINUTE for this organisation; null keeps the default. */
    rateLimitPerMinute: integer("rate_limit_per_minute"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("organizations_slug_key").on(t.slug)],
);
