import { type Locale, localeSchema } from "@frontline/common";
import type Mail from "nodemailer/lib/mailer";
import type { Ctx, Deps } from "../../platform/context";
import { safeFilename } from "../../platform/safe-filename";
import { CSV_TYPE, toCsv } from "../../platform/spreadsheet";
import { inOrg } from "../../platform/tenancy";
import { headerSafe } from "../channels";
import { currentOrganization } from "../orgs";
import { activeStaff, teamNamesById } from "../staff";
import { columnLabels } from "./column-labels";
import { breakdownSheet } from "./metric-sheets";
import { type ReportData, reportMetrics } from "./report-data";
import { formatCount, formatDuration, formatPeriod, formatRate } from "./report-format";
import { reportPdf } from "./report-pdf";
import { reportTexts } from "./report-texts";
import type { ScheduleRow } from "./reports.present";

export interface BuiltReport {
  data: ReportData;
  recipients: { name: string; address: string }[];
  pdf: Buffer;
  csv: Buffer;
}

/** The filters as the report's reader reads them; the team by its name. */
function filterLabels(row: ScheduleRow, locale: Locale, teamName: string | undefined): string[] {
  const l = columnLabels(locale);
  const f = row.filters;
  return [
    f.teamId ? `${l.team}: ${teamName ?? "?"}` : null,
    f.channel ? `${l.channel}: ${f.channel}` : null,
    f.priority ? `${l.priority}: ${f.priority}` : null,
    f.tag ? `${l.tag}: ${f.tag}` : null,
    f.language ? `${l.language}: ${f.language}` : null,
  ].filter((x): x is string => x !== null);
}

/** The numbers of the report as CSV: the per-team or per-agent table and a last row for everything. */
function reportCsv(d: ReportData): Buffer {
  const s = d.summary;
  const total = {
    key: null,
    label: reportTexts(d.locale).overall,
    created: s.ticketsCreated,
    solved: s.ticketsSolved,
    replies: d.breakdown.rows.reduce((n, r) => n + r.replies, 0),
    repliesPerTicket: s.repliesPerTicket,
    firstReplyMedian: s.firstReplyTime.median,
    resolutionMedian: s.fullResolutionTime.median,
    slaAttainment: s.slaAttainment.overall,
    csat: s.csat.score,
    csatResponses: s.csat.responses,
    ...(d.breakdown.by === "agent" ? { occupancy: null } : {}),
  };
  return toCsv(breakdownSheet({ by: d.breakdown.by, rows: [...d.breakdown.rows, total] }, d.locale));
}

/** Computes a schedule's report as `ctx` (its creator) sees it, renders it, and finds who gets it. */
export async function buildReport(
  ctx: Ctx,
  row: ScheduleRow,
  period: { from: Date; to: Date },
  now: Date,
): Promise<BuiltReport> {
  const locale: Locale = localeSchema.safeParse(row.locale).data ?? "en";
  const known = await inOrg(ctx.database, ctx.orgId, async (s) => ({
    org: await currentOrganization(s),
    staff: await activeStaff(s, row.recipientUserIds),
    teams: await teamNamesById(s, row.filters.teamId ? [row.filters.teamId] : []),
  }));
  const metrics = await reportMetrics(ctx, { ...row, ...period });
  const data: ReportData = {
    orgName: known.org?.name ?? "",
    name: row.name,
    locale,
    timeZone: row.timeZone,
    period: row.period,
    ...period,
    dashboard: row.dashboard,
    filterLabels: filterLabels(row, locale, row.filters.teamId ? known.teams.get(row.filters.teamId) : undefined),
    ...metrics,
    generatedAt: now,
  };
  const seen = new Set<string>();
  const recipients = [
    ...known.staff.map((u) => ({ name: u.name, address: u.email })),
    ...row.recipientEmails.map((address) => ({ name: "", address })),
  ].filter((r) => {
    const key = r.address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { data, recipients, pdf: await reportPdf(data), csv: reportCsv(data) };
}

/** The mail: a few figures in the body, the PDF and CSV attached; headers without control characters. */
export function reportMail(deps: Pick<Deps, "config">, r: BuiltReport, locale: Locale): Mail.Options {
  const d = r.data;
  const t = reportTexts(locale);
  const l = columnLabels(locale);
  const period = `${t.periods[d.period]}: ${formatPeriod(d.from, d.to, locale, d.timeZone)}`;
  const s = d.summary;
  const base = safeFilename(`${d.name} ${formatPeriod(d.from, d.to, "en", d.timeZone)}`.replace(/[ ,–]+/g, "-"));
  const text = [
    headerSafe(d.name),
    `${period} (${d.timeZone})`,
    "",
    `${l.created}: ${formatCount(s.ticketsCreated, locale)}`,
    `${l.solved}: ${formatCount(s.ticketsSolved, locale)}`,
    `${l.firstReplyMedian}: ${formatDuration(s.firstReplyTime.median, locale)}`,
    `${l.slaAttainment}: ${formatRate(s.slaAttainment.overall, locale)}`,
    `${l.csat}: ${formatRate(s.csat.score, locale)}`,
    "",
    t.mailIntro,
    t.mailSent,
  ].join("\n");
  return {
    from: headerSafe(deps.config.MAIL_FROM),
    to: r.recipients.map((x) => ({ name: headerSafe(x.name), address: headerSafe(x.address) })),
    subject: headerSafe(`${d.name} — ${period}`),
    text,
    headers: { "Content-Language": locale, "Auto-Submitted": "auto-generated" },
    attachments: [
      { filename: `${base}.pdf`, content: r.pdf, contentType: "application/pdf" },
      { filename: `${base}.csv`, content: r.csv, contentType: CSV_TYPE },
    ],
  };
}
