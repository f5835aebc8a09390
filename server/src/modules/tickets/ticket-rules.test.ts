import { describe, expect, it } from "vitest";
import { applyTags, assertTransition, statusTimestamps } from "./ticket-rules";

const now = new Date("2026-11-22T10:00:00Z");

describe("ticket rules work", () => {
  it("stamps solved and closed, and clears them on reopening", () => {
    expect(statusTimestamps("open", "solved", now)).toEqual({ solvedAt: now, closedAt: null });
    expect(statusTimestamps("solved", "closed", now)).toEqual({ solvedAt: undefined, closedAt: now });
    expect(statusTimestamps("solved", "open", now)).toEqual({ solvedAt: null, closedAt: null });
    expect(statusTimestamps("open", "open", now)).toEqual({});
  });

  it("adds and removes tags without duplicates", () => {
    expect(applyTags(["vip", "refund"], ["refund", "late"], ["vip"])).toEqual(["refund", "late"]);
  });
});

describe("ticket rules refuse", () => {
  it("an impossible status move with the status field named", () => {
    expect(() => assertTransition("closed", "open")).toThrowError("A closed ticket cannot become open");
    try {
      assertTransition("open", "new");
    } catch (err) {
      expect((err as { fields: unknown }).fields).toEqual({ status: ["Cannot change from open to new"] });
    }
  });
});
