import { z } from "zod";
import { openingIntervalSchema } from "../business-time/schema";
import { WEEKDAYS } from "../business-time/types";
import { idSchema, isoDateTime, timeZoneSchema } from "./shared";

export const weekdaySchema = z.enum(WEEKDAYS);

/** A wall-clock time "HH:MM" from 00:00 to 24:00 (midnight at the end of the day). */
const CLOCK_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const clockTimeSchema = z.string().regex(CLOCK_TIME, "A time from 00:00 to 24:00, as HH:MM");

/** A real calendar date "YYYY-MM-DD" between 1900 and 2199. */
export const calendarDateSchema = z.string().refine(isRealDate, { message: "A real date, as YYYY-MM-DD" });

function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2199) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** One opening interval on a weekday; a night shift is two intervals, one on each day. */
/** The weekly hours: at least one interval (a calendar never open would never count a minute), none overlapping. */
export const weeklyHoursSchema = z
  .array(openingIntervalSchema)
  .min(1, "Open at least once a week")
  .max(70)
  .superRefine((hours, ctx) => {
    // Refinements run even when an interval failed: only well-formed ones are compared.
    const wellFormed = (i: unknown): i is { day: string; open: string; close: string } =>
      openingIntervalSchema.safeParse(i).success;
    hours.forEach((a, i) => {
      if (!wellFormed(a)) return;
      const clash = hours.findIndex(
        (b, j) => j < i && wellFormed(b) && b.day === a.day && a.open < b.close && b.open < a.close,
      );
      if (clash >= 0) {
        const other = hours[clash]!;
        ctx.addIssue({ code: "custom", path: [i, "open"], message: `Overlaps ${other.open}–${other.close}` });
      }
    });
  });

/** A day the calendar is closed besides public holidays: a company event, a one-off closure. */
export const customHolidaySchema = z.strictObject({
  date: calendarDateSchema,
  name: z.string().trim().min(1).max(100),
});
export type CustomHoliday = z.infer<typeof customHolidaySchema>;

/** An organisation's own closed days, each date once. */
export const customHolidaysSchema = z
  .array(customHolidaySchema)
  .max(500)
  .superRefine((list, ctx) => {
    list.forEach((h, i) => {
      if (list.findIndex((other) => other.date === h.date) < i) {
        ctx.addIssue({ code: "custom", path: [i, "date"], message: "Listed twice" });
      }
    });
  });

/** An ISO 3166 country code the holiday library knows (checked by the server), e.g. "RO". */
export const holidayCountryCodeSchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "A two-letter country code")
  .transform((v) => v.toUpperCase());

/** A state or province of that country, as the holiday library names it (e.g. "BY" for Bavaria). */
export const holidayRegionSchema = z.string().regex(/^[A-Za-z0-9]{1,10}$/, "A region code such as BY");

/**
 * Customers a calendar serves, by their time zone: an exact IANA name ("Europe/Bucharest") or a
 * whole area ("America/*", "America/Argentina/*"). The most exact entry wins.
 */
export const customerRegionSchema = z.string().max(64).refine(isCustomerRegion, {
  message: 'An IANA time zone such as "Europe/Bucharest", or an area such as "America/*"',
});

let knownZones: readonly string[] | undefined;

function isCustomerRegion(value: string): boolean {
  if (!value.endsWith("/*")) return timeZoneSchema.safeParse(value).success;
  const area = value.slice(0, -1);
  knownZones ??= Intl.supportedValuesOf("timeZone");
  return area.length > 1 && knownZones.some((zone) => zone.startsWith(area));
}

const customerRegionsSchema = z
  .array(customerRegionSchema)
  .max(200)
  .superRefine((list, ctx) => {
    list.forEach((r, i) => {
      if (list.indexOf(r) < i) ctx.addIssue({ code: "custom", path: [i], message: "Listed twice" });
    });
  });

const calendarName = z.string().trim().min(1).max(100);

