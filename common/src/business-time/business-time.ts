import { type CompiledCalendar, compile } from "./calendar";
import type { BusinessCalendarSpec } from "./types";
import { DAY_MS, MINUTE_MS } from "./zone";

/**
 * How far the arithmetic looks: 100 years. A calendar with any opening hours opens within a few weeks
 * after its last closed date, and a spec holds at most MAX_CLOSED_DATES of them, so within this
 * horizon "no opening" means "never opens"; sums longer than this are refused rather than ground out.
 */
export const BUSINESS_TIME_HORIZON_DAYS = 36_525;
const HORIZON_MS = BUSINESS_TIME_HORIZON_DAYS * DAY_MS;
const LAST_MS = 8.64e15;

/** True when the calendar is open at `at` (an instant exactly at a closing time is closed). */
export function isOpen(cal: BusinessCalendarSpec, at: Date): boolean {
  const t = instant(at, "at");
  const ranges = compile(cal).window(Math.floor(t / DAY_MS));
  for (let i = 0; i < ranges.length; i += 2) if (ranges[i]! <= t && t < ranges[i + 1]!) return true;
  return false;
}

/** `at` itself when open, else the next instant the calendar opens; null when it never opens again. */
export function nextOpening(cal: BusinessCalendarSpec, at: Date): Date | null {
  const t = instant(at, "at");
  for (const [start] of stretches(compile(cal), t)) return new Date(start);
  return null;
}

/**
 * When the open period holding `at` ends, or, when closed at `at`, when the next one ends;
 * null when the calendar never opens again or, open around the clock, never closes again.
 */
export function nextClosing(cal: BusinessCalendarSpec, at: Date): Date | null {
  const t = instant(at, "at");
  for (const [, end, cut] of stretches(compile(cal), t)) {
    if (cut) throw new RangeError(`Still open ${BUSINESS_TIME_HORIZON_DAYS} days after at`);
    return end === Number.POSITIVE_INFINITY ? null : new Date(end);
  }
  return null;
}

/**
 * The earliest instant by which `minutes` minutes of opening time have passed since `from`: counting
 * starts at `from` when open, else at the next opening, and the result may be exactly a closing time.
 * 0 minutes gives `from` itself. Minutes are non-negative, rounded to the millisecond. Null when
 * `minutes` > 0 and the calendar never opens. Throws RangeError beyond BUSINESS_TIME_HORIZON_DAYS.
 */
export function addBusinessMinutes(cal: BusinessCalendarSpec, from: Date, minutes: number): Date | null {
  const c = compile(cal);
  const t = instant(from, "from");
  if (typeof minutes !== "number" || !Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`);
  }
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining === 0) return new Date(t);
  if (!c.opens) return null;
  for (const [start, end] of stretches(c, t)) {
    if (remaining <= end - start) return result(start + remaining);
    remaining -= end - start;
  }
  throw new RangeError(`${minutes} business minutes end more than ${BUSINESS_TIME_HORIZON_DAYS} days after from`);
}

/**
 * Minutes of opening time in [from, to) (fractions down to the millisecond). Signed: when `to` is
 * before `from` it is minus the time in [to, from), so between(a, c) = between(a, b) + between(b, c)
 * for any a, b, c. Throws RangeError when the two are more than BUSINESS_TIME_HORIZON_DAYS apart.
 */
export function businessMinutesBetween(cal: BusinessCalendarSpec, from: Date, to: Date): number {
  const c = compile(cal);
  const a = instant(from, "from");
  const b = instant(to, "to");
  if (Math.abs(b - a) > HORIZON_MS) {
    throw new RangeError(`from and to are more than ${BUSINESS_TIME_HORIZON_DAYS} days apart`);
  }
  if (b < a) return -openMs(c, b, a) / MINUTE_MS;
  return openMs(c, a, b) / MINUTE_MS;
}

function openMs(c: CompiledCalendar, from: number, to: number): number {
  let total = 0;
  const last = Math.floor(to / DAY_MS);
  for (let k = Math.floor(from / DAY_MS); k <= last; k++) {
    const ranges = c.window(k);
    for (let i = 0; i < ranges.length; i += 2) {
      const start = Math.max(ranges[i]!, from);
      const end = Math.min(ranges[i + 1]!, to);
      if (start < end) total += end - start;
    }
  }
  return total;
}

/**
 * The open periods ending after `from`, in time order, as [start, end] with start clipped to `from`
 * and periods that touch across midnight or a window edge joined; end is Infinity when the calendar
 * is open around the clock from there on. Ends at the horizon, where the last period is `cut`: it
 * may go on.
 */
function* stretches(c: CompiledCalendar, from: number): Generator<[number, number, boolean]> {
  if (!c.opens) return;
  let start = Number.NaN;
  let end = Number.NaN;
  const first = Math.floor(from / DAY_MS);
  const last = Math.min(first + BUSINESS_TIME_HORIZON_DAYS, Math.floor(LAST_MS / DAY_MS) - 2);
  for (let k = first; k <= last; k++) {
    const ranges = c.window(k);
    for (let i = 0; i < ranges.length; i += 2) {
      const s = ranges[i]!;
      const e = ranges[i + 1]!;
      if (e <= from) continue;
      if (s === end) {
        end = e;
        continue;
      }
      if (!Number.isNaN(start)) yield [start, end, false];
      start = Math.max(s, from);
      end = e;
    }
    // Local days k - 1 onwards are past every closed date: open until this window's end is open for good.
    if (c.alwaysOpen && k - 1 > c.lastClosedDay && end === (k + 1) * DAY_MS) {
      yield [start, Number.POSITIVE_INFINITY, false];
      return;
    }
  }
  if (!Number.isNaN(start)) yield [start, end, end === (last + 1) * DAY_MS];
}

function instant(d: Date, name: string): number {
  const t = d instanceof Date ? d.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${name} must be a valid Date`);
  return t;
}

function result(t: number): Date {
  if (Math.abs(t) > LAST_MS) throw new RangeError("The result is past the last instant a Date can hold");
  return new Date(t);
}
