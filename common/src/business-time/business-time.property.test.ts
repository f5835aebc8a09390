import { Temporal } from "@js-temporal/polyfill";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes as add,
  businessMinutesBetween as between,
  isOpen,
  nextClosing,
  nextOpening,
} from "./business-time";
import { type BusinessCalendarSpec, type OpeningInterval, WEEKDAYS } from "./types";

const MINUTE = 60_000;
const DAY = 86_400_000;

// The zones the product must get right, plus every 12th zone the runtime knows.
const REQUIRED = [
  "Europe/Bucharest",
  "Europe/Berlin",
  "Europe/Moscow",
  "Asia/Riyadh",
  "America/New_York",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "America/Santiago",
  "America/Havana",
  "Asia/Beirut",
  "America/St_Johns",
];
const ZONES = [...new Set([...REQUIRED, ...Intl.supportedValuesOf("timeZone").filter((_, i) => i % 12 === 0)])];

const NEAR = [Date.UTC(2025, 8, 1), Date.UTC(2027, 0, 1)];
const WIDE = [Date.UTC(2005, 0, 1), Date.UTC(2032, 0, 1)];

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const isoDate = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

// Clocks change in the small hours: half the marks fall between 00:00 and 04:00.
const mark = fc.oneof(
  fc.integer({ min: 0, max: 16 }).map((q) => q * 15),
  fc.integer({ min: 0, max: 96 }).map((q) => q * 15),
);
const dayIntervals = fc.oneof(
  { weight: 6, arbitrary: fc.uniqueArray(mark, { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constant([0, 1440]) },
);

const calendar: fc.Arbitrary<BusinessCalendarSpec> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    week: fc.tuple(...WEEKDAYS.map(() => dayIntervals)),
    allDay: fc.boolean(),
    closed: fc.uniqueArray(fc.integer({ min: NEAR[0]! / DAY, max: NEAR[1]! / DAY }), { maxLength: 40 }),
  })
  .map(({ timeZone, week, allDay, closed }) => {
    const hours: OpeningInterval[] = [];
    for (const [i, marks] of week.entries()) {
      // Around the clock on one draw in ten: 24:00 meets 00:00 every night.
      const sorted = allDay && i % 2 === 0 ? [0, 1440] : [...marks].sort((a, b) => a - b);
      for (let j = 0; j + 1 < sorted.length; j += 2) {
        hours.push({ day: WEEKDAYS[i]!, open: hhmm(sorted[j]!), close: hhmm(sorted[j + 1]!) });
      }
    }
    return { timeZone, hours, closedDates: closed.map(isoDate) };
  });

const instant = fc
  .oneof(
    { weight: 4, arbitrary: fc.integer({ min: NEAR[0]!, max: NEAR[1]! }) },
    { weight: 1, arbitrary: fc.integer({ min: WIDE[0]!, max: WIDE[1]! }) },
  )
  .map((t) => new Date(t));

// Whole minutes, whole milliseconds (as fractions of a minute) and zero, up to five days.
const duration = fc.oneof(
  fc.integer({ min: 0, max: 5 * 1440 }),
  fc.integer({ min: 0, max: 5 * 1440 * MINUTE }).map((ms) => ms / MINUTE),
  fc.constant(0),
);

const ms = (minutes: number) => Math.round(minutes * MINUTE);
const time = (d: Date | null) => d?.getTime() ?? null;
const RUNS = { numRuns: 100 };

