import { z } from "zod";
import { DRILL_SETS, METRIC_DIMENSIONS, METRIC_INTERVALS, metricsFilterShape } from "./metrics";
import { emailSchema, idSchema, isoDateTime, localeSchema, timeZoneSchema } from "./shared";
import { TICKET_CHANNELS, TICKET_PRIORITIES } from "./tickets";

// Exports of the metrics tables and reports mailed on a schedule (decision 023).

export const EXPORT_DATASETS = ["breakdown", "series", "tickets", "complaints"] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MAX_PERIOD_DAYS = 732;

/** The most rows a `tickets` export holds: every page of the drill-down up to this many. */
export const EXPORT_MAX_TICKETS = 10_000;

/**
 * `GET /metrics/export`: the dataset, the format, and the query of the matching metrics endpoint
 * (`by` for a breakdown, `set` for tickets, `interval` and `timeZone` for series and complaints).
 */
export const metricsExportQuery = z
  .strictObject({
    dataset: z.enum(EXPORT_DATASETS),
    format: z.enum(EXPORT_FORMATS).default("csv"),
    ...metricsFilterShape,
    by: z.enum(METRIC_DIMENSIONS).optional(),
    set: z.enum(DRILL_SETS).optional(),
    interval: z.enum(METRIC_INTERVALS).optional(),
    timeZone: timeZoneSchema.optional(),
  })
  .superRefine((q, ctx) => {
    // The same period rules as every metrics query.
    if (q.from && q.to && Date.parse(q.from) >= Date.parse(q.to)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Must be after from" });
    }
    if (q.from && q.to && Date.parse(q.to) - Date.parse(q.from) > MAX_PERIOD_DAYS * 86_400_000) {
      ctx.addIssue({ code: "custom", path: ["from"], message: `A period of at most ${MAX_PERIOD_DAYS} days` });
    }
    const need = (field: "by" | "set", when: ExportDataset) => {
      if (q.dataset === when && !q[field])
        ctx.addIssue({ code: "custom", path: [field], message: `Required for ${when}` });
      if (q.dataset !== when && q[field]) ctx.addIssue({ code: "custom", path: [field], message: `Only for ${when}` });
    };
    need("by", "breakdown");
    need("set", "tickets");
    const timed = q.dataset === "series" || q.dataset === "complaints";
    for (const field of ["interval", "timeZone"] as const) {
      if (!timed && q[field])
        ctx.addIssue({ code: "custom", path: [field], message: "Only for series and complaints" });
    }
  });
export type MetricsExportQuery = z.infer<typeof metricsExportQuery>;

/** What a scheduled report shows: the summary and trend, and a table per team or per agent. */
export const REPORT_DASHBOARDS = ["overview", "team", "agents"] as const;
export type ReportDashboard = (typeof REPORT_DASHBOARDS)[number];

/** The period a report covers, ending at the start of the day (or week, or month) it is sent. */
export const REPORT_PERIODS = ["yesterday", "last_7_days", "last_week", "last_30_days", "last_month"] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export const REPORT_CADENCES = ["daily", "weekly", "monthly"] as const;
export type ReportCadence = (typeof REPORT_CADENCES)[number];

export const MAX_REPORT_RECIPIENTS = 20;

/** The slice a report shows, as in the metrics API (the schedule's creator's scope still applies). */
export const reportFiltersSchema = z.strictObject({
  teamId: idSchema.optional(),
  channel: z.enum(TICKET_CHANNELS).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  tag: z.string().trim().min(1).max(100).optional(),
  language: z.string().trim().min(2).max(16).optional(),
  companyId: idSchema.optional(),
  businessTime: z.boolean().optional(),
});
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

