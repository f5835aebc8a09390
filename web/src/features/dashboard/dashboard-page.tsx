import { type BreakdownRow, type MetricDimension, roleAtLeast } from "@frontline/common";
import { EmptyState, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconChartBar } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { metricsSummary } from "../../api/metrics";
import { queryKeys } from "../../api/query-keys";
import { Page } from "../../ui/page";
import { useFormatters } from "../../ui/use-formatters";
import { useMe } from "../auth/use-me";
import { BacklogCard } from "./backlog-card";
import { BreakdownCard } from "./breakdown-card";
import { ComplaintsCard } from "./complaints-card";
import { type DashboardSearch, metricsFilter, presetOf } from "./dashboard-search";
import { DrillDrawer } from "./drill-drawer";
import type { DrillRequest, OpenDrill } from "./drill-request";
import { FilterBar } from "./filter-bar";
import { allowedIntervals, defaultInterval, intervalFor } from "./interval";
import { KpiSection } from "./kpi-section";
import { periodOf } from "./period";
import { REFRESH_MS } from "./refresh";
import { SatisfactionCard } from "./satisfaction-card";
import { SlaCard } from "./sla-card";
import { TrendCard } from "./trend-card";

const route = getRouteApi("/signed-in/dashboard");

/** The dimensions the breakdown table switches between; teams have a table of their own for managers. */
const OTHER_DIMENSIONS: MetricDimension[] = ["channel", "priority", "tag", "language", "company"];

/** Which filter a breakdown row narrows the dashboard by. */
const FILTER_OF: Record<MetricDimension, keyof DashboardSearch> = {
  agent: "agentId",
  team: "teamId",
  channel: "channel",
  priority: "priority",
  tag: "tag",
  language: "language",
  company: "companyId",
};

/**
 * The supervisor's dashboards: the period's figures against the previous period, trends, SLA,
 * satisfaction, complaints and the per-agent and per-team tables. One page for every role: the
 * server narrows it to the viewer's scope, so an agent sees their own work ("My performance"),
 * a supervisor their teams', a manager everyone's.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const f = useFormatters();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const isAgent = !roleAtLeast(me.role, "supervisor");
  const isManager = roleAtLeast(me.role, "manager");

  const preset = presetOf(search);
  const custom = search.from && search.to ? { from: search.from, to: search.to } : undefined;
  const period = periodOf(preset, f.timeZone, Date.now(), custom) ?? periodOf("7d", f.timeZone, Date.now())!;
  const filter = metricsFilter(search, period);
  const interval = intervalFor(period, search.interval);

  const update = (patch: Partial<DashboardSearch>) =>
    void navigate({
      search: (prev) =>
        Object.fromEntries(Object.entries({ ...prev, ...patch }).filter(([, v]) => v !== undefined)) as DashboardSearch,
      replace: true,
    });
  const openDrill: OpenDrill = (set, title, narrow = {}) => setDrill({ set, title, query: { ...filter, ...narrow } });
  const choose = (by: MetricDimension, row: BreakdownRow) => row.key !== null && update({ [FILTER_OF[by]]: row.key });

  const summary = useQuery({
    queryKey: queryKeys.metrics.of("summary", filter),
    queryFn: ({ signal }) => metricsSummary(filter, signal),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  const s = summary.data;
  const quiet =
    s !== undefined &&
    s.ticketsCreated === 0 &&
    s.ticketsSolved === 0 &&
    s.firstReplyTime.count + s.nextReplyTime.count === 0 &&
    s.backlog.open === 0;

  return (
    <Page title={isAgent ? t("dashboard.myTitle") : t("dashboard.title")}>
      <FilterBar me={me} search={search} onChange={update} />
      <Text size="sm" c="dimmed" data-testid="period-caption">
        {t("dashboard.period.caption", {
          range: f.dateRange(period.from, period.to),
          previous: s ? f.dateRange(s.previous.from, s.previous.to) : "…",
        })}
      </Text>
      {quiet && (
        <Paper withBorder radius="md" p="lg" data-testid="dashboard-empty">
          <EmptyState
            icon={<IconChartBar size={28} />}
            withIndicatorBackground
            title={t("dashboard.empty")}
            description={t("dashboard.emptyHint")}
          />
        </Paper>
      )}
      <KpiSection summary={summary} onDrill={openDrill} />
      <TrendCard
        filter={filter}
        period={period}
        interval={interval}
        view={search.trend ?? "volume"}
        onChange={update}
        onDrill={openDrill}
      />
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        <SatisfactionCard summary={summary} onDrill={openDrill} />
        <SlaCard summary={summary} onDrill={openDrill} />
        <BacklogCard summary={summary} onDrill={openDrill} />
      </SimpleGrid>
      <ComplaintsCard
        filter={filter}
        period={period}
        // The complaint trend has no limit of its own on points: never ask it for more than the trend may show.
        interval={allowedIntervals(period).includes(interval) ? interval : defaultInterval(period)}
        onDrill={openDrill}
      />
      <Stack gap="md">
        {!isAgent && (
          <BreakdownCard
            title={t("dashboard.table.agents")}
            by="agent"
            filter={filter}
            onChoose={choose}
            testId="agents"
          />
        )}
        {isManager && (
          <BreakdownCard
            title={t("dashboard.table.teams")}
            by="team"
            filter={filter}
            onChoose={choose}
            testId="teams"
          />
        )}
        <BreakdownCard
          title={t("dashboard.table.breakdown")}
          by={search.by && OTHER_DIMENSIONS.includes(search.by) ? search.by : "channel"}
          dimensions={OTHER_DIMENSIONS}
          onDimension={(by) => update({ by })}
          filter={filter}
          onChoose={choose}
          testId="breakdown"
        />
      </Stack>
      <DrillDrawer request={drill} onClose={() => setDrill(null)} />
    </Page>
  );
}
