import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes as add,
  businessMinutesBetween as between,
  isOpen,
  nextClosing,
  nextOpening,
} from "./business-time";
import type { BusinessCalendarSpec, OpeningInterval, Weekday } from "./types";

const WORK_WEEK: Weekday[] = ["mon", "tue", "wed", "thu", "fri"];
const EVERY_DAY: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

function hours(days: Weekday[], ...spans: [string, string][]): OpeningInterval[] {
  return days.flatMap((day) => spans.map(([open, close]) => ({ day, open, close })));
}

const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** add(from, minutes) is `expected`, and between(from, expected) gives the minutes back. */
function expectAdd(cal: BusinessCalendarSpec, from: string, minutes: number, expected: string) {
  expect(iso(add(cal, at(from), minutes))).toBe(expected);
  expect(between(cal, at(from), at(expected))).toBe(minutes);
}

// Winter +02:00, summer +03:00; 2026: 03:00 → 04:00 on 29 March, 04:00 → 03:00 on 25 October (01:00Z).
describe("Europe/Bucharest, Mon–Fri 09:00–17:00", () => {
  const cal: BusinessCalendarSpec = {
    timeZone: "Europe/Bucharest",
    hours: hours(WORK_WEEK, ["09:00", "17:00"]),
    closedDates: ["2026-01-01", "2026-01-02", "2026-01-06", "2026-01-07", "2026-04-10", "2026-04-13"],
  };

  it.each([
    ["inside hours", "2026-01-13T08:00:00.000Z", 60, "2026-01-13T09:00:00.000Z"],
    ["before opening", "2026-01-13T05:30:00.000Z", 30, "2026-01-13T07:30:00.000Z"],
    ["after closing, into the next day", "2026-01-13T14:30:00.000Z", 60, "2026-01-14T07:30:00.000Z"],
    ["over a weekend", "2026-01-16T14:00:00.000Z", 120, "2026-01-19T08:00:00.000Z"],
    ["over New Year and a weekend", "2025-12-31T14:00:00.000Z", 120, "2026-01-05T08:00:00.000Z"],
    ["40 hours over two holidays, to a closing", "2026-01-05T07:00:00.000Z", 2400, "2026-01-13T15:00:00.000Z"],
    ["over Orthodox Easter", "2026-04-09T13:00:00.000Z", 120, "2026-04-14T07:00:00.000Z"],
    ["over the spring-forward weekend", "2026-03-27T14:00:00.000Z", 120, "2026-03-30T07:00:00.000Z"],
    ["over the fall-back weekend", "2026-10-23T13:00:00.000Z", 120, "2026-10-26T08:00:00.000Z"],
  ])("%s", (_, from, minutes, expected) => expectAdd(cal, from, minutes, expected));

  it("answers where it opens and closes", () => {
    expect(isOpen(cal, at("2026-01-13T07:00:00Z"))).toBe(true);
    expect(isOpen(cal, at("2026-01-13T15:00:00Z"))).toBe(false); // 17:00 itself is closed
    expect(iso(nextOpening(cal, at("2026-01-13T10:00:00Z")))).toBe("2026-01-13T10:00:00.000Z");
    expect(iso(nextOpening(cal, at("2026-01-01T10:00:00Z")))).toBe("2026-01-05T07:00:00.000Z");
    expect(iso(nextClosing(cal, at("2026-01-13T10:00:00Z")))).toBe("2026-01-13T15:00:00.000Z");
    expect(iso(nextClosing(cal, at("2026-01-10T10:00:00Z")))).toBe("2026-01-12T15:00:00.000Z");
  });

  it("0 minutes is the start itself, open or not", () => {
    expect(iso(add(cal, at("2026-01-10T10:00:00Z"), 0))).toBe("2026-01-10T10:00:00.000Z");
    expect(between(cal, at("2026-01-10T10:00:00Z"), at("2026-01-10T10:00:00Z"))).toBe(0);
  });

  it("takes fractions of a minute down to the millisecond", () => {
    expectAdd(cal, "2026-01-13T14:59:30.000Z", 1.5, "2026-01-14T07:01:00.000Z");
    expectAdd(cal, "2026-01-13T08:00:00.000Z", 1 / 60_000, "2026-01-13T08:00:00.001Z");
  });

  it("counts backwards as negative", () => {
    expect(between(cal, at("2026-01-19T08:00:00Z"), at("2026-01-16T14:00:00Z"))).toBe(-120);
  });

  it("on the DST Sundays, a night desk counts the real hours", () => {
    const desk = { ...cal, hours: hours(["sun"], ["02:00", "06:00"]), closedDates: [] };
    // Spring: 02:00–03:00 EET (00:00–01:00Z), then 04:00–06:00 EEST (01:00–03:00Z).
    expect(between(desk, at("2026-03-28T12:00:00Z"), at("2026-03-30T00:00:00Z"))).toBe(180);
    expectAdd(desk, "2026-03-28T12:00:00.000Z", 90, "2026-03-29T01:30:00.000Z");
    // Fall: 02:00 EEST (23:00Z Saturday) to 06:00 EET (04:00Z): five hours.
    expect(between(desk, at("2026-10-24T12:00:00Z"), at("2026-10-26T00:00:00Z"))).toBe(300);
    expectAdd(desk, "2026-10-24T12:00:00.000Z", 150, "2026-10-25T01:30:00.000Z");
  });
});

