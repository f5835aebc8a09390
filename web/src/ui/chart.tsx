import { Box, useComputedColorScheme, useDirection, useMantineTheme } from "@mantine/core";
import { useEffect, useRef } from "react";
import { mirrorForDirection } from "./chart-direction";
import { type ChartOption, type ECElementEvent, type EChartsType, init } from "./echarts";

export type { ChartOption, ECElementEvent };

interface ChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers (the figures themselves are in the cards and tables). */
  label: string;
  height?: number;
  /** A click on a bar, point or slice. */
  onItemClick?: (event: ECElementEvent) => void;
  testId?: string;
}

/** Series colours from the Mantine palette, so charts match the badges and cards beside them. */
const PALETTE = ["blue", "teal", "orange", "grape", "red", "cyan", "yellow", "indigo", "lime", "pink"] as const;

/**
 * The colours charts draw series in, for the colour scheme in force; a legend drawn outside the
 * chart (a list beside it) uses the same ones. `named` gives one Mantine colour's shade.
 */
export function useChartColors() {
  const scheme = useComputedColorScheme("light");
  const theme = useMantineTheme();
  const shade = scheme === "dark" ? 4 : 6;
  const named = (name: string) => theme.colors[name]?.[shade] ?? name;
  return { series: PALETTE.map(named), named, scheme };
}

/**
 * An ECharts chart in a box that fills its container's width: created when mounted, resized with
 * its box, thrown away when unmounted; drawn in the Mantine colour scheme, and mirrored on a
 * right-to-left page.
 */
export function Chart({ option, label, height = 260, onItemClick, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const onClick = useRef(onItemClick);
  onClick.current = onItemClick;
  const { series, scheme } = useChartColors();
  const { dir } = useDirection();
  const theme = useMantineTheme();

  // A new colour scheme needs a new instance: ECharts applies a theme only when it is created.
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, scheme === "dark" ? "dark" : undefined, { renderer: "svg" });
    instance.on("click", (event) => onClick.current?.(event as ECElementEvent));
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [scheme]);

  useEffect(() => {
    const base: ChartOption = {
      backgroundColor: "transparent",
      color: series,
      textStyle: {
        fontFamily: theme.fontFamily ?? "sans-serif",
        color: scheme === "dark" ? theme.colors.dark[0] : theme.colors.gray[7],
      },
      animationDuration: 300,
    };
    chart.current?.setOption(mirrorForDirection({ ...base, ...option }, dir), { notMerge: true });
  }, [option, dir, scheme, theme, series]);

  // The chart itself is laid out left to right even on a right-to-left page: SVG reads `text-anchor`
  // against the inherited direction, which would push every ECharts label off its place. Mirroring
  // is done in the option instead (mirrorForDirection), and Arabic words still shape right to left.
  return <Box ref={box} dir="ltr" h={height} w="100%" role="img" aria-label={label} data-testid={testId} />;
}
