import {
  complaintsQuery,
  complaintTrendSchema,
  drillTicketSchema,
  metricsBreakdownQuery,
  metricsBreakdownSchema,
  metricsQuery,
  metricsSeriesQuery,
  metricsSeriesSchema,
  metricsSummarySchema,
  metricsTicketsQuery,
  one,
  pageOf,
} from "@frontline/common";
import { createRoute } from "@hono/zod-openapi";
import { createRouter, ctxOf } from "../../platform/http";
import { authSecurity, okResponses } from "../../platform/openapi";
import { metricsBreakdown } from "./breakdown.service";
import { complaintTrend } from "./complaints.service";
import { metricTickets } from "./drill.service";
import { metricsSeries } from "./series.service";
import { metricsSummary } from "./summary.service";

// Everyone on staff reads metrics; what they see is narrowed to their role's scope (scope.ts):
// agents their own work, supervisors their teams, managers and admins everything.

const m = { security: authSecurity, tags: ["Metrics"] };
const scoped = " Agents see their own work, supervisors their teams, managers and admins everything.";

const routes = {
  summary: createRoute({
    ...m,
    method: "get",
    path: "/metrics/summary",
    summary: `Every figure of a period (docs/metrics.md), the previous period's, and the backlog now; durations in seconds.${scoped}`,
    request: { query: metricsQuery },
    responses: okResponses(one(metricsSummarySchema), "The figures"),
  }),
  series: createRoute({
    ...m,
    method: "get",
    path: "/metrics/series",
    summary: `The main figures per hour, day, week or month of the viewer's time zone.${scoped}`,
    request: { query: metricsSeriesQuery },
    responses: okResponses(one(metricsSeriesSchema), "The trend"),
  }),
  breakdown: createRoute({
    ...m,
    method: "get",
    path: "/metrics/breakdown",
    summary: `The main figures per team, agent (with occupancy), channel, priority, tag, language or company.${scoped}`,
    request: { query: metricsBreakdownQuery },
    responses: okResponses(one(metricsBreakdownSchema), "The breakdown"),
  }),
  complaints: createRoute({
    ...m,
    method: "get",
    path: "/metrics/complaints",
    summary: `Tickets per tag over time against the period before, the fastest-rising tags flagged.${scoped}`,
    request: { query: complaintsQuery },
    responses: okResponses(one(complaintTrendSchema), "The trend by tag"),
  }),
  tickets: createRoute({
    ...m,
    method: "get",
    path: "/metrics/tickets",
    summary: `The tickets behind a figure (drill-down), latest first.${scoped}`,
    request: { query: metricsTicketsQuery },
    responses: okResponses(pageOf(drillTicketSchema), "The tickets"),
  }),
};

export const metricsRoutes = createRouter();
metricsRoutes
  .openapi(routes.summary, async (c) => c.json({ data: await metricsSummary(ctxOf(c), c.req.valid("query")) }, 200))
  .openapi(routes.series, async (c) => c.json({ data: await metricsSeries(ctxOf(c), c.req.valid("query")) }, 200))
  .openapi(routes.breakdown, async (c) => c.json({ data: await metricsBreakdown(ctxOf(c), c.req.valid("query")) }, 200))
  .openapi(routes.complaints, async (c) => c.json({ data: await complaintTrend(ctxOf(c), c.req.valid("query")) }, 200))
  .openapi(routes.tickets, async (c) => c.json(await metricTickets(ctxOf(c), c.req.valid("query")), 200));
