import { describe, expect, it } from "vitest";
import { nextRunAfter, periodOf, type Timing } from "./schedule-time";

const daily = (hour: number, timeZone: string): Timing => ({
  cadence: "daily",
  weekday: null,
  dayOfMonth: null,
  hour,
  timeZone,
});
const iso = (d: Date) => d.toISOString();

describe("nextRunAfter", () => {
  it("runs daily at the zone's hour, and keeps that hour across spring-forward (Bucharest, 29 March 2026)", () => {
    const t = daily(7, "Europe/Bucharest");
    const first = nextRunAfter(t, new Date("2026-03-27T12:00:00Z"));
    expect(iso(first)).toBe("2026-03-28T05:00:00.000Z"); // 07:00 EET (UTC+2)
    const second = nextRunAfter(t, first);
    expect(iso(second)).toBe("2026-03-29T04:00:00.000Z"); // 07:00 EEST (UTC+3): 23 hours later
    expect(iso(nextRunAfter(t, second))).toBe("2026-03-30T04:00:00.000Z");
  });

  it("runs an hour the clocks skip at the first moment after the gap", () => {
    // 03:00 does not exist in Bucharest on 29 March 2026: 03:00 EET became 04:00 EEST.
    const t = daily(3, "Europe/Bucharest");
    expect(iso(nextRunAfter(t, new Date("2026-03-28T12:00:00Z")))).toBe("2026-03-29T01:00:00.000Z");
  });

  it("runs an hour that happens twice (fall-back) once, the first time", () => {
    // 03:00–04:00 happens twice in Bucharest on 25 October 2026.
    const t = daily(3, "Europe/Bucharest");
    const run = nextRunAfter(t, new Date("2026-10-24T12:00:00Z"));
    expect(iso(run)).toBe("2026-10-25T00:00:00.000Z"); // 03:00 EEST
    expect(iso(nextRunAfter(t, run))).toBe("2026-10-26T01:00:00.000Z"); // 03:00 EET the next day
  });

  it("runs weekly on its weekday across the US change (New York, 8 March 2026)", () => {
    const t: Timing = { cadence: "weekly", weekday: 1, dayOfMonth: null, hour: 8, timeZone: "America/New_York" };
    const first = nextRunAfter(t, new Date("2026-03-01T00:00:00Z")); // a Sunday
    expect(iso(first)).toBe("2026-03-02T13:00:00.000Z"); // Monday 08:00 EST
    expect(iso(nextRunAfter(t, first))).toBe("2026-03-09T12:00:00.000Z"); // Monday 08:00 EDT
  });

  it("runs monthly on its day, or the month's last day when it is shorter", () => {
    const t: Timing = { cadence: "monthly", weekday: null, dayOfMonth: 31, hour: 6, timeZone: "UTC" };
    const jan = nextRunAfter(t, new Date("2026-01-15T00:00:00Z"));
    expect(iso(jan)).toBe("2026-01-31T06:00:00.000Z");
    const feb = nextRunAfter(t, jan);
    expect(iso(feb)).toBe("2026-02-28T06:00:00.000Z");
    expect(iso(nextRunAfter(t, feb))).toBe("2026-03-31T06:00:00.000Z");
  });

  it("is strictly after the given time: a run at that exact moment moves on a day", () => {
    const t = daily(0, "UTC");
    expect(iso(nextRunAfter(t, new Date("2026-05-01T00:00:00Z")))).toBe("2026-05-02T00:00:00.000Z");
  });
});

describe("periodOf", () => {
  it("yesterday is the whole previous day of the zone, 23 hours long on the spring-forward day", () => {
    const p = periodOf("yesterday", new Date("2026-03-30T04:00:00Z"), "Europe/Bucharest");
    expect([iso(p.from), iso(p.to)]).toEqual(["2026-03-28T22:00:00.000Z", "2026-03-29T21:00:00.000Z"]);
  });

  it("last week is Monday to Monday before the week it is sent in", () => {
    const p = periodOf("last_week", new Date("2026-03-04T07:00:00Z"), "UTC"); // a Wednesday
    expect([iso(p.from), iso(p.to)]).toEqual(["2026-02-23T00:00:00.000Z", "2026-03-02T00:00:00.000Z"]);
  });

  it("last 7 and 30 days end where the day it is sent begins", () => {
    const at = new Date("2026-03-04T07:00:00Z");
    const seven = periodOf("last_7_days", at, "Asia/Riyadh");
    expect([iso(seven.from), iso(seven.to)]).toEqual(["2026-02-24T21:00:00.000Z", "2026-03-03T21:00:00.000Z"]);
    const thirty = periodOf("last_30_days", at, "UTC");
    expect([iso(thirty.from), iso(thirty.to)]).toEqual(["2026-02-02T00:00:00.000Z", "2026-03-04T00:00:00.000Z"]);
  });

  it("last month is the calendar month before", () => {
    const p = periodOf("last_month", new Date("2026-03-01T06:00:00Z"), "Europe/Berlin");
    expect([iso(p.from), iso(p.to)]).toEqual(["2026-01-31T23:00:00.000Z", "2026-02-28T23:00:00.000Z"]);
  });
});
