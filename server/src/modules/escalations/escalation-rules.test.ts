import { describe, expect, it } from "vitest";
import { nextLevel, roleForLevel, ticketLevel } from "./escalation-rules";

describe("escalation levels", () => {
  it("gives a first escalation level 1 and raises an escalated ticket one level, up to 3", () => {
    expect(nextLevel([])).toBe(1);
    expect(nextLevel([1])).toBe(2);
    expect(nextLevel([1, 2])).toBe(3);
    expect(nextLevel([2, 1])).toBe(3);
    expect(nextLevel([1, 2, 3])).toBeNull();
  });

  it("keeps a ticket at its highest open escalation, 0 without one", () => {
    expect(ticketLevel([])).toBe(0);
    expect(ticketLevel([1])).toBe(1);
    expect(ticketLevel([1, 3, 2])).toBe(3);
  });

  it("hands level 1 to supervisors, 2 to managers and 3 to admins", () => {
    expect([1, 2, 3].map(roleForLevel)).toEqual(["supervisor", "manager", "admin"]);
  });
});
