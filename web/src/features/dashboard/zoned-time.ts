// Calendar arithmetic in the viewer's profile zone with Intl alone: the dashboard needs only local
// midnights and month starts, which is not worth shipping a Temporal polyfill to the browser for.

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/** A wall-clock date: year, month (1–12) and day; day and month may overflow and are carried. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

function wallClock(ms: number, zone: string): LocalDate & { hour: number; minute: number; second: number } {
  const out: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") out[part.type] = Number(part.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in ms (local minus UTC). */
function offsetAt(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The date an instant falls on in the zone. */
export function localDateOf(ms: number, zone: string): LocalDate {
  const { year, month, day } = wallClock(ms, zone);
  return { year, month, day };
}

/**
 * The instant a local date begins in the zone. Guessing with the offset at the UTC midnight and
 * correcting once with the offset at the guess is exact across daylight-saving changes; a midnight that does not exist (a few
 * zones skip it) becomes the first moment after the gap.
 */
export function startOfLocalDay(date: LocalDate, zone: string): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  const first = guess - offsetAt(guess, zone);
  const corrected = offsetAt(first, zone);
  const second = guess - corrected;
  if (second === first || offsetAt(second, zone) === corrected) return second;
  return Math.max(first, second);
}

/** A local date as "YYYY-MM-DD" (carrying any overflow of day or month). */
export function isoDateOf(date: LocalDate): string {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).toISOString().slice(0, 10);
}

/** A "YYYY-MM-DD" string as a local date, or null when it is not a real date. */
export function parseIsoDate(value: string): LocalDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}
