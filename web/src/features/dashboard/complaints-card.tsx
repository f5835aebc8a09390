import type { ComplaintTrend, MetricInterval } from "@frontline/common";
import { Badge, Box, Grid, Group, ScrollArea, Stack, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { IconTrendingUp } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Query } from "../../api/client";
import { metricsComplaints } from "../../api/metrics";
import { queryKeys } from "../../api/query-keys";
import { Chart, type ChartOption, useChartColors } from "../../ui/chart";
import { useFormatters } from "../../ui/use-formatters";
import { bucketLabel } from "./bucket-label";
import { axisChart, categoryAxis, valueAxis } from "./chart-options";
import { DashboardCard, Loaded, NoData } from "./dashboard-card";
import type { OpenDrill } from "./drill-request";
import { ExportMenu } from "./export-menu";
import { bucketPeriod } from "./interval";
import type { Period } from "./period";
import { REFRESH_MS } from "./refresh";

interface ComplaintsCardProps {
  filter: Query;
  period: Period;
  interval: MetricInterval;
  onDrill: OpenDrill;
}

/** What customers write in about: tickets per tag over the period, and which tags are rising. */
export function ComplaintsCard({ filter, period, interval, onDrill }: ComplaintsCardProps) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const { series: colors } = useChartColors();
  const query = { ...filter, interval };
  const trend = useQuery({
    queryKey: queryKeys.metrics.of("complaints", query),
    queryFn: ({ signal }) => metricsComplaints(filter, interval, signal),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  const data = trend.data;
  const colorOf = useCallback((i: number) => colors[i % colors.length]!, [colors]);
  const labels = useMemo(() => {
    if (!data) return [];
    const spansDays = Date.parse(data.to) - Date.parse(data.from) > 86_400_000;
    return data.buckets.map((at) => bucketLabel(at, data.interval, i18n.language, f.timeZone, spansDays));
  }, [data, i18n.language, f.timeZone]);

  const option = useMemo((): ChartOption | null => {
    if (!data) return null;
    return axisChart(
      {
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        xAxis: categoryAxis(labels),
        yAxis: valueAxis(f.number, { minInterval: 1 }),
        series: data.tags.map((tag, i) => ({
          id: tag.tag,
          name: tag.tag,
          type: "bar",
          stack: "tags",
          barMaxWidth: 32,
          itemStyle: { color: colorOf(i) },
          data: tag.counts,
        })),
      },
      (v) => (v === null ? "—" : f.number(v)),
    );
  }, [data, labels, f, colorOf]);

  const drillTag = (tag: string, narrow: Query = {}, range?: string) =>
    onDrill(
      "created",
      range
        ? t("dashboard.drill.bucket", { figure: t("dashboard.drill.tagged", { tag }), range })
        : t("dashboard.drill.tagged", { tag }),
      { tag, ...narrow },
    );

  return (
    <DashboardCard
      title={t("dashboard.complaints.title")}
      testId="complaints"
      actions={<ExportMenu dataset="complaints" query={query} what={t("dashboard.complaints.title")} />}
    >
      <Loaded query={trend} skeletonHeight={260}>
        {(c: ComplaintTrend) =>
          c.tags.length === 0 || !option ? (
            <NoData text={t("dashboard.complaints.none")} height={200} />
          ) : (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 8 }}>
                <Chart
                  option={option}
                  height={280}
                  label={t("dashboard.complaints.title")}
                  testId="complaints-chart"
                  onItemClick={(event) => {
                    const bucket = bucketPeriod(c.buckets, event.dataIndex, period);
                    if (bucket && event.seriesName) drillTag(event.seriesName, { ...bucket }, labels[event.dataIndex]);
                  }}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <ScrollArea.Autosize mah={280} type="auto">
                  <Stack
                    gap={0}
                    component="ul"
                    m={0}
                    p={0}
                    style={{ listStyle: "none" }}
                    aria-label={t("dashboard.complaints.tags")}
                  >
                    {c.tags.map((tag, i) => (
                      <li key={tag.tag}>
                        <UnstyledButton
                          onClick={() => drillTag(tag.tag)}
                          w="100%"
                          px={4}
                          py={3}
                          data-testid="complaint-tag"
                        >
                          <Group gap="xs" wrap="nowrap">
                            <Box
                              w={10}
                              h={10}
                              style={{ borderRadius: 2, background: colorOf(i), flexShrink: 0 }}
                              aria-hidden
                            />
                            <Text size="sm" truncate style={{ flex: 1 }}>
                              {tag.tag}
                            </Text>
                            {tag.rising && (
                              <Badge
                                size="xs"
                                color="red"
                                variant="light"
                                leftSection={<IconTrendingUp size={10} aria-hidden />}
                                style={{ flexShrink: 0 }}
                              >
                                {t("dashboard.complaints.rising")}
                              </Badge>
                            )}
                            <Tooltip
                              label={
                                tag.growth === null
                                  ? t("dashboard.complaints.newTag")
                                  : t("dashboard.complaints.growth", { growth: f.percent(tag.growth, 0) })
                              }
                              withArrow
                            >
                              <Text size="sm" fw={600} miw={24} ta="end">
                                {f.number(tag.total)}
                              </Text>
                            </Tooltip>
                          </Group>
                        </UnstyledButton>
                      </li>
                    ))}
                  </Stack>
                </ScrollArea.Autosize>
              </Grid.Col>
            </Grid>
          )
        }
      </Loaded>
    </DashboardCard>
  );
}
