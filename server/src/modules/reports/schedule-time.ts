import type { ReportCadence, ReportPeriod } from "@frontline/common";
import { Temporal } from "@js-temporal/polyfill";

/** When a schedule runs: every day, one weekday or one day of the month, at an hour of its zone. */
export interface Timing {
  cadence: ReportCadence;
  weekday: number | null;
  dayOfMonth: number | null;
  hour: number;
  timeZone: string;
}

/** How far ahead a run is looked for; a monthly one is always within two months. */
const SEARCH_DAYS = 70;

function runsOn(t: Timing, date: Temporal.PlainDate): boolean {
  if (t.cadence === "weekly") return date.dayOfWeek === t.weekday;
  // A day the month does not have (the 31st in April) means its last day.
  if (t.cadence === "monthly") return date.day === Math.min(t.dayOfMonth ?? 1, date.daysInMonth);
  return true;
}

/**
 * The first run strictly after `after`. The hour is wall-clock time in the schedule's zone: on the
 * night clocks go forward an hour that does not exist runs at the first moment after the gap, and on
 * the night they go back an hour that happens twice runs once, the first time ("compatible", as
 * calendars do).
 */
export function nextRunAfter(t: Timing, after: Date): Date {
  const start = Temporal.Instant.fromEpochMilliseconds(after.getTime()).toZonedDateTimeISO(t.timeZone).toPlainDate();
  for (let i = 0; i <= SEARCH_DAYS; i++) {
    const date = start.add({ days: i });
    if (!runsOn(t, date)) continue;
    const at = date.toZonedDateTime({
      timeZone: t.timeZone,
      plainTime: new Temporal.PlainTime(t.hour),
    });
    if (at.epochMilliseconds > after.getTime()) return new Date(at.epochMilliseconds);
  }
  throw new Error(`No run within ${SEARCH_DAYS} days`);
}

const startOfDay = (date: Temporal.PlainDate, zone: string) =>
  new Date(date.toZonedDateTime({ timeZone: zone }).epochMilliseconds);

/**
 * The period a report sent at `at` covers, in whole days of `zone` ending where the day (week,
 * month) of `at` begins: "yesterday" sent on Tuesday at 07:00 is Monday 00:00 to Tuesday 00:00.
 */
export function periodOf(period: ReportPeriod, at: Date, zone: string): { from: Date; to: Date } {
  const today = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(zone).toPlainDate();
  const range = (from: Temporal.PlainDate, to: Temporal.PlainDate) => ({
    from: startOfDay(from, zone),
    to: startOfDay(to, zone),
  });
  switch (period) {
    case "yesterday":
      return range(today.subtract({ days: 1 }), today);
    case "last_7_days":
      return range(today.subtract({ days: 7 }), today);
    case "last_30_days":
      return range(today.subtract({ days: 30 }), today);
    case "last_week": {
      const monday = today.subtract({ days: today.dayOfWeek - 1 });
      return range(monday.subtract({ days: 7 }), monday);
    }
    case "last_month": {
      const first = today.with({ day: 1 });
      return range(first.subtract({ months: 1 }), first);
    }
  }
}