// Winter +01:00, summer +02:00; 2026: 02:00 → 03:00 on 29 March, 03:00 → 02:00 on 25 October (01:00Z).
describe("Europe/Berlin, split shift Mon–Fri 08:00–12:00 and 13:00–17:00", () => {
  const cal: BusinessCalendarSpec = {
    timeZone: "Europe/Berlin",
    hours: hours(WORK_WEEK, ["08:00", "12:00"], ["13:00", "17:00"]),
    closedDates: ["2026-04-03", "2026-04-06", "2026-05-01", "2026-12-24", "2026-12-25"],
  };

  it.each([
    ["from the morning over lunch", "2026-02-02T10:00:00.000Z", 90, "2026-02-02T12:30:00.000Z"],
    ["from lunch", "2026-02-02T11:15:00.000Z", 30, "2026-02-02T12:30:00.000Z"],
    ["a whole day ends at the afternoon's close", "2026-02-02T07:00:00.000Z", 480, "2026-02-02T16:00:00.000Z"],
    ["over a weekend", "2026-02-06T15:30:00.000Z", 60, "2026-02-09T07:30:00.000Z"],
    ["over Easter (Good Friday to Easter Monday)", "2026-04-02T14:00:00.000Z", 120, "2026-04-07T07:00:00.000Z"],
    ["over Christmas", "2026-12-23T15:00:00.000Z", 120, "2026-12-28T08:00:00.000Z"],
  ])("%s", (_, from, minutes, expected) => expectAdd(cal, from, minutes, expected));

  it("lunch is closed", () => {
    expect(isOpen(cal, at("2026-02-02T11:30:00Z"))).toBe(false);
    expect(iso(nextOpening(cal, at("2026-02-02T11:30:00Z")))).toBe("2026-02-02T12:00:00.000Z");
    expect(iso(nextClosing(cal, at("2026-02-02T10:00:00Z")))).toBe("2026-02-02T11:00:00.000Z");
  });

  it("spring forward: an opening inside the gap opens when the gap ends", () => {
    const desk = { ...cal, hours: hours(["sun"], ["01:00", "04:00"]), closedDates: [] };
    expect(between(desk, at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z"))).toBe(120);
    expectAdd(desk, "2026-03-28T12:00:00.000Z", 90, "2026-03-29T01:30:00.000Z");
    const gap = { ...desk, hours: hours(["sun"], ["02:30", "04:00"]) };
    expect(iso(nextOpening(gap, at("2026-03-28T12:00:00Z")))).toBe("2026-03-29T01:00:00.000Z");
    expect(between(gap, at("2026-03-28T12:00:00Z"), at("2026-03-30T00:00:00Z"))).toBe(60);
  });

  it("fall back: the repeated hour is open each time the clock passes through", () => {
    const desk = { ...cal, hours: hours(["sun"], ["01:00", "04:00"]), closedDates: [] };
    expect(between(desk, at("2026-10-24T12:00:00Z"), at("2026-10-26T00:00:00Z"))).toBe(240);
    // 02:15–02:45 happens at 00:15–00:45Z (summer time) and again at 01:15–01:45Z (winter time).
    const repeated = { ...desk, hours: hours(["sun"], ["02:15", "02:45"]) };
    expect(between(repeated, at("2026-10-24T12:00:00Z"), at("2026-10-26T00:00:00Z"))).toBe(60);
    expect(isOpen(repeated, at("2026-10-25T01:00:00Z"))).toBe(false);
    expectAdd(repeated, "2026-10-24T12:00:00.000Z", 45, "2026-10-25T01:30:00.000Z");
    expect(iso(nextClosing(repeated, at("2026-10-25T00:20:00Z")))).toBe("2026-10-25T00:45:00.000Z");
  });
});

// +03:00 all year.
describe("Europe/Moscow, late desk Mon–Fri 12:00–24:00", () => {
  const cal: BusinessCalendarSpec = {
    timeZone: "Europe/Moscow",
    hours: hours(WORK_WEEK, ["12:00", "24:00"]),
    closedDates: ["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-02-23"],
  };

  it.each([
    ["over midnight into the next day", "2026-02-02T20:00:00.000Z", 120, "2026-02-03T10:00:00.000Z"],
    ["ending exactly at 24:00", "2026-02-02T19:00:00.000Z", 120, "2026-02-02T21:00:00.000Z"],
    ["over the New Year holidays", "2025-12-31T20:00:00.000Z", 120, "2026-01-09T10:00:00.000Z"],
    ["over a weekend and Defender of the Fatherland Day", "2026-02-20T20:30:00.000Z", 60, "2026-02-24T09:30:00.000Z"],
  ])("%s", (_, from, minutes, expected) => expectAdd(cal, from, minutes, expected));

  it("closes at midnight", () => {
    expect(iso(nextClosing(cal, at("2026-02-02T19:00:00Z")))).toBe("2026-02-02T21:00:00.000Z");
    expect(isOpen(cal, at("2026-02-02T20:59:59.999Z"))).toBe(true);
    expect(isOpen(cal, at("2026-02-02T21:00:00Z"))).toBe(false);
  });

  it("around the clock, 24:00 joins the next day's 00:00", () => {
    const always = { ...cal, hours: hours(EVERY_DAY, ["00:00", "24:00"]), closedDates: ["2026-01-01"] };
    expectAdd(always, "2025-12-31T20:00:00.000Z", 120, "2026-01-01T22:00:00.000Z");
    expect(iso(nextClosing(always, at("2025-12-31T10:00:00Z")))).toBe("2025-12-31T21:00:00.000Z");
    expect(nextClosing(always, at("2026-01-02T00:00:00Z"))).toBeNull();
    expectAdd(always, "2026-03-01T00:00:00.000Z", 525_600, "2027-03-01T00:00:00.000Z");
  });
});