describe("business time: properties over random calendars and zones", () => {
  it("add(add(t, a), b) = add(t, a + b)", () => {
    fc.assert(
      fc.property(calendar, instant, duration, duration, (cal, t, a, b) => {
        const first = add(cal, t, a);
        const twice = first && add(cal, first, b);
        expect(time(twice)).toBe(time(add(cal, t, a + b)));
      }),
      RUNS,
    );
  });

  it("add is monotonic in the duration", () => {
    fc.assert(
      fc.property(calendar, instant, duration, duration, (cal, t, a, b) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        const early = add(cal, t, short);
        const late = add(cal, t, long);
        if (late !== null) expect(early!.getTime()).toBeLessThanOrEqual(late.getTime());
      }),
      RUNS,
    );
  });

  it("between(t, add(t, d)) = d, and the result is the earliest such instant", () => {
    fc.assert(
      fc.property(calendar, instant, duration, (cal, t, d) => {
        const end = add(cal, t, d);
        if (end === null) return;
        expect(between(cal, t, end)).toBe(ms(d) / MINUTE);
        if (ms(d) > 0) expect(ms(between(cal, t, new Date(end.getTime() - 1)))).toBe(ms(d) - 1);
      }),
      RUNS,
    );
  });

  it("add lands on open time or exactly on a closing, never inside a closed period", () => {
    fc.assert(
      fc.property(calendar, instant, duration, (cal, t, d) => {
        const end = add(cal, t, d);
        if (end === null || ms(d) === 0) return;
        const justBefore = new Date(end.getTime() - 1);
        expect(isOpen(cal, end) || isOpen(cal, justBefore)).toBe(true);
        expect(isOpen(cal, justBefore)).toBe(true);
        expect(end.getTime()).toBeGreaterThan(nextOpening(cal, t)!.getTime());
      }),
      RUNS,
    );
  });

  it("between is additive for a <= b <= c, and antisymmetric", () => {
    fc.assert(
      fc.property(calendar, instant, fc.nat(20 * DAY), fc.nat(20 * DAY), (cal, a, ab, bc) => {
        const b = new Date(a.getTime() + ab);
        const c = new Date(b.getTime() + bc);
        expect(ms(between(cal, a, c))).toBe(ms(between(cal, a, b)) + ms(between(cal, b, c)));
        // Compared as a sum: a negated zero is -0, which toBe tells apart from 0.
        expect(between(cal, c, a) + between(cal, a, c)).toBe(0);
      }),
      RUNS,
    );
  });

  it("isOpen, nextOpening and nextClosing agree", () => {
    fc.assert(
      fc.property(calendar, instant, (cal, t) => {
        const opening = nextOpening(cal, t);
        expect(opening?.getTime() === t.getTime()).toBe(isOpen(cal, t));
        if (opening === null) return;
        expect(isOpen(cal, opening)).toBe(true);
        if (opening.getTime() > t.getTime()) expect(between(cal, t, opening)).toBe(0);
        const closing = nextClosing(cal, t);
        if (closing === null) return;
        expect(isOpen(cal, closing)).toBe(false);
        expect(between(cal, opening, closing)).toBe((closing.getTime() - opening.getTime()) / MINUTE);
      }),
      RUNS,
    );
  });
});

// An independent reading of the rule, from Intl's wall clock alone: an instant is open when its local
// weekday and time fall in an interval and its local date is not closed.
const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(zone: string, t: number): { date: string; day: string; minute: number } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((part) => [part.type, part.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    day: p.weekday!.toLowerCase().slice(0, 3),
    minute: Number(p.hour) * 60 + Number(p.minute),
  };
}

function openByWallClock(cal: BusinessCalendarSpec, t: number): boolean {
  const { date, day, minute } = wallClock(cal.timeZone, t);
  if (cal.closedDates.includes(date)) return false;
  const toMinutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return cal.hours.some((h) => h.day === day && toMinutes(h.open) <= minute && minute < toMinutes(h.close));
}

/** Half the time, moves `t` to up to two days before the zone's next change of offset. */
function nearChange(zone: string, t: number, before: number, move: boolean): number {
  if (!move) return t;
  const next = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(zone).getTimeZoneTransition("next");
  return next && next.epochMilliseconds - t < 400 * DAY ? next.epochMilliseconds - before : t;
}

describe("business time: the wall-clock rule, checked minute by minute", () => {
  const near = fc.tuple(fc.integer({ min: 0, max: 2 * 1440 }), fc.boolean());

  it("counts exactly the minutes whose wall-clock time is open", () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        near,
        fc.integer({ min: 1, max: 2 * 1440 }),
        (cal, at, [before, move], minutes) => {
          // Offsets in these years are whole minutes, so openings and closings fall on whole UTC minutes.
          const t = nearChange(cal.timeZone, Math.floor(at.getTime() / MINUTE) * MINUTE, before * MINUTE, move);
          let open = 0;
          for (let i = 0; i < minutes; i++) if (openByWallClock(cal, t + i * MINUTE)) open++;
          expect(between(cal, new Date(t), new Date(t + minutes * MINUTE))).toBe(open);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("isOpen agrees with the wall clock at any instant", () => {
    fc.assert(
      fc.property(calendar, instant, near, (cal, at, [before, move]) => {
        const t = nearChange(cal.timeZone, at.getTime(), before * 997, move);
        expect(isOpen(cal, new Date(t))).toBe(openByWallClock(cal, t));
      }),
      { numRuns: 300 },
    );
  });
});
