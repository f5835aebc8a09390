import type { MetricsSummary } from "@frontline/common";
import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Chart, type ChartOption } from "../../ui/chart";
import { useFormatters } from "../../ui/use-formatters";
import { axisChart, categoryAxis, valueAxis } from "./chart-options";
import { DashboardCard, Loaded, NoData } from "./dashboard-card";
import type { OpenDrill } from "./drill-request";

/** The share of SLA promises kept per target (first reply, next reply, periodic update, resolution). */
export function SlaCard({ summary, onDrill }: { summary: UseQueryResult<MetricsSummary>; onDrill: OpenDrill }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const targets = summary.data?.slaAttainment.byTarget;

  const option = useMemo((): ChartOption | null => {
    if (!targets) return null;
    return axisChart(
      {
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        xAxis: categoryAxis(targets.map((x) => t(`sla.target.${x.target}`))),
        yAxis: valueAxis((v) => f.percent(v, 0), { min: 0, max: 1 }),
        tooltip: {
          trigger: "axis",
          axisPointer: { type: "shadow" },
          formatter: (params) => {
            const first = Array.isArray(params) ? params[0] : params;
            const x = first ? targets[first.dataIndex] : undefined;
            if (!x) return "";
            return `${t(`sla.target.${x.target}`)}: ${f.percent(x.attainment)}<br/>${t("dashboard.detail.met")} ${f.number(x.met)} · ${t("dashboard.detail.missed")} ${f.number(x.breached)}`;
          },
        },
        series: [
          {
            id: "attainment",
            name: t("dashboard.kpi.sla"),
            type: "bar",
            barMaxWidth: 40,
            data: targets.map((x) => x.attainment),
          },
        ],
      },
      (v) => f.percent(v),
    );
  }, [targets, f, t]);

  return (
    <DashboardCard title={t("dashboard.slaTargets.title")} testId="sla-targets">
      <Loaded query={summary} skeletonHeight={220}>
        {(s) =>
          s.slaAttainment.byTarget.length === 0 || !option ? (
            <NoData text={t("dashboard.slaTargets.none")} height={220} />
          ) : (
            <Chart
              option={option}
              height={220}
              label={t("dashboard.slaTargets.title")}
              onItemClick={() => onDrill("slaBreached", t("dashboard.drill.set.slaBreached"))}
            />
          )
        }
      </Loaded>
    </DashboardCard>
  );
}
