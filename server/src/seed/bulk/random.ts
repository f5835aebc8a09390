import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { v7 } from "uuid";

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * A seeded stream of random choices. Every organisation draws from its own stream (seed and rank),
 * so its rows do not depend on how the work is split into chunks or on the other organisations.
 */
export class Rng {
  private readonly gen: RandomGenerator;
  private readonly bytes = new Uint8Array(16);

  constructor(seed: number, stream = 0) {
    this.gen = xoroshiro128plus((seed * 7919 + stream * 104729) | 0);
  }

  /** A float in [0, 1). */
  next(): number {
    return uniformFloat64(this.gen);
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** A rank in [0, n) where rank r is chosen about as often as 1/(r+1): Zipf's law with s = 1. */
  zipf(n: number): number {
    return Math.min(n - 1, Math.floor(Math.exp(this.next() * Math.log(n + 1))) - 1);
  }

  /** An exponentially distributed value with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** A log-normal value with the given median; `spread` is the sigma of its logarithm. */
  logNormal(median: number, spread: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return median * Math.exp(spread * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }

  /** A time-ordered id (UUID v7) for a row made at `ms`, its random part from this stream. */
  uuidAt(ms: number): string {
    this.fill();
    return v7({ msecs: Math.max(0, Math.floor(ms)), random: this.bytes });
  }

  /** `n` random bytes as hex (a stand-in for a token's hash). */
  hex(n: number): string {
    let out = "";
    for (let i = 0; i < n; i++) out += HEX[this.int(256)];
    return out;
  }

  private fill() {
    for (let i = 0; i < 16; i += 4) {
      const x = this.gen.next();
      this.bytes[i] = x & 255;
      this.bytes[i + 1] = (x >>> 8) & 255;
      this.bytes[i + 2] = (x >>> 16) & 255;
      this.bytes[i + 3] = (x >>> 24) & 255;
    }
  }
}

/** Picks from weighted options; the weights need not add up to 1. */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(private readonly options: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [, w] of options) {
      sum += w;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let i = 0;
    while (this.cumulative[i]! <= x) i++;
    return this.options[i]![0];
  }
}
