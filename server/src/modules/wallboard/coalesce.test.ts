import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Coalescer } from "./coalesce";

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A coalescer whose task takes `ms` and records when each run started and ended. */
function recorder(ms = 0) {
  const starts: number[] = [];
  const ends: number[] = [];
  const errors: unknown[] = [];
  const c = new Coalescer(
    async () => {
      starts.push(Date.now());
      if (ms) await new Promise((r) => setTimeout(r, ms));
      ends.push(Date.now());
    },
    (err) => errors.push(err),
    { gapMs: 300, settleMs: 50 },
  );
  return { c, starts, ends, errors };
}

describe("Coalescer", () => {
  it("runs once, a moment after a single poke", async () => {
    const { c, starts } = recorder();
    c.poke();
    await vi.advanceTimersByTimeAsync(49);
    expect(starts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toEqual([50]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(starts).toEqual([50]);
  });

  it("folds a burst into one run, and what follows it into one more, 300 ms after the first began", async () => {
    const { c, starts } = recorder();
    for (let i = 0; i < 10; i++) {
      c.poke();
      await vi.advanceTimersByTimeAsync(4);
    }
    await vi.advanceTimersByTimeAsync(20);
    expect(starts).toEqual([50]);
    c.poke();
    c.poke();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(starts).toEqual([50, 350]);
  });

  it("never runs twice at once: a poke during a run is served after it", async () => {
    const { c, starts, ends } = recorder(500);
    c.poke();
    await vi.advanceTimersByTimeAsync(100);
    c.poke();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(starts).toEqual([50, 600]);
    expect(ends).toEqual([550, 1_100]);
  });

  it("starts a run within a second of every poke, however steady the stream of pokes", async () => {
    const { c, starts } = recorder(100);
    const pokes: number[] = [];
    for (let t = 0; t < 3_000; t += 10) {
      c.poke();
      pokes.push(Date.now());
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(2_000);
    for (const p of pokes) {
      const served = starts.find((s) => s >= p);
      expect(served, `poke at ${p}`).toBeDefined();
      expect(served! - p).toBeLessThan(1_000);
    }
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(300);
  });

  it("reports a failed run and carries on; stops for good when stopped", async () => {
    let fail = true;
    const errors: unknown[] = [];
    let runs = 0;
    const c = new Coalescer(
      async () => {
        runs += 1;
        if (fail) throw new Error("database gone");
      },
      (err) => errors.push(err),
    );
    c.poke();
    await vi.advanceTimersByTimeAsync(100);
    expect(errors).toHaveLength(1);
    fail = false;
    c.poke();
    await vi.advanceTimersByTimeAsync(400);
    expect(runs).toBe(2);
    c.poke();
    c.stop();
    c.poke();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
  });
});