const scheduleFields = {
  name: z.string().trim().min(1).max(120),
  dashboard: z.enum(REPORT_DASHBOARDS),
  filters: reportFiltersSchema,
  period: z.enum(REPORT_PERIODS),
  cadence: z.enum(REPORT_CADENCES),
  /** Weekly: the day it is sent, 1 (Monday) to 7 (Sunday). */
  weekday: z.number().int().min(1).max(7).nullable(),
  /** Monthly: the day of the month it is sent, 1 to 31 (the month's last day when it is shorter). */
  dayOfMonth: z.number().int().min(1).max(31).nullable(),
  /** The hour it is sent, 0 to 23, in `timeZone`. */
  hour: z.number().int().min(0).max(23),
  timeZone: timeZoneSchema,
  /** Staff who receive it (active colleagues of the organisation)… */
  recipientUserIds: z.array(idSchema).max(MAX_REPORT_RECIPIENTS),
  /** …and addresses outside it. */
  recipientEmails: z.array(emailSchema).max(MAX_REPORT_RECIPIENTS),
  /** The language of the mail and the PDF. */
  locale: localeSchema,
  active: z.boolean(),
};

type ScheduleShape = {
  cadence?: ReportCadence | undefined;
  weekday?: number | null | undefined;
  dayOfMonth?: number | null | undefined;
  dashboard?: ReportDashboard | undefined;
  filters?: ReportFilters | undefined;
  recipientUserIds?: string[] | undefined;
  recipientEmails?: string[] | undefined;
};

/** The checks between fields, for a whole schedule (create) or the schedule a change would leave. */
export function scheduleIssues(s: ScheduleShape): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (s.cadence === "weekly" && !s.weekday) issues.push({ path: "weekday", message: "Required for a weekly report" });
  if (s.cadence !== "weekly" && s.weekday) issues.push({ path: "weekday", message: "Only for a weekly report" });
  if (s.cadence === "monthly" && !s.dayOfMonth) {
    issues.push({ path: "dayOfMonth", message: "Required for a monthly report" });
  }
  if (s.cadence !== "monthly" && s.dayOfMonth)
    issues.push({ path: "dayOfMonth", message: "Only for a monthly report" });
  if (s.dashboard === "team" && !s.filters?.teamId) {
    issues.push({ path: "filters.teamId", message: "A team report names its team" });
  }
  const users = s.recipientUserIds ?? [];
  const emails = s.recipientEmails ?? [];
  if (users.length + emails.length === 0) issues.push({ path: "recipientUserIds", message: "At least one recipient" });
  if (users.length + emails.length > MAX_REPORT_RECIPIENTS) {
    issues.push({ path: "recipientEmails", message: `At most ${MAX_REPORT_RECIPIENTS} recipients in all` });
  }
  if (new Set(users).size !== users.length) issues.push({ path: "recipientUserIds", message: "Each person once" });
  if (new Set(emails).size !== emails.length) issues.push({ path: "recipientEmails", message: "Each address once" });
  return issues;
}

export const createReportScheduleInput = z
  .strictObject({
    ...scheduleFields,
    filters: reportFiltersSchema.default({}),
    weekday: scheduleFields.weekday.default(null),
    dayOfMonth: scheduleFields.dayOfMonth.default(null),
    hour: scheduleFields.hour.default(7),
    recipientUserIds: scheduleFields.recipientUserIds.default([]),
    recipientEmails: scheduleFields.recipientEmails.default([]),
    locale: scheduleFields.locale.default("en"),
    active: scheduleFields.active.default(true),
  })
  .superRefine((s, ctx) => {
    for (const i of scheduleIssues(s)) ctx.addIssue({ code: "custom", path: i.path.split("."), message: i.message });
  });
export type CreateReportScheduleInput = z.infer<typeof createReportScheduleInput>;

/** A change: any of the fields; the schedule it leaves is checked as a whole. */
export const updateReportScheduleInput = z
  .strictObject(scheduleFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" });
export type UpdateReportScheduleInput = z.infer<typeof updateReportScheduleInput>;

export const reportScheduleSchema = z.object({
  id: idSchema,
  ...scheduleFields,
  /** When it is next sent; null while paused. */
  nextRunAt: isoDateTime.nullable(),
  lastSentAt: isoDateTime.nullable(),
  /** Why the last run failed, or why the schedule stopped; null after a good run. */
  lastError: z.string().nullable(),
  /** Whose view of the numbers it reports: theirs, within their role's scope. */
  createdBy: idSchema.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type ReportSchedule = z.infer<typeof reportScheduleSchema>;
