import type { BusinessCalendarSpec } from "@frontline/common";
import { cachedConfig } from "../../platform/org-config";
import type { OrgTx } from "../../platform/tenancy";
import { type CalendarRow, selectCalendars } from "./calendars.queries";
import { localDate, specOf } from "./closed-days";

/** A calendar chosen for some work, and what business-time arithmetic needs of it. */
export interface ChosenCalendar {
  calendarId: string;
  spec: BusinessCalendarSpec;
}

/** An organisation's calendars and who each serves, as every ticket change needs them. */
interface CalendarsOfOrg {
  byId: ReadonlyMap<string, CalendarRow>;
  byTeam: ReadonlyMap<string, string>;
  byRegion: ReadonlyMap<string, string>;
  defaultId: string | undefined;
}

/**
 * Read once per configuration version (org-config.ts; migration 0035 moves the version on with any
 * change to calendars, their regions or the teams they serve): opening a ticket asks its calendar
 * three times (SLA, rules, metrics), and an organisation has a handful of calendars.
 */
function calendarsOf(s: OrgTx): Promise<CalendarsOfOrg> {
  return cachedConfig(s, "calendars", async () => {
    const rows = await selectCalendars(s);
    return {
      byId: new Map(rows.map((r) => [r.id, r])),
      byTeam: new Map(rows.flatMap((r) => r.teamIds.map((t) => [t, r.id] as const))),
      byRegion: new Map(rows.flatMap((r) => r.customerRegions.map((g) => [g, r.id] as const))),
      defaultId: rows.find((r) => r.isDefault)?.id,
    };
  });
}

// A spec lists about three years of closed days, public holidays included: worked out once per
// calendar row and local day. A new configuration version brings new rows, and the old ones go with it.
const specsOf = new WeakMap<CalendarRow, { day: string; spec: BusinessCalendarSpec }>();

function specOn(row: CalendarRow, now: Date): BusinessCalendarSpec {
  // What a spec holds depends on the row and on today's date in the calendar's zone, nothing else.
  const day = localDate(now, row.timeZone);
  const kept = specsOf.get(row);
  if (kept?.day === day) return kept.spec;
  const spec = Object.freeze(specOf(row, now));
  specsOf.set(row, { day, spec });
  return spec;
}

/**
 * A calendar as business-time arithmetic takes it, or undefined when unknown or foreign;
 * `closedDates` covers one year before `now` to two years after (see closed-days.ts).
 */
export async function calendarSpec(
  s: OrgTx,
  calendarId: string,
  now: Date = new Date(),
): Promise<BusinessCalendarSpec | undefined> {
  const row = (await calendarsOf(s)).byId.get(calendarId);
  return row ? specOn(row, now) : undefined;
}

/**
 * The regions a customer time zone falls in, most exact first:
 * "America/Argentina/Salta" → itself, "America/Argentina/*", "America/*".
 */
export function regionsOf(timeZone: string): string[] {
  const parts = timeZone.split("/");
  const areas = parts.slice(0, -1).map((_, i) => `${parts.slice(0, parts.length - 1 - i).join("/")}/*`);
  return [timeZone, ...areas];
}

/**
 * The calendar a ticket's clocks count in, for modules that time tickets (SLA), inside their
 * transaction: the team's own calendar, else the one serving the customer's time zone (the most
 * exact entry), else the organisation's default; undefined when it has none (count calendar time).
 */
export async function calendarForTicket(
  s: OrgTx,
  ticket: { teamId: string | null; customerTimeZone: string | null },
  now: Date = new Date(),
): Promise<ChosenCalendar | undefined> {
  const calendars = await calendarsOf(s);
  const calendarId =
    (ticket.teamId ? calendars.byTeam.get(ticket.teamId) : undefined) ??
    (ticket.customerTimeZone
      ? regionsOf(ticket.customerTimeZone)
          .map((r) => calendars.byRegion.get(r))
          .find((id) => id !== undefined)
      : undefined) ??
    calendars.defaultId;
  const row = calendarId ? calendars.byId.get(calendarId) : undefined;
  return row ? { calendarId: row.id, spec: specOn(row, now) } : undefined;
}
