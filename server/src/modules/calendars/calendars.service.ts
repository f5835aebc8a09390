import {
  type ClosedDay,
  type ClosedDaysQuery,
  type CreateBusinessCalendarInput,
  type CustomHoliday,
  type Locale,
  type OpeningInterval,
  type UpdateBusinessCalendarInput,
  WEEKDAYS,
} from "@frontline/common";
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { diff, recordAudit } from "../audit";
import { teamNames } from "../staff";
import {
  type CalendarRow,
  defaultCalendarId,
  findCalendar,
  lockCalendars,
  moveDefault,
  regionsServedElsewhere,
  selectCalendars,
  setCalendarRegions,
} from "./calendars.queries";
import { businessCalendars } from "./calendars.tables";
import { closedDaysOf } from "./closed-days";
import { isKnownCountry, knownRegion } from "./public-holidays";

/** Every calendar of the organisation, by name. */
export async function listCalendars(ctx: Ctx): Promise<CalendarRow[]> {
  return inOrg(ctx.database, ctx.orgId, (s) => selectCalendars(s));
}

/** One calendar; 404 when unknown or foreign. */
export async function getCalendar(ctx: Ctx, id: string): Promise<CalendarRow> {
  const row = await inOrg(ctx.database, ctx.orgId, (s) => findCalendar(s, id));
  if (!row) throw notFound("Business calendar");
  return row;
}

/** The days a calendar is closed from `from` to `to`, names in `lang` where the library has them. */
export async function calendarClosedDays(
  ctx: Ctx,
  id: string,
  range: ClosedDaysQuery,
  lang: Locale | null,
): Promise<ClosedDay[]> {
  return closedDaysOf(await getCalendar(ctx, id), range.from, range.to, lang);
}

/** Creates a calendar; the organisation's first one becomes its default. */
export async function createCalendar(ctx: Ctx, input: CreateBusinessCalendarInput): Promise<CalendarRow> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    await lockCalendars(s);
    await assertNameFree(s, input.name, null);
    const holidayRegion = checkHolidaySource(input.holidayCountry, input.holidayRegion);
    await assertRegionsFree(s, input.customerRegions, null);
    const id = newId();
    const first = (await defaultCalendarId(s)) === undefined;
    await s.tx.insert(businessCalendars).values({
      orgId: s.orgId,
      id,
      name: input.name,
      timeZone: input.timeZone,
      hours: sortHours(input.hours),
      holidays: sortHolidays(input.holidays),
      holidayCountry: input.holidayCountry,
      holidayRegion,
      isDefault: first,
    });
    const previous = input.isDefault && !first ? await moveDefault(s, id) : undefined;
    await setCalendarRegions(s, id, input.customerRegions);
    const row = (await findCalendar(s, id))!;
    await recordAudit(s, ctx, {
      action: "business_calendar.created",
      entityType: "business_calendar",
      entityId: id,
      changes: diff({}, snap(row)),
    });
    if (previous) await auditLostDefault(s, ctx, previous);
    return row;
  });
}

/** Changes a calendar; `isDefault: true` moves the organisation's default to it. */
export async function updateCalendar(ctx: Ctx, id: string, input: UpdateBusinessCalendarInput): Promise<CalendarRow> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    await lockCalendars(s);
    const before = await findCalendar(s, id);
    if (!before) throw notFound("Business calendar");
    if (input.isDefault === false && before.isDefault) {
      throw new AppError("conflict", "There is always a default calendar: make another one the default instead", {
        isDefault: ["Make another calendar the default instead"],
      });
    }
    if (input.name !== undefined) await assertNameFree(s, input.name, id);
    const holidayCountry = input.holidayCountry !== undefined ? input.holidayCountry : before.holidayCountry;
    // A region belongs to its country: a new country without a region leaves none.
    const countryChanged = holidayCountry !== before.holidayCountry;
    const region =
      input.holidayRegion !== undefined ? input.holidayRegion : countryChanged ? null : before.holidayRegion;
    const holidayRegion = checkHolidaySource(holidayCountry, region);
    if (input.customerRegions) await assertRegionsFree(s, input.customerRegions, id);
    await s.tx
      .update(businessCalendars)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
        ...(input.hours ? { hours: sortHours(input.hours) } : {}),
        ...(input.holidays ? { holidays: sortHolidays(input.holidays) } : {}),
        holidayCountry,
        holidayRegion,
        updatedAt: new Date(),
      })
      .where(and(eq(businessCalendars.orgId, s.orgId), eq(businessCalendars.id, id)));
    if (input.customerRegions) await setCalendarRegions(s, id, input.customerRegions);
    const previous = input.isDefault && !before.isDefault ? await moveDefault(s, id) : undefined;
    const after = (await findCalendar(s, id))!;
    await recordAudit(s, ctx, {
      action: "business_calendar.updated",
      entityType: "business_calendar",
      entityId: id,
      changes: diff(snap(before), snap(after)),
    });
    if (previous) await auditLostDefault(s, ctx, previous);
    return after;
  });
}

