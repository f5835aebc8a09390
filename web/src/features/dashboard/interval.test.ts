import { describe, expect, it } from "vitest";
import { allowedIntervals, bucketPeriod, defaultInterval } from "./interval";

const days = (n: number) => ({
  from: "2026-01-01T00:00:00.000Z",
  to: new Date(Date.parse("2026-01-01") + n * 86_400_000).toISOString(),
});

describe("defaultInterval", () => {
  it("gives a readable number of points for each period length", () => {
    expect(defaultInterval(days(1))).toBe("hour");
    expect(defaultInterval(days(7))).toBe("day");
    expect(defaultInterval(days(31))).toBe("day");
    expect(defaultInterval(days(180))).toBe("week");
    expect(defaultInterval(days(730))).toBe("month");
  });
});

describe("allowedIntervals", () => {
  it("leaves out what the server would refuse as too many points", () => {
    expect(allowedIntervals(days(31))).toEqual(["hour", "day", "week", "month"]);
    expect(allowedIntervals(days(32))).toEqual(["day", "week", "month"]);
    expect(allowedIntervals(days(730))).toEqual(["day", "week", "month"]);
  });
});

describe("bucketPeriod", () => {
  const period = { from: "2026-03-04T00:00:00.000Z", to: "2026-03-20T00:00:00.000Z" };
  const weeks = ["2026-03-02T00:00:00.000Z", "2026-03-09T00:00:00.000Z", "2026-03-16T00:00:00.000Z"];
  it("clips a bucket to the period", () => {
    expect(bucketPeriod(weeks, 0, period)).toEqual({ from: period.from, to: weeks[1] });
    expect(bucketPeriod(weeks, 1, period)).toEqual({ from: weeks[1], to: weeks[2] });
    expect(bucketPeriod(weeks, 2, period)).toEqual({ from: weeks[2], to: period.to });
    expect(bucketPeriod(weeks, 3, period)).toBeNull();
  });
});
