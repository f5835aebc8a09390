import type { Locale } from "@frontline/common";

// Numbers, rates, durations and dates as the report's reader writes them (Intl, their language).

/** A whole or decimal number with the locale's grouping. */
export const formatCount = (n: number | null, locale: Locale, digits = 0) =>
  n === null ? "—" : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);

/** A rate (0–1) as a percentage with one decimal. */
export const formatRate = (r: number | null, locale: Locale) =>
  r === null ? "—" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(r);

/** Seconds in the largest unit that keeps them readable: minutes, hours or days. */
export function formatDuration(seconds: number | null, locale: Locale): string {
  if (seconds === null) return "—";
  const [unit, value] =
    seconds < 3600
      ? (["minute", seconds / 60] as const)
      : seconds < 172_800
        ? (["hour", seconds / 3600] as const)
        : (["day", seconds / 86_400] as const);
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** The relative change between two numbers, "+12 %"; null when there is nothing to compare with. */
export function formatChange(now: number | null, before: number | null, locale: Locale): string {
  if (now === null || before === null || before === 0) return "—";
  return new Intl.NumberFormat(locale, {
    style: "percent",
    maximumFractionDigits: 0,
    signDisplay: "exceptZero",
  }).format((now - before) / before);
}

/** The difference between two rates in percentage points, "+3.2 pp". */
export function formatPoints(now: number | null, before: number | null, locale: Locale, unit: string): string {
  if (now === null || before === null) return "—";
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" });
  return `${n.format((now - before) * 100)} ${unit}`;
}

/** A day in the zone, "2 Mar 2026". */
export const formatDay = (at: Date, locale: Locale, zone: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: zone }).format(at);

/** A day and time in the zone. */
export const formatDateTime = (at: Date, locale: Locale, zone: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(at);

/** A short label of a trend bucket: the hour for a day's report, else the day. */
export function formatBucket(at: Date, locale: Locale, zone: string, hourly: boolean): string {
  const options: Intl.DateTimeFormatOptions = hourly
    ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
    : { day: "numeric", month: "short" };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(at);
}

/** The period as its first and last day: a period ends before `to`, so the day before it. */
export function formatPeriod(from: Date, to: Date, locale: Locale, zone: string): string {
  const first = formatDay(from, locale, zone);
  const last = formatDay(new Date(to.getTime() - 1), locale, zone);
  return first === last ? first : `${first} – ${last}`;
}
