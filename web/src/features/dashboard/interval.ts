import { METRIC_INTERVALS, type MetricInterval } from "@frontline/common";
import type { Period } from "./period";

// The server refuses a trend of more than 750 points, counting a month as 28 days (series.service.ts);
// the same arithmetic here lets the switch offer only what it will accept.
const MAX_POINTS = 750;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BUCKET_MS: Record<MetricInterval, number> = { hour: HOUR, day: DAY, week: 7 * DAY, month: 28 * DAY };

const spanOf = (p: Period) => Date.parse(p.to) - Date.parse(p.from);

/** The intervals the server accepts for a period. */
export function allowedIntervals(period: Period): MetricInterval[] {
  return METRIC_INTERVALS.filter((interval) => spanOf(period) / BUCKET_MS[interval] <= MAX_POINTS);
}

/**
 * The interval a trend starts with: hours for a day or two, days up to about three months, weeks
 * up to a year, months beyond; a readable number of points (24 to about 90) for every preset.
 */
export function defaultInterval(period: Period): MetricInterval {
  const span = spanOf(period);
  if (span <= 2 * DAY) return "hour";
  if (span <= 92 * DAY) return "day";
  if (span <= 366 * DAY) return "week";
  return "month";
}

/** The interval asked for in the address bar if any, else the default for the period. */
export function intervalFor(period: Period, asked: MetricInterval | undefined): MetricInterval {
  return asked ?? defaultInterval(period);
}

/**
 * The instants one bucket of a trend covers, within the period: the first bucket of a week or a
 * month may begin before the period does, and the last ends with it.
 */
export function bucketPeriod(buckets: readonly string[], index: number, period: Period): Period | null {
  const start = buckets[index];
  if (!start) return null;
  const next = buckets[index + 1];
  const from = Date.parse(start) < Date.parse(period.from) ? period.from : start;
  const to = next && Date.parse(next) < Date.parse(period.to) ? next : period.to;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
