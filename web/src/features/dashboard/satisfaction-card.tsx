import type { MetricsSummary } from "@frontline/common";
import { SimpleGrid, Stack, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Chart, type ChartOption, useChartColors } from "../../ui/chart";
import { useFormatters } from "../../ui/use-formatters";
import { axisChart, categoryAxis, valueAxis } from "./chart-options";
import { DashboardCard, Loaded, NoData } from "./dashboard-card";
import type { OpenDrill } from "./drill-request";

// Ratings of 1–3 are the complement of CSAT (docs/metrics.md): red to yellow, 4–5 green.
const RATING_COLORS = ["red", "orange", "yellow", "lime", "teal"];

/** How customers rated the period: the CSAT ratings 1 to 5, and the NPS answers by group. */
export function SatisfactionCard({
  summary,
  onDrill,
}: {
  summary: UseQueryResult<MetricsSummary>;
  onDrill: OpenDrill;
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { named } = useChartColors();
  const s = summary.data;

  const csat = useMemo((): ChartOption | null => {
    if (!s) return null;
    return axisChart(
      {
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        xAxis: categoryAxis([1, 2, 3, 4, 5].map((n) => f.number(n))),
        yAxis: valueAxis(f.number, { minInterval: 1 }),
        series: [
          {
            id: "ratings",
            name: t("dashboard.satisfaction.ratings"),
            type: "bar",
            barMaxWidth: 32,
            data: s.csat.distribution.map((n, i) => ({ value: n, itemStyle: { color: named(RATING_COLORS[i]!) } })),
          },
        ],
      },
      (v) => (v === null ? "—" : f.number(v)),
    );
  }, [s, f, t, named]);

  const nps = useMemo((): ChartOption | null => {
    if (!s) return null;
    const parts = [
      { key: "promoters", value: s.nps.promoters, color: "teal" },
      { key: "passives", value: s.nps.passives, color: "gray" },
      { key: "detractors", value: s.nps.detractors, color: "red" },
    ] as const;
    const names = parts.map((p) => t(`dashboard.satisfaction.${p.key}`));
    return {
      tooltip: { trigger: "item", valueFormatter: (v) => (typeof v === "number" ? f.number(v) : "—") },
      legend: { bottom: 0, left: "center", data: names },
      series: [
        {
          type: "pie",
          radius: ["45%", "70%"],
          center: ["50%", "42%"],
          label: { show: false },
          data: parts.map((p, i) => ({ name: names[i]!, value: p.value, itemStyle: { color: named(p.color) } })),
        },
      ],
    };
  }, [s, f, t, named]);

  return (
    <DashboardCard title={t("dashboard.satisfaction.title")} testId="satisfaction">
      <Loaded query={summary} skeletonHeight={220}>
        {(data) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t("dashboard.satisfaction.csatRatings")}
              </Text>
              {data.csat.responses === 0 || !csat ? (
                <NoData height={200} />
              ) : (
                <Chart
                  option={csat}
                  height={200}
                  label={t("dashboard.satisfaction.csatRatings")}
                  testId="csat-chart"
                  onItemClick={(event) => {
                    // The API lists rated tickets and the bad ones (1–3), not one rating alone.
                    const bad = event.dataIndex < 3;
                    onDrill(bad ? "badRatings" : "rated", t(`dashboard.drill.set.${bad ? "badRatings" : "rated"}`));
                  }}
                />
              )}
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t("dashboard.satisfaction.npsAnswers")}
              </Text>
              {data.nps.responses === 0 || !nps ? (
                <NoData height={200} />
              ) : (
                <Chart option={nps} height={200} label={t("dashboard.satisfaction.npsAnswers")} testId="nps-chart" />
              )}
            </Stack>
          </SimpleGrid>
        )}
      </Loaded>
    </DashboardCard>
  );
}
