import type { ReportCadence, ReportDashboard, ReportFilters, ReportPeriod } from "@frontline/common";
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at, orgId, timestamps } from "../../platform/columns";
import { organizations } from "../orgs/orgs.tables";
import { users } from "../staff/staff.tables";

/**
 * A report mailed on a schedule: what it shows (dashboard, filters, period), when (cadence, day and
 * hour in its zone), to whom, and how the last run went. It reports what its creator may see.
 */
export const reportSchedules = pgTable(
  "report_schedules",
  {
    orgId: orgId().references(() => organizations.orgId),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    dashboard: text("dashboard").$type<ReportDashboard>().notNull(),
    filters: jsonb("filters").$type<ReportFilters>().notNull().default({}),
    period: text("period").$type<ReportPeriod>().notNull(),
    cadence: text("cadence").$type<ReportCadence>().notNull(),
    weekday: integer("weekday"),
    dayOfMonth: integer("day_of_month"),
    hour: integer("hour").notNull(),
    timeZone: text("time_zone").notNull(),
    recipientUserIds: uuid("recipient_user_ids").array().notNull().default([]),
    recipientEmails: text("recipient_emails").array().notNull().default([]),
    locale: text("locale").notNull(),
    active: boolean("active").notNull().default(true),
    /** The run its job waits for; a job for any other time is stale and does nothing. */
    nextRunAt: at("next_run_at"),
    lastSentAt: at("last_sent_at"),
    lastError: text("last_error"),
    createdBy: uuid("created_by"),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
    index("report_schedules_org_name_idx").on(t.orgId, t.name),
  ],
);
