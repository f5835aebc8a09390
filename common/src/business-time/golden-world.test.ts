import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes as add,
  businessMinutesBetween as between,
  isOpen,
  nextClosing,
  nextOpening,
} from "./business-time";
import type { BusinessCalendarSpec, OpeningInterval, Weekday } from "./types";

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

function sundayDesk(timeZone: string, open: string, close: string): BusinessCalendarSpec {
  return { timeZone, hours: hours(["sun"], [open, close]), closedDates: [] };
}

// +03:00 all year; the weekend is Friday and Saturday.
describe("Asia/Riyadh, Sun–Thu 08:00–16:00", () => {
  const cal: BusinessCalendarSpec = {
    timeZone: "Asia/Riyadh",
    hours: hours(["sun", "mon", "tue", "wed", "thu"], ["08:00", "16:00"]),
    closedDates: ["2026-03-22", "2026-03-23", "2026-09-23"],
  };

  it.each([
    ["inside hours", "2026-02-08T06:00:00.000Z", 45, "2026-02-08T06:45:00.000Z"],
    ["over the Friday–Saturday weekend", "2026-02-05T12:00:00.000Z", 120, "2026-02-08T06:00:00.000Z"],
    ["from a Friday", "2026-02-06T07:00:00.000Z", 30, "2026-02-08T05:30:00.000Z"],
    ["over National Day", "2026-09-22T12:30:00.000Z", 60, "2026-09-24T05:30:00.000Z"],
    ["over the weekend and the Eid holiday", "2026-03-19T12:00:00.000Z", 120, "2026-03-24T06:00:00.000Z"],
  ])("%s", (_, from, minutes, expected) => expectAdd(cal, from, minutes, expected));

  it("is closed on Friday and open on Sunday", () => {
    expect(isOpen(cal, at("2026-02-06T09:00:00Z"))).toBe(false);
    expect(isOpen(cal, at("2026-02-08T07:00:00Z"))).toBe(true);
    expect(iso(nextOpening(cal, at("2026-02-06T09:00:00Z")))).toBe("2026-02-08T05:00:00.000Z");
  });
});

// Winter -05:00, summer -04:00; 2026: 02:00 → 03:00 on 8 March (07:00Z), 02:00 → 01:00 on 1 November (06:00Z).
describe("America/New_York, Mon–Fri 09:00–17:00", () => {
  const cal: BusinessCalendarSpec = {
    timeZone: "America/New_York",
    hours: hours(["mon", "tue", "wed", "thu", "fri"], ["09:00", "17:00"]),
    closedDates: ["2026-01-01", "2026-07-03", "2026-11-26", "2026-12-25"],
  };

  it.each([
    ["before opening", "2026-01-13T12:00:00.000Z", 30, "2026-01-13T14:30:00.000Z"],
    ["over the spring-forward weekend", "2026-03-06T21:00:00.000Z", 120, "2026-03-09T14:00:00.000Z"],
    ["over the fall-back weekend", "2026-10-30T20:00:00.000Z", 120, "2026-11-02T15:00:00.000Z"],
    ["over Thanksgiving", "2026-11-25T21:30:00.000Z", 60, "2026-11-27T14:30:00.000Z"],
    ["over Independence Day observed and a weekend", "2026-07-02T20:00:00.000Z", 90, "2026-07-06T13:30:00.000Z"],
  ])("%s", (_, from, minutes, expected) => expectAdd(cal, from, minutes, expected));

  it("spring forward: 00:00–04:00 on that Sunday is three real hours", () => {
    const desk = sundayDesk("America/New_York", "00:00", "04:00");
    expect(between(desk, at("2026-03-07T12:00:00Z"), at("2026-03-09T00:00:00Z"))).toBe(180);
    expectAdd(desk, "2026-03-07T12:00:00.000Z", 150, "2026-03-08T07:30:00.000Z");
  });

  it("fall back: 00:00–04:00 on that Sunday is five real hours", () => {
    const desk = sundayDesk("America/New_York", "00:00", "04:00");
    expect(between(desk, at("2026-10-31T12:00:00Z"), at("2026-11-02T00:00:00Z"))).toBe(300);
    expectAdd(desk, "2026-10-31T12:00:00.000Z", 150, "2026-11-01T06:30:00.000Z");
    expect(iso(nextClosing(desk, at("2026-11-01T05:00:00Z")))).toBe("2026-11-01T09:00:00.000Z");
  });
});

