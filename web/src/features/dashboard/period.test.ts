import { describe, expect, it } from "vitest";
import { periodOf, rangeOf, validRange } from "./period";

// 14:30 on Wednesday 11 March 2026 in Berlin (13:30 UTC); Berlin moves to summer time on 29 March.
const NOW = Date.parse("2026-03-11T13:30:00Z");

describe("periodOf", () => {
  it("turns presets into whole local days of the viewer's zone", () => {
    expect(periodOf("today", "Europe/Berlin", NOW)).toEqual({
      from: "2026-03-10T23:00:00.000Z",
      to: "2026-03-11T23:00:00.000Z",
    });
    expect(periodOf("7d", "Europe/Berlin", NOW)).toEqual({
      from: "2026-03-04T23:00:00.000Z",
      to: "2026-03-11T23:00:00.000Z",
    });
    expect(periodOf("30d", "Asia/Riyadh", NOW)).toEqual({
      from: "2026-02-09T21:00:00.000Z",
      to: "2026-03-11T21:00:00.000Z",
    });
  });

  it("runs months from their first day, across a daylight-saving change and a year's end", () => {
    expect(periodOf("thisMonth", "Europe/Berlin", NOW)).toEqual({
      from: "2026-02-28T23:00:00.000Z",
      to: "2026-03-31T22:00:00.000Z",
    });
    expect(periodOf("lastMonth", "Europe/Berlin", NOW)).toEqual({
      from: "2026-01-31T23:00:00.000Z",
      to: "2026-02-28T23:00:00.000Z",
    });
    const january = Date.parse("2026-01-15T12:00:00Z");
    expect(periodOf("lastMonth", "UTC", january)).toEqual({
      from: "2025-12-01T00:00:00.000Z",
      to: "2026-01-01T00:00:00.000Z",
    });
  });

  it("takes the local date, not the UTC one, near midnight", () => {
    // 23:30 UTC on the 11th is already the 12th in Moscow and still the 11th in New York.
    const late = Date.parse("2026-03-11T23:30:00Z");
    expect(periodOf("today", "Europe/Moscow", late)?.from).toBe("2026-03-11T21:00:00.000Z");
    expect(periodOf("today", "America/New_York", late)?.from).toBe("2026-03-11T04:00:00.000Z");
  });

  it("makes a custom range of whole days, both ends included", () => {
    expect(periodOf("custom", "Europe/Berlin", NOW, { from: "2026-03-28", to: "2026-03-29" })).toEqual({
      from: "2026-03-27T23:00:00.000Z",
      to: "2026-03-29T22:00:00.000Z",
    });
    expect(periodOf("custom", "UTC", NOW, { from: "2026-03-09", to: "2026-03-01" })).toBeNull();
    expect(periodOf("custom", "UTC", NOW)).toBeNull();
  });
});

describe("validRange", () => {
  it("refuses impossible dates and ranges longer than the API takes", () => {
    expect(validRange({ from: "2026-02-30", to: "2026-03-01" })).toBeNull();
    expect(validRange({ from: "2024-01-01", to: "2026-01-01" })).toBeNull();
    expect(validRange({ from: "2024-01-01", to: "2025-12-31" })).not.toBeNull();
  });
});

describe("rangeOf", () => {
  it("names the first and last day a preset covers", () => {
    expect(rangeOf("7d", "Europe/Berlin", NOW)).toEqual({ from: "2026-03-05", to: "2026-03-11" });
    expect(rangeOf("lastMonth", "Europe/Berlin", NOW)).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });
});
