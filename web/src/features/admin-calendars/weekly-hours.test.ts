import { describe, expect, it } from "vitest";
import {
  closedDateProblems,
  copyMondayToWeekdays,
  defaultWeek,
  hoursProblems,
  intervalsOf,
  tidyTime,
  weekOf,
  yearAhead,
} from "./weekly-hours";

describe("weekly hours in the editor", () => {
  it("turns the API's intervals into days and back, in weekday order", () => {
    const week = weekOf([
      { day: "sat", open: "10:00", close: "14:00" },
      { day: "mon", open: "08:00", close: "12:00" },
      { day: "mon", open: "13:00", close: "17:00" },
    ]);
    expect(week.mon).toEqual([
      { open: "08:00", close: "12:00" },
      { open: "13:00", close: "17:00" },
    ]);
    expect(week.sun).toEqual([]);
    expect(intervalsOf(week)).toEqual({
      hours: [
        { day: "mon", open: "08:00", close: "12:00" },
        { day: "mon", open: "13:00", close: "17:00" },
        { day: "sat", open: "10:00", close: "14:00" },
      ],
      at: [
        ["mon", 0],
        ["mon", 1],
        ["sat", 0],
      ],
    });
  });

  it("copies Monday's split shift to Tuesday–Friday and leaves the weekend alone", () => {
    const week = {
      ...defaultWeek(),
      mon: [
        { open: "08:00", close: "12:00" },
        { open: "13:00", close: "17:00" },
      ],
    };
    week.sat = [{ open: "10:00", close: "14:00" }];
    const copied = copyMondayToWeekdays(week);
    for (const day of ["tue", "wed", "thu", "fri"] as const) expect(copied[day]).toEqual(week.mon);
    expect(copied.sat).toEqual([{ open: "10:00", close: "14:00" }]);
    copied.tue[0]!.open = "07:00";
    expect(copied.wed[0]!.open).toBe("08:00");
  });

  it("places each problem on its input: malformed, closing before opening, overlapping, never open", () => {
    const week = weekOf([
      { day: "mon", open: "9:00", close: "12:00" },
      { day: "tue", open: "12:00", close: "08:00" },
      { day: "wed", open: "08:00", close: "12:00" },
      { day: "wed", open: "11:00", close: "15:00" },
      { day: "thu", open: "08:00", close: "24:00" },
    ]);
    expect(hoursProblems(week)).toEqual({ "mon.0.open": "format", "tue.0.close": "order", "wed.1.open": "overlap" });
    expect(hoursProblems(weekOf([]))).toEqual({ week: "empty" });
    expect(hoursProblems(defaultWeek())).toEqual({});
  });

  it("checks closed days: real dates, each once, with a name", () => {
    expect(
      closedDateProblems([
        { date: "2026-12-24", name: "Eve" },
        { date: "2026-12-24", name: "Again" },
        { date: "2026-02-30", name: "" },
      ]),
    ).toEqual({ "1.date": "twice", "2.date": "date", "2.name": "name" });
  });

  it("asks for the year from today in the calendar's zone", () => {
    expect(yearAhead(new Date("2026-06-15T22:30:00Z"), "Asia/Tokyo")).toEqual({ from: "2026-06-16", to: "2027-06-16" });
    expect(yearAhead(new Date("2028-02-29T12:00:00Z"), "UTC")).toEqual({ from: "2028-02-29", to: "2029-02-28" });
  });

  it("tidies typed times: hours alone, four digits, a single-digit hour, a dot", () => {
    expect(["9", "17", "930", "0830", "9:30", "13.45", " 24:00 ", "9:5", "abc"].map(tidyTime)).toEqual([
      "09:00",
      "17:00",
      "09:30",
      "08:30",
      "09:30",
      "13:45",
      "24:00",
      "9:5",
      "abc",
    ]);
  });
});
