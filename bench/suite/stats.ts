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

/**
 * Runs `fn` one call after another, after `warmup` unmeasured calls, for `runs` calls or until
 * `maxMs` has passed (whichever comes first, at least 5 calls), and returns each call's time in ms.
 */
export async function timeEach(
  fn: (i: number) => Promise<unknown>,
  opts: { runs: number; warmup?: number; maxMs?: number },
): Promise<number[]> {
  for (let i = 0; i < (opts.warmup ?? 3); i++) await fn(-1 - i);
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
 * Keeps `concurrency` calls of `fn` in flight until `total` calls have completed or `maxMs` has passed;
 * the rate counts completed calls over the wall time. Any failure stops the run: a benchmark that
 * counts errors as work would flatter.
 */
export async function throughput(
  fn: (i: number) => Promise<unknown>,
  opts: { concurrency: number; total: number; maxMs: number; warmup?: number },
): Promise<Throughput> {
  for (let i = 0; i < (opts.warmup ?? Math.min(opts.concurrency, 10)); i++) await fn(-1 - i);
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
