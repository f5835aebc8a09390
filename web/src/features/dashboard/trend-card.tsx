import type { MetricInterval, MetricsSeries } from "@frontline/common";
import { Alert, SegmentedControl } from "@mantine/core";
import { IconChartLine } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/api-error";
import type { Query } from "../../api/client";
import { metricsSeries } from "../../api/metrics";
import { queryKeys } from "../../api/query-keys";
import { Chart, type ChartOption } from "../../ui/chart";
import { useFormatters } from "../../ui/use-formatters";
import { bucketLabel } from "./bucket-label";
import { axisChart, categoryAxis, legendOf, valueAxis } from "./chart-options";
import { DashboardCard, Loaded, NoData } from "./dashboard-card";
import type { TrendView } from "./dashboard-search";
import type { OpenDrill } from "./drill-request";
import { ExportMenu } from "./export-menu";
import { allowedIntervals, bucketPeriod } from "./interval";
import type { Period } from "./period";
import { REFRESH_MS } from "./refresh";

interface TrendCardProps {
  filter: Query;
  period: Period;
  interval: MetricInterval;
  view: TrendView;
  onChange: (patch: { interval?: MetricInterval; trend?: TrendView }) => void;
  onDrill: OpenDrill;
}

const VOLUME = ["created", "solved", "reopened"] as const;

/** The main figures over time: volume, speed or quality, per hour, day, week or month. */
export function TrendCard({ filter, period, interval, view, onChange, onDrill }: TrendCardProps) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const query = { ...filter, interval };
  const series = useQuery({
    queryKey: queryKeys.metrics.of("series", query),
    queryFn: ({ signal }) => metricsSeries(filter, interval, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.error ? false : REFRESH_MS),
    // A refused interval stays refused: asking again would only repeat the 400.
    retry: (count, error) => !(error instanceof ApiError && error.status === 400) && count < 2,
  });
  const allowed = allowedIntervals(period);
  const data = series.data;
  const labels = useMemo(() => {
    if (!data) return [];
    const spansDays = Date.parse(data.to) - Date.parse(data.from) > 86_400_000;
    return data.points.map((p) => bucketLabel(p.at, data.interval, i18n.language, f.timeZone, spansDays));
  }, [data, i18n.language, f.timeZone]);

  const option = useMemo((): ChartOption | null => {
    if (!data) return null;
    const name = (key: string) => t(`dashboard.trend.${key}` as "dashboard.trend.created");
    if (view === "volume") {
      return axisChart(
        {
          legend: legendOf(VOLUME.map(name)),
          xAxis: categoryAxis(labels),
          yAxis: valueAxis(f.number, { minInterval: 1 }),
          series: VOLUME.map((key) => ({
            id: key,
            name: name(key),
            type: key === "reopened" ? "line" : "bar",
            data: data.points.map((p) => p[key]),
            barMaxWidth: 28,
          })),
        },
        (v) => (v === null ? "—" : f.number(v)),
      );
    }
    const lines =
      view === "speed"
        ? (["firstReply", "resolution"] as const).map((key) => ({
            key,
            values: data.points.map((p) => (key === "firstReply" ? p.firstReplyMedian : p.resolutionMedian)),
          }))
        : (["sla", "csat"] as const).map((key) => ({
            key,
            values: data.points.map((p) => (key === "sla" ? p.slaAttainment : p.csat)),
          }));
    const write = view === "speed" ? (v: number | null) => f.duration(v) : (v: number | null) => f.percent(v);
    return axisChart(
      {
        legend: legendOf(lines.map((l) => name(l.key))),
        xAxis: categoryAxis(labels),
        yAxis: valueAxis((v) => write(v), view === "quality" ? { min: 0, max: 1 } : {}),
        series: lines.map((l) => ({
          id: l.key,
          name: name(l.key),
          type: "line",
          data: l.values,
          showSymbol: true,
          connectNulls: false,
        })),
      },
      write,
    );
  }, [data, labels, view, t, f]);

  const empty = data?.points.every((p) => p.created === 0 && p.solved === 0 && p.reopened === 0) ?? false;

  return (
    <DashboardCard
      title={t("dashboard.trend.title")}
      testId="trend"
      actions={
        <>
          <SegmentedControl
            size="xs"
            aria-label={t("dashboard.trend.view")}
            value={view}
            onChange={(v) => onChange({ trend: v as TrendView })}
            data={(["volume", "speed", "quality"] as const).map((v) => ({
              value: v,
              label: t(`dashboard.trend.${v}`),
            }))}
          />
          <SegmentedControl
            size="xs"
            aria-label={t("dashboard.trend.interval")}
            value={interval}
            onChange={(v) => onChange({ interval: v as MetricInterval })}
            data={(["hour", "day", "week", "month"] as const).map((v) => ({
              value: v,
              label: t(`dashboard.trend.${v}`),
              disabled: !allowed.includes(v) && v !== interval,
            }))}
            data-testid="trend-interval"
          />
          <ExportMenu dataset="series" query={query} what={t("dashboard.trend.title")} />
        </>
      }
    >
      <Loaded
        query={series}
        skeletonHeight={280}
        renderError={(error) =>
          error instanceof ApiError && error.fields.interval ? (
            <Alert
              color="yellow"
              variant="light"
              icon={<IconChartLine size={18} />}
              title={t("dashboard.trend.tooManyPoints")}
              data-testid="too-many-points"
            >
              {t("dashboard.trend.tooManyPointsHint")}
            </Alert>
          ) : null
        }
      >
        {(s: MetricsSeries) =>
          empty && view === "volume" ? (
            <NoData text={t("dashboard.empty")} height={280} />
          ) : (
            option && (
              <Chart
                option={option}
                height={280}
                label={t("dashboard.trend.chartLabel", {
                  view: t(`dashboard.trend.${view}`),
                  interval: t(`dashboard.trend.${interval}`),
                })}
                testId="trend-chart"
                onItemClick={(event) => {
                  if (view !== "volume" || event.componentType !== "series") return;
                  const set = event.seriesId as (typeof VOLUME)[number];
                  const bucket = bucketPeriod(
                    s.points.map((p) => p.at),
                    event.dataIndex,
                    period,
                  );
                  if (!bucket || !VOLUME.includes(set)) return;
                  onDrill(
                    set,
                    t("dashboard.drill.bucket", {
                      figure: t(`dashboard.drill.set.${set}`),
                      range: labels[event.dataIndex] ?? "",
                    }),
                    { ...bucket },
                  );
                }}
              />
            )
          )
        }
      </Loaded>
    </DashboardCard>
  );
}
