import { describe, expect, it } from "vitest";
import { candidateOf, changesOf, fieldOf, valuesOf } from "./schedule-form";

const defaults = { locale: "ro" as const, timeZone: "Europe/Bucharest" };

describe("schedule form", () => {
  it("sends only the day that belongs to the cadence, and only the filters set", () => {
    const v = {
      ...valuesOf(null, defaults),
      name: "Weekly",
      cadence: "monthly" as const,
      dayOfMonth: 31,
      teamId: "t1",
    };
    expect(candidateOf(v)).toMatchObject({ weekday: null, dayOfMonth: 31, filters: { teamId: "t1" }, locale: "ro" });
    expect(candidateOf({ ...v, cadence: "daily" })).toMatchObject({ weekday: null, dayOfMonth: null });
  });

  it("sends only what changed", () => {
    const s = {
      ...candidateOf({ ...valuesOf(null, defaults), name: "A" }),
      id: "s1",
      nextRunAt: null,
      lastSentAt: null,
      lastError: null,
      createdBy: null,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
    };
    expect(changesOf(s, { ...valuesOf(s, defaults), hour: 9, channel: "email" })).toEqual({
      hour: 9,
      filters: { channel: "email" },
    });
  });

  it("shows a filter's message on its own input", () => {
    expect(fieldOf("filters.teamId")).toBe("teamId");
    expect(fieldOf("recipientEmails.2")).toBe("recipientEmails");
  });
});