export const businessCalendarSchema = z.object({
  id: idSchema,
  name: z.string(),
  timeZone: z.string(),
  hours: z.array(z.object({ day: weekdaySchema, open: z.string(), close: z.string() })),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  holidayCountry: z.string().nullable(),
  holidayRegion: z.string().nullable(),
  customerRegions: z.array(z.string()),
  isDefault: z.boolean(),
  /** Teams whose tickets this calendar counts. */
  teamIds: z.array(idSchema),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type BusinessCalendar = z.infer<typeof businessCalendarSchema>;

/** Every calendar of the organisation, by name: few enough that the list has no pages. */
export const businessCalendarListSchema = z.object({ data: z.array(businessCalendarSchema) });

export const createBusinessCalendarInput = z
  .strictObject({
    name: calendarName,
    timeZone: timeZoneSchema,
    hours: weeklyHoursSchema,
    holidays: customHolidaysSchema.default([]),
    holidayCountry: holidayCountryCodeSchema.nullable().default(null),
    holidayRegion: holidayRegionSchema.nullable().default(null),
    customerRegions: customerRegionsSchema.default([]),
    /** The organisation's first calendar is its default whatever this says. */
    isDefault: z.boolean().default(false),
  })
  .refine((c) => c.holidayRegion === null || c.holidayCountry !== null, {
    path: ["holidayRegion"],
    message: "A region needs its holidayCountry",
  });
export type CreateBusinessCalendarInput = z.infer<typeof createBusinessCalendarInput>;

/**
 * A change; `isDefault: true` moves the default here (there is always exactly one). A new
 * holidayCountry without a holidayRegion clears the region, which belonged to the old country.
 */
export const updateBusinessCalendarInput = z.strictObject({
  name: calendarName.optional(),
  timeZone: timeZoneSchema.optional(),
  hours: weeklyHoursSchema.optional(),
  holidays: customHolidaysSchema.optional(),
  holidayCountry: holidayCountryCodeSchema.nullable().optional(),
  holidayRegion: holidayRegionSchema.nullable().optional(),
  customerRegions: customerRegionsSchema.optional(),
  isDefault: z.boolean().optional(),
});
export type UpdateBusinessCalendarInput = z.infer<typeof updateBusinessCalendarInput>;

/** At most three years of closed days at once: `to` no later than `from` three years on. */
export const MAX_CLOSED_DAYS_YEARS = 3;

export const closedDaysQuery = z
  .strictObject({ from: calendarDateSchema, to: calendarDateSchema })
  .refine((q) => !bothReal(q) || q.from <= q.to, { path: ["to"], message: "On or after from" })
  .refine((q) => !bothReal(q) || q.to <= addYears(q.from, MAX_CLOSED_DAYS_YEARS), {
    path: ["to"],
    message: `At most ${MAX_CLOSED_DAYS_YEARS} years after from`,
  });
export type ClosedDaysQuery = z.infer<typeof closedDaysQuery>;

const bothReal = (q: { from: string; to: string }) => isRealDate(q.from) && isRealDate(q.to);

/** "YYYY-MM-DD" plus whole years (29 February becomes 1 March in a common year). */
function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export const CLOSED_DAY_SOURCES = ["public_holiday", "custom"] as const;

/** A day the calendar is closed, with why: a public holiday of its country, or one of its own. */
export const closedDaySchema = z.object({
  date: z.string(),
  name: z.string(),
  source: z.enum(CLOSED_DAY_SOURCES),
});
export type ClosedDay = z.infer<typeof closedDaySchema>;

export const closedDayListSchema = z.object({ data: z.array(closedDaySchema) });

/** A country whose public holidays a calendar can follow, with its states or provinces. */
export const holidayCountrySchema = z.object({
  code: z.string(),
  name: z.string(),
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type HolidayCountry = z.infer<typeof holidayCountrySchema>;

export const holidayCountryListSchema = z.object({ data: z.array(holidayCountrySchema) });

/** Which calendar counts a team's tickets; `null` leaves the team to the customer's region or the default. */
export const setTeamCalendarInput = z.strictObject({ calendarId: idSchema.nullable() });
export type SetTeamCalendarInput = z.infer<typeof setTeamCalendarInput>;

export const teamCalendarSchema = z.object({ teamId: idSchema, calendarId: idSchema.nullable() });
