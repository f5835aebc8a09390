import type { ChartOption } from "../../ui/chart";

// The parts every dashboard chart shares: margins that leave room for the labels, a tooltip per
// axis position, and value axes whose labels use the viewer's number, percent or duration format.

/** Margins inside the chart's box; labels are kept within them. */
export const GRID = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true } as const;

/** A legend across the top, with room kept for it by GRID.top. */
export const legendOf = (names: string[]) => ({ top: 0, left: "center", data: names, type: "scroll" as const });

/**
 * A category axis of labels already written in the viewer's language. A few named categories
 * (targets, age buckets) all show, wrapping if need be; a long run of dates thins itself out.
 */
export const categoryAxis = (labels: string[]) => ({
  type: "category" as const,
  data: labels,
  axisTick: { alignWithLabel: true },
  axisLabel: labels.length <= 6 ? { interval: 0, overflow: "break" as const, width: 90 } : { hideOverlap: true },
});

/** A value axis whose labels are written by `write`; whole steps for counts. */
export const valueAxis = (write: (value: number) => string, extra: Record<string, unknown> = {}) => ({
  type: "value" as const,
  axisLabel: { formatter: (value: number) => write(value) },
  ...extra,
});

/** An option with an axis tooltip whose values are written by `write`. */
export function axisChart(option: ChartOption, write: (value: number | null) => string): ChartOption {
  return {
    grid: GRID,
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (value) => write(typeof value === "number" ? value : null),
    },
    ...option,
  };
}
