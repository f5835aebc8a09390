import type { CustomHoliday, OpeningInterval } from "@frontline/common";
import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orgId, timestamps } from "../../platform/columns";
import { organizations } from "../orgs/orgs.tables";
import { teams } from "../staff/staff.tables";

/**
 * When an organisation is open, in one time zone: weekly hours, its own closed days, and the public
 * holidays of a country (and region) taken from the date-holidays library when asked for.
 */
export const businessCalendars = pgTable(
  "business_calendars",
  {
    orgId: orgId().references(() => organizations.orgId),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    timeZone: text("time_zone").notNull(),
    hours: jsonb("hours").$type<OpeningInterval[]>().notNull(),
    holidays: jsonb("holidays").$type<CustomHoliday[]>().notNull().default([]),
    holidayCountry: text("holiday_country"),
    holidayRegion: text("holiday_region"),
    isDefault: boolean("is_default").notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("business_calendars_org_name_key").on(t.orgId, sql`lower(${t.name})`),
    // At most one default per organisation; the service keeps it at least one once any calendar exists.
    uniqueIndex("business_calendars_org_default_key").on(t.orgId).where(sql`${t.isDefault}`),
  ],
);

/** The customers' time zones (or areas, "America/*") a calendar serves; each is served by one calendar. */
export const calendarCustomerRegions = pgTable(
  "calendar_customer_regions",
  {
    orgId: orgId(),
    region: text("region").notNull(),
    calendarId: uuid("calendar_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.region] }),
    foreignKey({
      name: "calendar_customer_regions_calendar_fk",
      columns: [t.orgId, t.calendarId],
      foreignColumns: [businessCalendars.orgId, businessCalendars.id],
    }).onDelete("cascade"),
    index("calendar_customer_regions_calendar_idx").on(t.orgId, t.calendarId),
  ],
);

/** The calendar that counts a team's tickets (follow-the-sun: each team in its own hours). */
export const teamCalendars = pgTable(
  "team_calendars",
  {
    orgId: orgId(),
    teamId: uuid("team_id").notNull(),
    calendarId: uuid("calendar_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.teamId] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete("cascade"),
    // No cascade: a calendar in use is not deleted (409), so a team never silently loses its hours.
    foreignKey({
      name: "team_calendars_calendar_fk",
      columns: [t.orgId, t.calendarId],
      foreignColumns: [businessCalendars.orgId, businessCalendars.id],
    }),
    index("team_calendars_calendar_idx").on(t.orgId, t.calendarId),
  ],
);
