import type {
  Locale,
  MetricsBreakdown,
  MetricsQuery,
  MetricsSeries,
  MetricsSummary,
  ReportDashboard,
  ReportFilters,
  ReportPeriod,
} from "@frontline/common";
import type { Ctx } from "../../platform/context";
import { metricsBreakdown, metricsSeries, metricsSummary } from "../metrics";

/** Everything a scheduled report shows, computed once for its PDF, its CSV and its mail. */
export interface ReportData {
  orgName: string;
  name: string;
  locale: Locale;
  timeZone: string;
  period: ReportPeriod;
  from: Date;
  to: Date;
  dashboard: ReportDashboard;
  /** The filters as words ("Team: Billing", "Channel: email"), already in the report's language. */
  filterLabels: string[];
  summary: MetricsSummary;
  series: MetricsSeries;
  breakdown: MetricsBreakdown;
  generatedAt: Date;
}

export interface ReportRequest {
  dashboard: ReportDashboard;
  filters: ReportFilters;
  period: ReportPeriod;
  from: Date;
  to: Date;
  timeZone: string;
}

/**
 * The metrics of a report, asked as `ctx` (the schedule's creator) would ask them, so their scope
 * applies: the summary with the period before, the trend (hourly for one day, else daily) and the
 * table per team (overview) or per agent (team and agents).
 */
export async function reportMetrics(ctx: Ctx, r: ReportRequest) {
  const q: MetricsQuery = { ...r.filters, from: r.from.toISOString(), to: r.to.toISOString() };
  const summary = await metricsSummary(ctx, q);
  const series = await metricsSeries(ctx, {
    ...q,
    interval: r.period === "yesterday" ? "hour" : "day",
    timeZone: r.timeZone,
  });
  const breakdown = await metricsBreakdown(ctx, { ...q, by: r.dashboard === "overview" ? "team" : "agent" });
  return { summary, series, breakdown };
}
