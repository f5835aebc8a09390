import { isoDateOf, type LocalDate, localDateOf, parseIsoDate, startOfLocalDay } from "./zoned-time";

/** The periods the filter bar offers; "custom" takes two dates from the address bar. */
export const PERIOD_PRESETS = ["today", "7d", "30d", "thisMonth", "lastMonth", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/**
 * The longest custom range, in days: one less than the API's 732, since local days across a
 * daylight-saving change can add up to an hour more than whole days of 24 hours.
 */
export const MAX_RANGE_DAYS = 731;

/** A period as the API takes it: ISO instants, `from` inclusive, `to` exclusive. */
export interface Period {
  from: string;
  to: string;
}

/** A custom range of whole days, both ends included, as "YYYY-MM-DD" in the viewer's zone. */
export interface DateRange {
  from: string;
  to: string;
}

const plusDays = (d: LocalDate, days: number): LocalDate => ({ ...d, day: d.day + days });

/**
 * The instants of a period in the viewer's zone. Periods are whole local days (today is midnight to
 * midnight, the last 7 days are today and the six before it, a month runs from its 1st), so trend
 * buckets are whole and the previous period the server compares with is the same span just before:
 * yesterday, the 7 days before, and so on. A custom range that is not valid gives null.
 */
export function periodOf(preset: PeriodPreset, zone: string, now: number, custom?: DateRange): Period | null {
  const today = localDateOf(now, zone);
  const between = (first: LocalDate, afterLast: LocalDate): Period => ({
    from: new Date(startOfLocalDay(first, zone)).toISOString(),
    to: new Date(startOfLocalDay(afterLast, zone)).toISOString(),
  });
  const firstOfMonth = { ...today, day: 1 };
  switch (preset) {
    case "today":
      return between(today, plusDays(today, 1));
    case "7d":
      return between(plusDays(today, -6), plusDays(today, 1));
    case "30d":
      return between(plusDays(today, -29), plusDays(today, 1));
    case "thisMonth":
      return between(firstOfMonth, { ...firstOfMonth, month: firstOfMonth.month + 1 });
    case "lastMonth":
      return between({ ...firstOfMonth, month: firstOfMonth.month - 1 }, firstOfMonth);
    case "custom": {
      const range = custom && validRange(custom);
      return range ? between(range.first, plusDays(range.last, 1)) : null;
    }
  }
}

/** Both ends real dates, in order, and no longer than the API allows. */
export function validRange(range: DateRange): { first: LocalDate; last: LocalDate } | null {
  const first = parseIsoDate(range.from);
  const last = parseIsoDate(range.to);
  if (!first || !last || range.from > range.to) return null;
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1;
  return days <= MAX_RANGE_DAYS ? { first, last } : null;
}

/** The local dates a preset covers, to prefill the custom range when someone switches to it. */
export function rangeOf(preset: PeriodPreset, zone: string, now: number): DateRange {
  const period = periodOf(preset === "custom" ? "7d" : preset, zone, now)!;
  const lastMoment = Date.parse(period.to) - 1;
  return {
    from: isoDateOf(localDateOf(Date.parse(period.from), zone)),
    to: isoDateOf(localDateOf(lastMoment, zone)),
  };
}
