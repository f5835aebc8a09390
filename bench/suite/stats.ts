/** Timing helpers: exact percentiles over every sample, latency loops and fixed-concurrency throughput. */

/** The value below which a fraction `p` of the samples lie (nearest rank over the sorted samples). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  samples: number;
}

/** p50/p95/p99 in milliseconds of a set of samples. */
export function latencyOf(samples: readonly number[]): Latency {
  return {
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    p99: percentile(samples, 0.99),
    samples: samples.length,
  };
}

// Unmeasured calls before a measurement, on both sides alike: a server that has been running has
// compiled its hot paths (V8 optimises a function after many calls), and the measure is of that
// server, not of its first seconds. A ticket's creation settled only after about a thousand
// (server CPU per ticket 2.9, 2.0 and 1.8 ms over three runs of 1,000 in a row), reads sooner.
// Bounded in time, so a slow workload warms up with a few calls.
const WARMUP = { reads: { calls: 200, ms: 1_500 }, writes: { calls: 1_000, ms: 3_000 } };

/** Calls `fn` up to `calls` times at `concurrency`, stopping early once `ms` have passed. */
async function warmUp(
  fn: (i: number) => Promise<unknown>,
  { calls, ms }: { calls: number; ms: number },
  concurrency = 1,
): Promise<void> {
  let next = 0;
  const until = performance.now() + ms;
  const worker = async () => {
    while (next < calls && (next === 0 || performance.now() < until)) await fn(-1 - next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Runs `fn` one call after another, after up to `warmup` unmeasured calls (see WARMUP), for
 * `runs` calls or until `maxMs` has passed (whichever comes first, at least 5 calls), and returns
 * each call's time in ms.
 */
export async function timeEach(
  fn: (i: number) => Promise<unknown>,
  opts: { runs: number; warmup?: number; maxMs?: number },
): Promise<number[]> {
  await warmUp(fn, opts.warmup === undefined ? WARMUP.reads : { calls: opts.warmup, ms: WARMUP.reads.ms });
  const times: number[] = [];
  const deadline = performance.now() + (opts.maxMs ?? Number.POSITIVE_INFINITY);
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
    if (times.length >= 5 && performance.now() > deadline) break;
  }
  return times;
}

export interface Throughput {
  /** Completed calls per second. */
  rate: number;
  done: number;
  seconds: number;
  latency: Latency;
}

/**
 * After a warm-up at the same concurrency (see WARMUP), keeps `concurrency` calls of `fn` in
 * flight until `total` calls have completed or `maxMs` has passed;
 * the rate counts completed calls over the wall time. Any failure stops the run: a benchmark that
 * counts errors as work would flatter.
 */
export async function throughput(
  fn: (i: number) => Promise<unknown>,
  opts: { concurrency: number; total: number; maxMs: number; warmup?: number },
): Promise<Throughput> {
  await warmUp(
    fn,
    opts.warmup === undefined ? WARMUP.writes : { calls: opts.warmup, ms: WARMUP.writes.ms },
    opts.concurrency,
  );
  let next = 0;
  const times: number[] = [];
  const started = performance.now();
  const deadline = started + opts.maxMs;
  const worker = async () => {
    while (next < opts.total && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      await fn(i);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { rate: times.length / seconds, done: times.length, seconds, latency: latencyOf(times) };
}
