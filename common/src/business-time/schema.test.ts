import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutesBetween, isOpen, nextClosing } from "./business-time";
import { businessCalendarSpecSchema, checkCalendarSpec, MAX_OPENING_INTERVALS } from "./schema";
import { type BusinessCalendarSpec, WEEKDAYS as WEEK } from "./types";

const valid: BusinessCalendarSpec = {
  timeZone: "Europe/Bucharest",
  hours: [
    { day: "mon", open: "09:00", close: "12:00" },
    { day: "mon", open: "12:00", close: "17:30" },
    { day: "fri", open: "18:00", close: "24:00" },
    { day: "sat", open: "00:00", close: "02:00" },
  ],
  closedDates: ["2026-12-25", "2024-02-29"],
};

const withHours = (...hours: { day: string; open: string; close: string }[]) => ({ ...valid, hours });

describe("calendar spec: valid", () => {
  it("accepts touching intervals, 24:00 closes, leap days and no hours at all", () => {
    expect(checkCalendarSpec(valid)).toEqual({});
    expect(checkCalendarSpec({ ...valid, hours: [], closedDates: [] })).toEqual({});
  });

  it("gives the zone back in its canonical spelling", () => {
    const parsed: BusinessCalendarSpec = businessCalendarSpecSchema.parse({ ...valid, timeZone: "america/new_york" });
    expect(parsed.timeZone).toBe("America/New_York");
    expect(checkCalendarSpec({ ...valid, timeZone: "Asia/Kathmandu" })).toEqual({});
    expect(checkCalendarSpec({ ...valid, timeZone: "UTC" })).toEqual({});
  });
});

describe("calendar spec: rejects, naming the field", () => {
  it("a zone that is not a named IANA zone", () => {
    const message = ["Unknown IANA time zone (a region such as Europe/Bucharest)"];
    expect(checkCalendarSpec({ ...valid, timeZone: "Europe/Atlantis" })).toEqual({ timeZone: message });
    expect(checkCalendarSpec({ ...valid, timeZone: "+05:30" })).toEqual({ timeZone: message });
    expect(checkCalendarSpec({ ...valid, timeZone: "" })).toEqual({ timeZone: message });
    expect(checkCalendarSpec({ ...valid, timeZone: 3 })).toEqual({
      timeZone: ["Invalid input: expected string, received number"],
    });
  });

  it("times that are not HH:MM between 00:00 and 24:00", () => {
    const message = ["Expected a time as HH:MM, from 00:00 to 24:00"];
    expect(
      checkCalendarSpec(
        withHours(
          { day: "mon", open: "9:00", close: "17:00" },
          { day: "tue", open: "09:00", close: "24:01" },
          { day: "wed", open: "12:60", close: "13:00" },
          { day: "thu", open: "09:00", close: "25:00" },
          { day: "fri", open: "09:00:00", close: "10:00" },
        ),
      ),
    ).toEqual({
      "hours.0.open": message,
      "hours.1.close": message,
      "hours.2.open": message,
      "hours.3.close": message,
      "hours.4.open": message,
    });
  });

  it("a close not after the open, an unknown day and a missing time", () => {
    const later = ["Must be later than the opening time"];
    expect(
      checkCalendarSpec(
        withHours(
          { day: "mon", open: "17:00", close: "09:00" },
          { day: "tue", open: "09:00", close: "09:00" },
          { day: "wed", open: "24:00", close: "24:00" },
          { day: "monday", open: "09:00", close: "17:00" },
        ),
      ),
    ).toEqual({
      "hours.0.close": later,
      "hours.1.close": later,
      "hours.2.close": later,
      "hours.3.day": ['Invalid option: expected one of "mon"|"tue"|"wed"|"thu"|"fri"|"sat"|"sun"'],
    });
    expect(checkCalendarSpec({ ...valid, hours: [{ day: "mon", open: "09:00" }] })).toEqual({
      "hours.0.close": ["Invalid input: expected string, received undefined"],
    });
  });

  it("overlapping intervals on one day, naming the later one", () => {
    expect(
      checkCalendarSpec(
        withHours(
          { day: "mon", open: "09:00", close: "13:00" },
          { day: "tue", open: "12:00", close: "14:00" },
          { day: "mon", open: "12:30", close: "17:00" },
          { day: "mon", open: "10:00", close: "11:00" },
        ),
      ),
    ).toEqual({
      "hours.2": ["Overlaps mon 09:00–13:00 (hours.0)"],
      "hours.3": ["Overlaps mon 09:00–13:00 (hours.0)"],
    });
  });

  it("dates that are not real YYYY-MM-DD dates", () => {
    const message = ["Expected a real date as YYYY-MM-DD"];
    expect(
      checkCalendarSpec({ ...valid, closedDates: ["2026-02-29", "2026-13-01", "26-01-01", "2026-1-5", "2026-04-31"] }),
    ).toEqual({
      "closedDates.0": message,
      "closedDates.1": message,
      "closedDates.2": message,
      "closedDates.3": message,
      "closedDates.4": message,
    });
  });

  it("unknown fields, missing fields, too many intervals", () => {
    expect(checkCalendarSpec({ ...valid, name: "Head office" })).toEqual({ name: ["Unknown field"] });
    expect(checkCalendarSpec({ timeZone: "UTC", hours: [] })).toEqual({
      closedDates: ["Invalid input: expected array, received undefined"],
    });
    const many = Array.from({ length: MAX_OPENING_INTERVALS + 1 }, () => ({
      day: "mon",
      open: "09:00",
      close: "10:00",
    }));
    expect(Object.keys(checkCalendarSpec({ ...valid, hours: many }))).toContain("hours");
    expect(checkCalendarSpec(null)).toEqual({ calendar: ["Invalid input: expected object, received null"] });
  });
});

describe("business-time arithmetic: rejects bad arguments", () => {
  const at = new Date("2026-01-13T08:00:00Z");

  it("an invalid calendar, naming the field", () => {
    const bad = { ...valid, hours: [{ day: "mon" as const, open: "09:00", close: "08:00" }] };
    expect(() => isOpen(bad, at)).toThrow(
      new RangeError("Invalid business calendar: hours.0.close: Must be later than the opening time"),
    );
  });

  it("negative, infinite or missing minutes and invalid dates", () => {
    expect(() => addBusinessMinutes(valid, at, -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(valid, at, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => addBusinessMinutes(valid, at, Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessMinutes(valid, new Date("nope"), 5)).toThrow(new RangeError("from must be a valid Date"));
    expect(() => businessMinutesBetween(valid, at, new Date(Number.NaN))).toThrow(
      new RangeError("to must be a valid Date"),
    );
  });

  it("spans past the horizon of 100 years", () => {
    expect(() => businessMinutesBetween(valid, at, new Date("2200-01-01T00:00:00Z"))).toThrow(RangeError);
    expect(() => addBusinessMinutes(valid, at, 1e9)).toThrow(RangeError);
    const always = { ...valid, hours: WEEK.map((day) => ({ day, open: "00:00", close: "24:00" })) };
    expect(() => nextClosing({ ...always, closedDates: ["2200-01-01"] }, at)).toThrow(
      new RangeError("Still open 36525 days after at"),
    );
    expect(nextClosing({ ...always, closedDates: ["2100-01-01"] }, at)).toEqual(new Date("2099-12-31T22:00:00Z"));
  });
});
