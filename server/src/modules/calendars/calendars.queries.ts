import { and, asc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import { configChanged } from "../../platform/org-config";
import type { OrgTx } from "../../platform/tenancy";
import { businessCalendars, calendarCustomerRegions, teamCalendars } from "./calendars.tables";

// Outer columns are named with their table: in a one-table select the ORM prints them bare, which
// inside the subquery would mean the inner table's own columns.
const calendarTeamIds = sql<string[]>`coalesce((SELECT array_agg(tc.team_id ORDER BY tc.team_id) FROM team_calendars tc
  WHERE tc.org_id = "business_calendars"."org_id" AND tc.calendar_id = "business_calendars"."id"), '{}')`;

const calendarRegions = sql<string[]>`coalesce((SELECT array_agg(r.region ORDER BY r.region)
  FROM calendar_customer_regions r
  WHERE r.org_id = "business_calendars"."org_id" AND r.calendar_id = "business_calendars"."id"), '{}')`;

/** Calendars of the organisation matching `where`, by name, with their teams and customer regions. */
export function selectCalendars(s: OrgTx, where?: SQL) {
  return s.tx
    .select({
      id: businessCalendars.id,
      name: businessCalendars.name,
      timeZone: businessCalendars.timeZone,
      hours: businessCalendars.hours,
      holidays: businessCalendars.holidays,
      holidayCountry: businessCalendars.holidayCountry,
      holidayRegion: businessCalendars.holidayRegion,
      isDefault: businessCalendars.isDefault,
      createdAt: businessCalendars.createdAt,
      updatedAt: businessCalendars.updatedAt,
      teamIds: calendarTeamIds,
      customerRegions: calendarRegions,
    })
    .from(businessCalendars)
    .where(and(eq(businessCalendars.orgId, s.orgId), where))
    .orderBy(sql`lower(${businessCalendars.name})`, asc(businessCalendars.id));
}

export type CalendarRow = Awaited<ReturnType<typeof selectCalendars>>[number];

/** One calendar with its teams and regions, or undefined when unknown or foreign. */
export async function findCalendar(s: OrgTx, id: string): Promise<CalendarRow | undefined> {
  return (await selectCalendars(s, eq(businessCalendars.id, id)))[0];
}

/**
 * Serialises changes to an organisation's calendars (the one default, the regions each serves):
 * two admins saving at once take turns instead of both deciding from what they read.
 */
export async function lockCalendars(s: OrgTx): Promise<void> {
  // Every change takes this lock first: from here this transaction reads calendars afresh (org-config.ts).
  configChanged(s);
  await s.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${s.orgId}:business_calendars`}, 0))`);
}

/** The organisation's default calendar's id, if it has calendars. */
export async function defaultCalendarId(s: OrgTx): Promise<string | undefined> {
  const [row] = await s.tx
    .select({ id: businessCalendars.id })
    .from(businessCalendars)
    .where(and(eq(businessCalendars.orgId, s.orgId), eq(businessCalendars.isDefault, true)));
  return row?.id;
}

/** Makes `id` the only default (the partial unique index allows one: the old one goes first). */
export async function moveDefault(s: OrgTx, id: string): Promise<string | undefined> {
  const [old] = await s.tx
    .update(businessCalendars)
    .set({ isDefault: false, updatedAt: new Date() })
    .where(
      and(eq(businessCalendars.orgId, s.orgId), eq(businessCalendars.isDefault, true), ne(businessCalendars.id, id)),
    )
    .returning({ id: businessCalendars.id });
  await s.tx
    .update(businessCalendars)
    .set({ isDefault: true })
    .where(and(eq(businessCalendars.orgId, s.orgId), eq(businessCalendars.id, id)));
  return old?.id;
}

/** Which of `regions` other calendars than `exceptId` already serve, with those calendars' names. */
export async function regionsServedElsewhere(s: OrgTx, regions: string[], exceptId: string | null) {
  if (regions.length === 0) return new Map<string, string>();
  const rows = await s.tx
    .select({ region: calendarCustomerRegions.region, name: businessCalendars.name })
    .from(calendarCustomerRegions)
    .innerJoin(
      businessCalendars,
      and(
        eq(businessCalendars.orgId, calendarCustomerRegions.orgId),
        eq(businessCalendars.id, calendarCustomerRegions.calendarId),
      ),
    )
    .where(
      and(
        eq(calendarCustomerRegions.orgId, s.orgId),
        inArray(calendarCustomerRegions.region, regions),
        exceptId ? ne(calendarCustomerRegions.calendarId, exceptId) : undefined,
      ),
    );
  return new Map(rows.map((r) => [r.region, r.name]));
}

/** Replaces the customer regions a calendar serves. */
export async function setCalendarRegions(s: OrgTx, calendarId: string, regions: string[]): Promise<void> {
  await s.tx
    .delete(calendarCustomerRegions)
    .where(and(eq(calendarCustomerRegions.orgId, s.orgId), eq(calendarCustomerRegions.calendarId, calendarId)));
  if (regions.length) {
    await s.tx
      .insert(calendarCustomerRegions)
      .values(regions.map((region) => ({ orgId: s.orgId, calendarId, region })));
  }
}

/** The calendar a team's tickets are counted in, if it has one. */
export async function teamCalendarId(s: OrgTx, teamId: string): Promise<string | undefined> {
  const [row] = await s.tx
    .select({ calendarId: teamCalendars.calendarId })
    .from(teamCalendars)
    .where(and(eq(teamCalendars.orgId, s.orgId), eq(teamCalendars.teamId, teamId)));
  return row?.calendarId;
}
