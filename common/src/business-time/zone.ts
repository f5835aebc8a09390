import { Temporal } from "@js-temporal/polyfill";

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/**
 * The UTC offsets of one time zone as spans of constant offset, learnt from Temporal lazily and kept:
 * `starts[i]` (epoch ms, the first may be -Infinity) begins a span with offset `offsets[i]` (ms, local
 * minus UTC) that lasts until `starts[i + 1]`, and the last one until `end` (Infinity: no more changes).
 * Temporal answers an offset or a transition in tens to hundreds of microseconds; business-time
 * arithmetic asks for offsets thousands of times per second, so each transition is asked for once.
 */
class ZoneOffsets {
  private readonly starts: number[];
  private readonly offsets: number[];
  private end: number;

  constructor(
    private readonly zone: string,
    at: number,
  ) {
    const here = zoned(zone, at);
    this.starts = [at];
    this.offsets = [here.offsetNanoseconds / 1e6];
    this.end = transitionMs(here.getTimeZoneTransition("next"));
  }

  /** Spans meeting [lo, hi) as [start, end, offset] triples, in time order. */
  spans(lo: number, hi: number): number[] {
    this.cover(lo, hi);
    const out: number[] = [];
    for (let i = this.indexAt(lo); i < this.starts.length; i++) {
      const start = this.starts[i]!;
      if (start >= hi) break;
      out.push(start, this.starts[i + 1] ?? this.end, this.offsets[i]!);
    }
    return out;
  }

  private cover(lo: number, hi: number): void {
    while (this.starts[0]! > lo) {
      const previous = zoned(this.zone, this.starts[0]!).getTimeZoneTransition("previous");
      if (!previous) {
        this.starts[0] = Number.NEGATIVE_INFINITY;
        break;
      }
      this.starts.unshift(previous.epochMilliseconds);
      this.offsets.unshift(previous.offsetNanoseconds / 1e6);
    }
    while (this.end < hi) {
      const at = this.end;
      const here = zoned(this.zone, at);
      this.starts.push(at);
      this.offsets.push(here.offsetNanoseconds / 1e6);
      this.end = transitionMs(here.getTimeZoneTransition("next"));
    }
  }

  /** Index of the span holding `t` (the first span when `t` is before it). */
  private indexAt(t: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

// Past these, Temporal (and Date) have no instants: a span reaching them simply ends there.
const FIRST_INSTANT = -8.64e15;
const LAST_INSTANT = 8.64e15;

function zoned(zone: string, ms: number): Temporal.ZonedDateTime {
  const clamped = Math.min(Math.max(ms, FIRST_INSTANT), LAST_INSTANT);
  return Temporal.Instant.fromEpochMilliseconds(clamped).toZonedDateTimeISO(zone);
}

function transitionMs(next: Temporal.ZonedDateTime | null): number {
  return next ? next.epochMilliseconds : Number.POSITIVE_INFINITY;
}

const zones = new Map<string, ZoneOffsets>();

/** The offset spans of `zone` meeting [lo, hi): flat [start, end, offsetMs, ...], in time order. */
export function offsetSpans(zone: string, lo: number, hi: number): number[] {
  let offsets = zones.get(zone);
  if (!offsets) {
    offsets = new ZoneOffsets(zone, lo);
    zones.set(zone, offsets);
  }
  return offsets.spans(lo, hi);
}

const named = new Map<string, string>();

/** The zone's canonical spelling when Temporal knows it as a named (IANA) zone, else null. */
export function namedTimeZone(zone: string): string | null {
  const known = named.get(zone);
  if (known) return known;
  // Temporal also takes offsets ("+05:30"), which have no daylight-saving rules: not a region's zone.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone) || zone.length > 64) return null;
  try {
    const id = Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone).timeZoneId;
    named.set(zone, id);
    return id;
  } catch {
    return null;
  }
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a real "YYYY-MM-DD" date, else null. */
export function epochDay(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (m < 1 || m > 12 || d < 1 || d > MONTH_DAYS[m - 1]! + (m === 2 && leap ? 1 : 0)) return null;
  // Days from the civil date in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}
