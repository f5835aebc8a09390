import { describe, expect, it } from "vitest";
import { deltaOf } from "./deltas";

describe("deltaOf", () => {
  it("knows whether up is good news for the figure", () => {
    expect(deltaOf(12, 10, "up", "relative")).toEqual({ direction: "up", tone: "good", change: 0.2 });
    expect(deltaOf(600, 400, "down", "relative")).toEqual({ direction: "up", tone: "bad", change: 0.5 });
    expect(deltaOf(300, 400, "down", "relative")).toEqual({ direction: "down", tone: "good", change: -0.25 });
    expect(deltaOf(5, 3, "neither", "relative")?.tone).toBe("neutral");
  });

  it("compares rates by their difference, and steady figures as the same", () => {
    const d = deltaOf(0.9, 0.8, "up", "absolute");
    expect(d?.direction).toBe("up");
    expect(d?.change).toBeCloseTo(0.1);
    expect(deltaOf(0.8, 0.8000000000001, "up", "absolute")).toEqual({ direction: "same", tone: "neutral", change: 0 });
  });

  it("has no relative change from zero, and nothing to say without both figures", () => {
    expect(deltaOf(4, 0, "up", "relative")).toEqual({ direction: "up", tone: "good", change: null });
    expect(deltaOf(null, 3, "up", "relative")).toBeNull();
    expect(deltaOf(0.5, null, "up", "absolute")).toBeNull();
  });
});
