import { checkCalendarSpec } from "./schema";
import { type BusinessCalendarSpec, WEEKDAYS } from "./types";
import { DAY_MS, epochDay, MINUTE_MS, offsetSpans } from "./zone";

const EMPTY: readonly number[] = [];
// About four years of UTC days per calendar, for at most CONTENT_LIMIT calendars: tens of MB at worst.
const WINDOW_LIMIT = 1_500;

/**
 * A calendar made ready for arithmetic. The rule: an instant is open when its wall-clock time in the
 * calendar's zone falls inside one of that weekday's intervals and its local date is not closed.
 * Everything else follows from it: an opening time that does not exist (a spring-forward gap) opens
 * at the first instant after the gap; a repeated hour (fall-back) is open each time the clock passes
 * through the interval, so the real elapsed time counts; a closed date closes that local day whatever
 * its length. Local days can run backwards (St. John's fell back from 00:01 to 23:01 the day before
 * until 2010), so open time is assembled per UTC day ("window"), from the local days that can reach it.
 */
export class CompiledCalendar {
  readonly zone: string;
  /** Per weekday (0 = Monday), merged intervals as flat [open, close, ...] ms after local midnight. */
  private readonly week: number[][];
  private readonly closed: Set<number>;
  /** The last closed local day, or -Infinity: past it, every week is like every other. */
  readonly lastClosedDay: number;
  /** False when no weekday has an interval: the calendar never opens. */
  readonly opens: boolean;
  /** True when every weekday is open 00:00–24:00: past the last closed day it never closes. */
  readonly alwaysOpen: boolean;
  private readonly windows = new Map<number, readonly number[]>();

  constructor(spec: BusinessCalendarSpec) {
    this.zone = spec.timeZone;
    this.week = WEEKDAYS.map((day) =>
      merge(
        spec.hours
          .filter((h) => h.day === day)
          .flatMap((h) => [minutes(h.open) * MINUTE_MS, minutes(h.close) * MINUTE_MS]),
      ),
    );
    this.closed = new Set(spec.closedDates.map(dayNumber));
    this.lastClosedDay = Math.max(Number.NEGATIVE_INFINITY, ...this.closed);
    this.opens = this.week.some((intervals) => intervals.length > 0);
    this.alwaysOpen = this.week.every((iv) => iv.length === 2 && iv[0] === 0 && iv[1] === DAY_MS);
  }

  /** Open time within the UTC day `k` ([k, k + 1) days after the epoch): flat [start, end, ...], merged. */
  window(k: number): readonly number[] {
    let ranges = this.windows.get(k);
    if (ranges) return ranges;
    const lo = k * DAY_MS;
    const hi = lo + DAY_MS;
    const pieces: number[] = [];
    // Offsets lie strictly within ±24 h, so local days k-1, k and k+1 are the only ones reaching window k.
    const spans = offsetSpans(this.zone, lo - DAY_MS, hi + DAY_MS);
    for (let day = k - 1; day <= k + 1; day++) {
      if (this.closed.has(day)) continue;
      const intervals = this.week[weekday(day)]!;
      const midnight = day * DAY_MS;
      for (let i = 0; i < intervals.length; i += 2) {
        const open = midnight + intervals[i]!;
        const close = midnight + intervals[i + 1]!;
        for (let s = 0; s < spans.length; s += 3) {
          const offset = spans[s + 2]!;
          const start = Math.max(open - offset, spans[s]!, lo);
          const end = Math.min(close - offset, spans[s + 1]!, hi);
          if (start < end) pieces.push(start, end);
        }
      }
    }
    ranges = pieces.length ? merge(pieces) : EMPTY;
    if (this.windows.size >= WINDOW_LIMIT) this.windows.clear();
    this.windows.set(k, ranges);
    return ranges;
  }
}

const byObject = new WeakMap<BusinessCalendarSpec, CompiledCalendar>();
// Callers that load a calendar per request pass a new object each time: find it again by content.
const byContent = new Map<string, CompiledCalendar>();
const CONTENT_LIMIT = 256;

/** The compiled form of a spec, checked and made once per spec object or content (treat specs as immutable). */
export function compile(spec: BusinessCalendarSpec): CompiledCalendar {
  const same = byObject.get(spec);
  if (same) return same;
  const key = contentKey(spec);
  let cal = key === null ? undefined : byContent.get(key);
  if (!cal) {
    const errors = Object.entries(checkCalendarSpec(spec));
    if (errors.length) {
      const [field, messages] = errors[0]!;
      throw new RangeError(`Invalid business calendar: ${field}: ${messages.join("; ")}`);
    }
    cal = new CompiledCalendar(spec);
    if (key !== null) {
      if (byContent.size >= CONTENT_LIMIT) byContent.delete(byContent.keys().next().value!);
      byContent.set(key, cal);
    }
  }
  byObject.set(spec, cal);
  return cal;
}

function contentKey(spec: BusinessCalendarSpec): string | null {
  try {
    return JSON.stringify([spec.timeZone, spec.hours, spec.closedDates]);
  } catch {
    return null;
  }
}

/** Monday = 0 … Sunday = 6 for a day counted from 1970-01-01, a Thursday. */
function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function dayNumber(date: string): number {
  return epochDay(date)!;
}

/** Sorts flat [start, end, ...] pairs and joins those that touch or overlap. */
function merge(pairs: number[]): number[] {
  const order: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) order.push(i);
  order.sort((a, b) => pairs[a]! - pairs[b]!);
  const out: number[] = [];
  for (const i of order) {
    const start = pairs[i]!;
    const end = pairs[i + 1]!;
    if (out.length && start <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, end);
    else out.push(start, end);
  }
  return out;
}
