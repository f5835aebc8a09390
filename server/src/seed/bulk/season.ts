import type { Rng } from "./random";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** The history spans two years up to now. */
export const SPAN_HOURS = 2 * 365 * 24;

// Relative arrivals by local hour of the day, day of the week (Sunday first) and month.
const BY_HOUR = [
  0.15, 0.1, 0.08, 0.07, 0.08, 0.15, 0.35, 0.7, 1.2, 1.6, 1.7, 1.6, 1.3, 1.45, 1.6, 1.5, 1.35, 1.1, 0.85, 0.7, 0.6, 0.5,
  0.35, 0.22,
];
const BY_WEEKDAY = [0.42, 1.2, 1.1, 1.05, 1.0, 0.9, 0.5];
const BY_MONTH = [1.1, 0.95, 1, 1, 1, 0.9, 0.85, 0.85, 1, 1.05, 1.2, 1.35];

export type SpikeKind = "recall" | "campaign";

export interface Spike {
  kind: SpikeKind;
  /** First hour of the spike, from the start of the history. */
  startHour: number;
  /** How many times the usual volume on its first day; it fades over the following days. */
  height: number;
}

/**
 * When an organisation's tickets arrive: each hour's expected share, from the time of day and week
 * in its time zone, the season, slow growth, and a few campaign or recall spikes.
 */
export class Arrivals {
  readonly weights = new Float64Array(SPAN_HOURS);
  /** The share of each hour's tickets caused by a spike, and which spike. */
  readonly spikeShare = new Float32Array(SPAN_HOURS);
  readonly spikeOf = new Int8Array(SPAN_HOURS).fill(-1);
  readonly total: number;

  constructor(
    readonly startMs: number,
    offsetHours: number,
    readonly spikes: Spike[],
  ) {
    let sum = 0;
    for (let h = 0; h < SPAN_HOURS; h++) {
      const local = new Date(startMs + (h + offsetHours) * HOUR);
      const base =
        BY_HOUR[local.getUTCHours()]! *
        BY_WEEKDAY[local.getUTCDay()]! *
        BY_MONTH[local.getUTCMonth()]! *
        (0.6 + (0.5 * h) / SPAN_HOURS);
      let extra = 0;
      spikes.forEach((s, i) => {
        const days = (h - s.startHour) / 24;
        if (days < 0 || days > 10) return;
        const e = base * s.height * Math.exp(-days / 1.5);
        if (e > extra) {
          extra = e;
          this.spikeOf[h] = i;
        }
      });
      this.weights[h] = base + extra;
      this.spikeShare[h] = extra / (base + extra);
      sum += base + extra;
    }
    this.total = sum;
  }

  /** Three spikes for an organisation, none in the last week. */
  static spikesFor(rng: Rng): Spike[] {
    return [0, 1, 2].map((i) => ({
      kind: i === 1 ? "recall" : "campaign",
      startHour: 24 * (14 + rng.int(2 * 365 - 30)) + 8,
      height: 2 + rng.next() * 3,
    }));
  }

  /**
   * How many of `tickets` arrive in each hour: the expected counts rounded so that they add up
   * exactly (the running total is rounded, not each hour), with no randomness at all.
   */
  *hours(tickets: number): Generator<{ hour: number; count: number }> {
    let cumulative = 0;
    let given = 0;
    for (let h = 0; h < SPAN_HOURS; h++) {
      cumulative += this.weights[h]!;
      const upTo = h === SPAN_HOURS - 1 ? tickets : Math.floor((tickets * cumulative) / this.total);
      if (upTo > given) yield { hour: h, count: upTo - given };
      given = Math.max(given, upTo);
    }
  }
}
