import { EXPORT_MAX_TICKETS, metricsExportQuery } from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter, ctxOf } from "../../platform/http";
import { authSecurity, problemResponses } from "../../platform/openapi";
import { XLSX_TYPE } from "../../platform/spreadsheet";
import { downloadHeaders } from "../tickets";
import { exportMetrics } from "./export.service";

const file = { schema: z.string().openapi({ format: "binary" }) };

const exportRoute = createRoute({
  security: authSecurity,
  tags: ["Metrics"],
  method: "get",
  path: "/metrics/export",
  summary:
    "A metrics table as a CSV (UTF-8 with BOM) or XLSX file: `dataset` and `format`, then the query of " +
    "GET /metrics/breakdown (`by`), /series (`interval`, `timeZone`), /tickets (`set`; every page, at most " +
    `${EXPORT_MAX_TICKETS} rows, X-Export-Truncated: true when cut) or /complaints. Headers are in the reader's ` +
    "language and name their units: durations in seconds, rates in percent, dates in the reader's zone. Text " +
    "that a spreadsheet would run as a formula is escaped. Agents export their own work, supervisors their teams', " +
    "managers and admins everything.",
  request: { query: metricsExportQuery },
  responses: {
    ...problemResponses,
    200: { description: "The file", content: { "text/csv": file, [XLSX_TYPE]: file } },
  },
});

/** Thin: validate, one service call, the file as a download. */
export const exportRoutes = createRouter().openapi(exportRoute, async (c) => {
  const f = await exportMetrics(ctxOf(c), c.req.valid("query"));
  const headers = {
    ...downloadHeaders({ filename: f.filename, contentType: f.contentType, size: f.content.length }),
    "cache-control": "private, no-store",
    ...(f.truncated ? { "x-export-truncated": "true" } : {}),
  };
  return c.body(new Uint8Array(f.content), 200, headers);
});
