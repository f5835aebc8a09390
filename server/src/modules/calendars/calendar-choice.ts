import type { BusinessCalendarSpec } from "@frontline/common";
import type { OrgTx } from "../../platform/tenancy";
import { calendarServing, defaultCalendarId, findCalendar, teamCalendarId } from "./calendars.queries";
import { specOf } from "./closed-days";

/** A calendar chosen for some work, and what business-time arithmetic needs of it. */
export interface ChosenCalendar {
  calendarId: string;
  spec: BusinessCalendarSpec;
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
  const row = await findCalendar(s, calendarId);
  return row ? specOf(row, now) : undefined;
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
  const calendarId =
    (ticket.teamId ? await teamCalendarId(s, ticket.teamId) : undefined) ??
    (ticket.customerTimeZone ? await calendarServing(s, regionsOf(ticket.customerTimeZone)) : undefined) ??
    (await defaultCalendarId(s));
  if (!calendarId) return undefined;
  const spec = await calendarSpec(s, calendarId, now);
  return spec ? { calendarId, spec } : undefined;
}