// Standard +10:30, summer +11:00, a half-hour change; 2026: 02:00 → 01:30 on 5 April (15:00Z the day
// before), 02:00 → 02:30 on 4 October (15:30Z the day before).
describe("Australia/Lord_Howe, Mon–Fri 09:00–17:00", () => {
  const cal: BusinessCalendarSpec = {
    timeZone: "Australia/Lord_Howe",
    hours: hours(["mon", "tue", "wed", "thu", "fri"], ["09:00", "17:00"]),
    closedDates: ["2026-01-26", "2026-04-03", "2026-04-06", "2026-12-25"],
  };

  it.each([
    ["inside hours", "2026-02-02T23:00:00.000Z", 60, "2026-02-03T00:00:00.000Z"],
    ["over Australia Day and a weekend", "2026-01-23T05:00:00.000Z", 120, "2026-01-26T23:00:00.000Z"],
    ["over Easter and the fall-back weekend", "2026-04-02T05:00:00.000Z", 120, "2026-04-06T23:30:00.000Z"],
    ["over the spring-forward weekend", "2026-10-02T05:30:00.000Z", 120, "2026-10-04T23:00:00.000Z"],
  ])("%s", (_, from, minutes, expected) => expectAdd(cal, from, minutes, expected));

  it("fall back by half an hour: 01:00–03:00 is two and a half real hours", () => {
    const desk = sundayDesk("Australia/Lord_Howe", "01:00", "03:00");
    expect(between(desk, at("2026-04-04T00:00:00Z"), at("2026-04-05T12:00:00Z"))).toBe(150);
    expectAdd(desk, "2026-04-04T00:00:00.000Z", 90, "2026-04-04T15:30:00.000Z");
    const repeated = sundayDesk("Australia/Lord_Howe", "01:30", "02:00");
    expect(between(repeated, at("2026-04-04T00:00:00Z"), at("2026-04-05T12:00:00Z"))).toBe(60);
    expect(iso(nextClosing(repeated, at("2026-04-04T14:40:00Z")))).toBe("2026-04-04T15:30:00.000Z");
  });

  it("spring forward by half an hour: 01:00–03:00 is one and a half real hours", () => {
    const desk = sundayDesk("Australia/Lord_Howe", "01:00", "03:00");
    expect(between(desk, at("2026-10-03T00:00:00Z"), at("2026-10-04T12:00:00Z"))).toBe(90);
    expectAdd(desk, "2026-10-03T00:00:00.000Z", 70, "2026-10-03T15:40:00.000Z");
    const gap = sundayDesk("Australia/Lord_Howe", "02:10", "03:00");
    expect(iso(nextOpening(gap, at("2026-10-03T00:00:00Z")))).toBe("2026-10-03T15:30:00.000Z");
  });
});

// +05:45 all year; Saturday is the weekend.
describe("Asia/Kathmandu, split shift Sun–Fri 10:00–13:00 and 14:00–17:00", () => {
  const cal: BusinessCalendarSpec = {
    timeZone: "Asia/Kathmandu",
    hours: hours(["sun", "mon", "tue", "wed", "thu", "fri"], ["10:00", "13:00"], ["14:00", "17:00"]),
    closedDates: ["2026-10-19", "2026-10-20"],
  };

  it.each([
    ["over lunch", "2026-02-02T06:15:00.000Z", 90, "2026-02-02T08:45:00.000Z"],
    ["before opening", "2026-02-04T03:00:00.000Z", 15, "2026-02-04T04:30:00.000Z"],
    ["over Saturday", "2026-02-06T10:15:00.000Z", 120, "2026-02-08T05:15:00.000Z"],
    ["over the Dashain holidays", "2026-10-18T10:45:00.000Z", 60, "2026-10-21T04:45:00.000Z"],
  ])("%s", (_, from, minutes, expected) => expectAdd(cal, from, minutes, expected));

  it("opens at 10:00 local, 04:15Z", () => {
    expect(iso(nextOpening(cal, at("2026-02-02T00:00:00Z")))).toBe("2026-02-02T04:15:00.000Z");
    expect(isOpen(cal, at("2026-02-02T04:14:59.999Z"))).toBe(false);
  });
});

