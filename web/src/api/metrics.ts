import {
  type ComplaintTrend,
  complaintTrendSchema,
  type DrillSet,
  drillTicketSchema,
  type ExportDataset,
  type ExportFormat,
  type MetricDimension,
  type MetricInterval,
  type MetricsBreakdown,
  type MetricsSeries,
  type MetricsSummary,
  metricsBreakdownSchema,
  metricsSeriesSchema,
  metricsSummarySchema,
  one,
  pageOf,
} from "@frontline/common";
import { apiGet, apiUrl, type Query } from "./client";

const summaryResponse = one(metricsSummarySchema);
const seriesResponse = one(metricsSeriesSchema);
const breakdownResponse = one(metricsBreakdownSchema);
const complaintsResponse = one(complaintTrendSchema);
const ticketPage = pageOf(drillTicketSchema);

/** Every figure of the period, the previous period's, and the backlog now (docs/metrics.md). */
export async function metricsSummary(filter: Query, signal?: AbortSignal): Promise<MetricsSummary> {
  return (await apiGet("/metrics/summary", summaryResponse, filter, signal)).data;
}

/** The main figures per hour, day, week or month. */
export async function metricsSeries(
  filter: Query,
  interval: MetricInterval,
  signal?: AbortSignal,
): Promise<MetricsSeries> {
  return (await apiGet("/metrics/series", seriesResponse, { ...filter, interval }, signal)).data;
}

/** The main figures per team, agent, channel, priority, tag, language or company. */
export async function metricsBreakdown(
  filter: Query,
  by: MetricDimension,
  signal?: AbortSignal,
): Promise<MetricsBreakdown> {
  return (await apiGet("/metrics/breakdown", breakdownResponse, { ...filter, by }, signal)).data;
}

/** Tickets per tag over time, the rising tags flagged. */
export async function metricsComplaints(
  filter: Query,
  interval: MetricInterval,
  signal?: AbortSignal,
): Promise<ComplaintTrend> {
  return (await apiGet("/metrics/complaints", complaintsResponse, { ...filter, interval }, signal)).data;
}

/** One page of the tickets behind a figure. */
export function metricsTickets(filter: Query, set: DrillSet, cursor: string | null, signal?: AbortSignal) {
  return apiGet("/metrics/tickets", ticketPage, { ...filter, set, limit: 25, cursor }, signal);
}

/** The address that downloads a dataset with the same query as the table or chart that shows it. */
export function metricsExportUrl(dataset: ExportDataset, format: ExportFormat, query: Query): string {
  return apiUrl("/metrics/export", { dataset, format, ...query });
}