/** Deletes a calendar no team uses; the default goes only when it is the last one. */
export async function deleteCalendar(ctx: Ctx, id: string): Promise<void> {
  await inOrg(ctx.database, ctx.orgId, async (s) => {
    await lockCalendars(s);
    const row = await findCalendar(s, id);
    if (!row) throw notFound("Business calendar");
    if (row.teamIds.length) {
      const names = await teamNames(s, row.teamIds);
      throw new AppError("conflict", `Teams count their tickets in this calendar: ${names.join(", ")}`, {
        teamIds: names.map((name) => `Used by ${name}`),
      });
    }
    if (row.isDefault) {
      const [others] = await s.tx
        .select({ n: count() })
        .from(businessCalendars)
        .where(and(eq(businessCalendars.orgId, s.orgId), ne(businessCalendars.id, id)));
      if (others!.n > 0) {
        throw new AppError("conflict", "This is the default calendar: make another one the default first", {
          isDefault: ["Make another calendar the default first"],
        });
      }
    }
    await s.tx.delete(businessCalendars).where(and(eq(businessCalendars.orgId, s.orgId), eq(businessCalendars.id, id)));
    await recordAudit(s, ctx, {
      action: "business_calendar.deleted",
      entityType: "business_calendar",
      entityId: id,
      changes: diff(snap(row), {}),
    });
  });
}

async function auditLostDefault(s: OrgTx, ctx: Ctx, calendarId: string) {
  await recordAudit(s, ctx, {
    action: "business_calendar.updated",
    entityType: "business_calendar",
    entityId: calendarId,
    changes: { isDefault: [true, false] },
  });
}

async function assertNameFree(s: OrgTx, name: string, exceptId: string | null) {
  const [clash] = await s.tx
    .select({ id: businessCalendars.id })
    .from(businessCalendars)
    .where(
      and(
        eq(businessCalendars.orgId, s.orgId),
        sql`lower(${businessCalendars.name}) = lower(${name})`,
        exceptId ? ne(businessCalendars.id, exceptId) : undefined,
      ),
    );
  if (clash) throw new AppError("conflict", "A calendar with this name already exists", { name: ["Already in use"] });
}

/** Checks the country and region against the library; returns the region as the library spells it. */
function checkHolidaySource(country: string | null, region: string | null): string | null {
  if (country !== null && !isKnownCountry(country)) {
    throw new AppError("validation_failed", "No public holidays are known for this country", {
      holidayCountry: ["Unknown country"],
    });
  }
  if (region === null) return null;
  if (country === null) {
    throw new AppError("validation_failed", "A region needs its country", {
      holidayRegion: ["A region needs its holidayCountry"],
    });
  }
  const known = knownRegion(country, region);
  if (!known) {
    throw new AppError("validation_failed", `No region ${region} is known in ${country}`, {
      holidayRegion: [`Unknown region of ${country}`],
    });
  }
  return known;
}

/** Each customer region is served by one calendar, so choosing a calendar for a ticket is never a toss-up. */
async function assertRegionsFree(s: OrgTx, regions: string[], exceptId: string | null) {
  const taken = await regionsServedElsewhere(s, regions, exceptId);
  if (taken.size === 0) return;
  const fields: Record<string, string[]> = {};
  regions.forEach((r, i) => {
    const name = taken.get(r);
    if (name !== undefined) fields[`customerRegions.${i}`] = [`Already served by ${name}`];
  });
  throw new AppError("conflict", "Another calendar already serves these customers", fields);
}

const dayIndex = (day: OpeningInterval["day"]) => WEEKDAYS.indexOf(day);

function sortHours(hours: OpeningInterval[]): OpeningInterval[] {
  return hours
    .map(({ day, open, close }) => ({ day, open, close }))
    .sort((a, b) => dayIndex(a.day) - dayIndex(b.day) || (a.open < b.open ? -1 : 1));
}

function sortHolidays(holidays: CustomHoliday[]): CustomHoliday[] {
  return holidays.map(({ date, name }) => ({ date, name })).sort((a, b) => (a.date < b.date ? -1 : 1));
}

function snap(r: CalendarRow) {
  return {
    name: r.name,
    timeZone: r.timeZone,
    hours: r.hours,
    holidays: r.holidays,
    holidayCountry: r.holidayCountry,
    holidayRegion: r.holidayRegion,
    customerRegions: r.customerRegions,
    isDefault: r.isDefault,
  };
}
