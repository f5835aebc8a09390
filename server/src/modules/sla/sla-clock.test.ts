import type { BusinessCalendarSpec } from "@frontline/common";
import { describe, expect, it } from "vitest";
import { dueFrom, minutesOn, policyCovers } from "./sla-clock";

const bucharest: BusinessCalendarSpec = {
  timeZone: "Europe/Bucharest",
  hours: (["mon", "tue", "wed", "thu", "fri"] as const).map((day) => ({ day, open: "09:00", close: "17:00" })),
  closedDates: ["2026-12-01"],
};

describe("SLA clocks", () => {
  it("count business minutes in the calendar, across a closed day and a weekend", () => {
    const clock = { businessTime: true, spec: bucharest };
    // Monday 30 Nov 2026, 16:00 in Bucharest (14:00Z); Tuesday is the national day.
    const from = new Date("2026-11-30T14:00:00Z");
    expect(dueFrom(clock, from, 120)?.toISOString()).toBe("2026-12-02T08:00:00.000Z");
    expect(minutesOn(clock, from, new Date("2026-12-02T08:00:00Z"))).toBe(120);
  });

  it("count around the clock when the target says so, or when there is no calendar", () => {
    const from = new Date("2026-11-30T14:00:00Z");
    expect(dueFrom({ businessTime: false, spec: bucharest }, from, 90)?.toISOString()).toBe("2026-11-30T15:30:00.000Z");
    expect(dueFrom({ businessTime: true, spec: undefined }, from, 90)?.toISOString()).toBe("2026-11-30T15:30:00.000Z");
    expect(minutesOn({ businessTime: false, spec: undefined }, from, new Date("2026-11-30T13:00:00Z"))).toBe(-60);
  });
});

describe("SLA policies cover a ticket", () => {
  const ticket = { priority: "urgent", channel: "email", tags: ["vip"], teamId: "t1", companyId: null };
  it("when every list given matches", () => {
    expect(policyCovers({}, ticket)).toBe(true);
    expect(policyCovers({ priority: ["high", "urgent"], tags: ["vip", "gold"] }, ticket)).toBe(true);
    expect(policyCovers({ priority: ["urgent"], channel: ["phone"] }, ticket)).toBe(false);
    expect(policyCovers({ companyId: ["c1"] }, ticket)).toBe(false);
    expect(policyCovers({ teamId: [] }, ticket)).toBe(true);
  });
});
