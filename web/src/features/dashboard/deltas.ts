/** Which way a figure should move: more solved tickets is good, a longer first reply is bad. */
export type Better = "up" | "down" | "neither";

/** How a figure compares with the previous period, and whether that is good news. */
export interface Delta {
  direction: "up" | "down" | "same";
  tone: "good" | "bad" | "neutral";
  /**
   * The change to show: relative (0.25 = a quarter more) for counts and durations, absolute for
   * rates and scores (a rate going from 80 % to 90 % is 10 points, not 12.5 %). Null when the
   * relative change has no base (from zero).
   */
  change: number | null;
}

/** Rates (0–1) and scores compare by difference; counts and durations by ratio. */
export type ChangeKind = "relative" | "absolute";

/** The comparison of `current` with `previous`, or null when either was not measured. */
export function deltaOf(
  current: number | null,
  previous: number | null,
  better: Better,
  kind: ChangeKind,
): Delta | null {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) return null;
  // Rounding noise (a rate of 0.8000000001) must not turn a steady figure red or green.
  const difference = Math.abs(current - previous) < 1e-9 ? 0 : current - previous;
  const direction = difference > 0 ? "up" : difference < 0 ? "down" : "same";
  let tone: Delta["tone"] = "neutral";
  if (direction !== "same" && better !== "neither") tone = direction === better ? "good" : "bad";
  const change = kind === "absolute" ? difference : previous === 0 ? null : difference / previous;
  return { direction, tone, change };
}

/** Mantine colours of each tone. */
export const TONE_COLORS: Record<Delta["tone"], string> = { good: "teal", bad: "red", neutral: "gray" };
