import {
  type DrillTicket,
  EXPORT_MAX_TICKETS,
  type Locale,
  localeSchema,
  type MetricsExportQuery,
} from "@frontline/common";
import type { Ctx } from "../../platform/context";
import { safeFilename } from "../../platform/safe-filename";
import { CSV_TYPE, type Sheet, toCsv, toXlsx, XLSX_TYPE } from "../../platform/spreadsheet";
import { inOrgForReports } from "../../platform/tenancy";
import { complaintTrend, metricsBreakdown, metricsSeries, metricTickets } from "../metrics";
import { findUser, staffNames, teamNamesById } from "../staff";
import { breakdownSheet, complaintsSheet, seriesSheet, ticketsSheet } from "./metric-sheets";

export interface ExportFile {
  filename: string;
  contentType: string;
  content: Buffer;
  /** True when a tickets export stopped at EXPORT_MAX_TICKETS rows. */
  truncated: boolean;
}

const PAGE = 200;
const DEFAULT_DAYS = 7;

/** The reader's language and zone: their profile's; an API token without a person reads English in UTC. */
async function readerOf(ctx: Ctx): Promise<{ locale: Locale; timeZone: string }> {
  const userId = ctx.actor.userId;
  const user = userId ? await inOrgForReports(ctx.database, ctx.orgId, (s) => findUser(s, userId)) : undefined;
  return { locale: localeSchema.safeParse(user?.locale).data ?? "en", timeZone: user?.timeZone ?? "UTC" };
}

/** Every page of the drill-down, up to the cap; the metrics module applies the reader's scope. */
async function allTickets(ctx: Ctx, q: MetricsExportQuery): Promise<{ rows: DrillTicket[]; truncated: boolean }> {
  const { dataset: _d, format: _f, by: _b, interval: _i, timeZone: _z, set, ...filters } = q;
  const rows: DrillTicket[] = [];
  let cursor: string | undefined;
  for (;;) {
    const limit = Math.min(PAGE, EXPORT_MAX_TICKETS - rows.length);
    const page = await metricTickets(ctx, { ...filters, set: set!, limit, ...(cursor ? { cursor } : {}) });
    rows.push(...page.data);
    if (!page.nextCursor) return { rows, truncated: false };
    if (rows.length >= EXPORT_MAX_TICKETS) return { rows, truncated: true };
    cursor = page.nextCursor;
  }
}

async function sheetOf(ctx: Ctx, q: MetricsExportQuery, locale: Locale, zone: string) {
  const { dataset: _d, format: _f, by, set: _s, interval, timeZone, ...filters } = q;
  switch (q.dataset) {
    case "breakdown": {
      const b = await metricsBreakdown(ctx, { ...filters, by: by! });
      return { sheet: breakdownSheet(b, locale), from: b.from, to: b.to, truncated: false };
    }
    case "series": {
      const s = await metricsSeries(ctx, { ...filters, interval: interval ?? "day", timeZone: timeZone ?? zone });
      return { sheet: seriesSheet(s, locale), from: s.from, to: s.to, truncated: false };
    }
    case "complaints": {
      const c = await complaintTrend(ctx, { ...filters, interval: interval ?? "week", timeZone: timeZone ?? zone });
      return { sheet: complaintsSheet(c, locale), from: c.from, to: c.to, truncated: false };
    }
    case "tickets": {
      const { rows, truncated } = await allTickets(ctx, q);
      const names = await inOrgForReports(ctx.database, ctx.orgId, async (s) => ({
        staff: await staffNames(
          s,
          rows.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])),
        ),
        teams: await teamNamesById(
          s,
          rows.flatMap((r) => (r.teamId ? [r.teamId] : [])),
        ),
      }));
      const to = q.to ? new Date(q.to) : new Date();
      const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_DAYS * 86_400_000);
      const sheet = ticketsSheet(rows, names, locale, zone);
      return { sheet, from: from.toISOString(), to: to.toISOString(), truncated };
    }
  }
}

/** The date of an instant in a zone, as YYYY-MM-DD. */
const dayIn = (iso: string, zone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(iso),
  );

/** A file name that says what the file holds: "metrics-breakdown-agent-2026-03-01-2026-03-08.csv". */
function filenameOf(q: MetricsExportQuery, from: string, to: string, zone: string): string {
  const what = [q.dataset, q.by ?? q.set].filter(Boolean).join("-");
  // The period ends before `to`: a week from Monday to Monday is named Monday to Sunday.
  const last = new Date(Date.parse(to) - 1).toISOString();
  return safeFilename(`metrics-${what}-${dayIn(from, zone)}-${dayIn(last, zone)}.${q.format}`);
}

/** A metrics table as a CSV or XLSX file, headers in the reader's language, within the reader's scope. */
export async function exportMetrics(ctx: Ctx, q: MetricsExportQuery): Promise<ExportFile> {
  const { locale, timeZone } = await readerOf(ctx);
  const zone = q.timeZone ?? timeZone;
  const { sheet, from, to, truncated } = await sheetOf(ctx, q, locale, zone);
  return {
    filename: filenameOf(q, from, to, zone),
    ...(await encode(sheet, q.format)),
    truncated,
  };
}

/** A sheet in the asked format. */
export async function encode(sheet: Sheet, format: "csv" | "xlsx") {
  return format === "csv"
    ? { contentType: CSV_TYPE, content: toCsv(sheet) }
    : { contentType: XLSX_TYPE, content: await toXlsx(sheet) };
}