describe("zones whose clocks change at midnight", () => {
  it("America/Santiago: the Sunday that starts at 01:00, and the Saturday whose 23:00 comes twice", () => {
    // 6 September 2026: 00:00 -04:00 becomes 01:00 -03:00 (04:00Z).
    const spring = sundayDesk("America/Santiago", "00:00", "09:00");
    expect(iso(nextOpening(spring, at("2026-09-05T12:00:00Z")))).toBe("2026-09-06T04:00:00.000Z");
    expect(between(spring, at("2026-09-05T12:00:00Z"), at("2026-09-07T00:00:00Z"))).toBe(480);
    // 5 April 2026: 00:00 -03:00 becomes Saturday 23:00 -04:00 (03:00Z).
    const fall = { ...spring, hours: hours(["sat"], ["22:00", "24:00"]) };
    expect(between(fall, at("2026-04-04T12:00:00Z"), at("2026-04-05T12:00:00Z"))).toBe(180);
    expect(iso(nextClosing(fall, at("2026-04-05T02:00:00Z")))).toBe("2026-04-05T04:00:00.000Z");
  });

  it("America/Havana: 8 March has no 00:00–01:00; 1 November has 00:00–01:00 twice", () => {
    const desk = sundayDesk("America/Havana", "00:00", "02:00");
    expect(between(desk, at("2026-03-07T12:00:00Z"), at("2026-03-09T00:00:00Z"))).toBe(60);
    expect(iso(nextOpening(desk, at("2026-03-07T12:00:00Z")))).toBe("2026-03-08T05:00:00.000Z");
    expect(between(desk, at("2026-10-31T12:00:00Z"), at("2026-11-02T00:00:00Z"))).toBe(180);
    const closed = { ...desk, closedDates: ["2026-11-01"] };
    expect(between(closed, at("2026-10-31T12:00:00Z"), at("2026-11-02T00:00:00Z"))).toBe(0);
  });

  it("Asia/Beirut: 29 March has no 00:00–01:00; on 24 October 23:00–24:00 comes twice", () => {
    // 29 March 2026: 00:00 +02:00 becomes 01:00 +03:00 (22:00Z the day before).
    const desk = sundayDesk("Asia/Beirut", "00:00", "02:00");
    expect(iso(nextOpening(desk, at("2026-03-28T12:00:00Z")))).toBe("2026-03-28T22:00:00.000Z");
    expect(between(desk, at("2026-03-28T12:00:00Z"), at("2026-03-30T00:00:00Z"))).toBe(60);
    // 25 October 2026: 00:00 +03:00 becomes Saturday 23:00 +02:00 (21:00Z).
    const late = { ...desk, hours: hours(["sat"], ["22:00", "24:00"]) };
    expect(between(late, at("2026-10-24T12:00:00Z"), at("2026-10-25T12:00:00Z"))).toBe(180);
    expectAdd(late, "2026-10-24T12:00:00.000Z", 150, "2026-10-24T21:30:00.000Z");
  });

  it("America/St_Johns in 2009: a local date that runs backwards still counts once per instant", () => {
    // 1 November 2009, 00:01 -02:30 became Saturday 23:01 -03:30 (02:31Z).
    const cal = { timeZone: "America/St_Johns", hours: hours(["sat"], ["22:00", "24:00"]), closedDates: [] };
    expect(between(cal, at("2009-10-31T12:00:00Z"), at("2009-11-01T12:00:00Z"))).toBe(179);
    expect(isOpen(cal, at("2009-11-01T02:30:30Z"))).toBe(false);
    expect(isOpen(cal, at("2009-11-01T02:31:00Z"))).toBe(true);
  });
});

describe("an empty calendar", () => {
  const empty: BusinessCalendarSpec = { timeZone: "Europe/Bucharest", hours: [], closedDates: [] };

  it("never opens", () => {
    expect(isOpen(empty, at("2026-01-13T08:00:00Z"))).toBe(false);
    expect(nextOpening(empty, at("2026-01-13T08:00:00Z"))).toBeNull();
    expect(nextClosing(empty, at("2026-01-13T08:00:00Z"))).toBeNull();
    expect(add(empty, at("2026-01-13T08:00:00Z"), 60)).toBeNull();
    expect(iso(add(empty, at("2026-01-13T08:00:00Z"), 0))).toBe("2026-01-13T08:00:00.000Z");
    expect(between(empty, at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"))).toBe(0);
  });
});
