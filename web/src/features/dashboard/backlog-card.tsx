import type { MetricsSummary } from "@frontline/common";
import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Chart, type ChartOption, useChartColors } from "../../ui/chart";
import { useFormatters } from "../../ui/use-formatters";
import { axisChart, categoryAxis, valueAxis } from "./chart-options";
import { DashboardCard, Loaded, NoData } from "./dashboard-card";
import type { OpenDrill } from "./drill-request";

// Older is worse: the buckets go from calm to alarming.
const AGE_COLORS = { lt1d: "teal", "1to3d": "yellow", "3to7d": "orange", gt7d: "red" } as const;

/** The open tickets now, by how long ago they came in. */
export function BacklogCard({ summary, onDrill }: { summary: UseQueryResult<MetricsSummary>; onDrill: OpenDrill }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { named } = useChartColors();
  const buckets = summary.data?.backlog.byAge;

  const option = useMemo((): ChartOption | null => {
    if (!buckets) return null;
    return axisChart(
      {
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        xAxis: categoryAxis(buckets.map((b) => t(`dashboard.backlogAge.${b.bucket}`))),
        yAxis: valueAxis(f.number, { minInterval: 1 }),
        series: [
          {
            id: "backlog",
            name: t("dashboard.backlogAge.tickets"),
            type: "bar",
            barMaxWidth: 40,
            data: buckets.map((b) => ({ value: b.count, itemStyle: { color: named(AGE_COLORS[b.bucket]) } })),
          },
        ],
      },
      (v) => (v === null ? "—" : f.number(v)),
    );
  }, [buckets, f, t, named]);

  return (
    <DashboardCard title={t("dashboard.backlogAge.title")} testId="backlog-age">
      <Loaded query={summary} skeletonHeight={220}>
        {(s) =>
          s.backlog.open === 0 || !option ? (
            <NoData text={t("dashboard.backlogAge.none")} height={220} />
          ) : (
            <Chart
              option={option}
              height={220}
              label={t("dashboard.backlogAge.title")}
              onItemClick={() => onDrill("backlog", t("dashboard.drill.set.backlog"))}
            />
          )
        }
      </Loaded>
    </DashboardCard>
  );
}
