import { z } from "zod";
import { idSchema, isoDateTime, timeZoneSchema } from "./shared";
import { SLA_TARGETS } from "./sla";
import { TICKET_CHANNELS, TICKET_PRIORITIES } from "./tickets";

// The metrics API: every figure is defined once in docs/metrics.md with its formula. Durations are
// seconds; rates are fractions from 0 to 1 (null when there is nothing to divide by).

const flag = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .optional();

/** What every metrics query may slice by. Tickets are matched on their current properties. */
export const metricsFilterShape = {
  /** From this time (default: 7 days before `to`)… */
  from: isoDateTime.optional(),
  /** …until before this time (default: now). */
  to: isoDateTime.optional(),
  teamId: idSchema.optional(),
  agentId: idSchema.optional(),
  channel: z.enum(TICKET_CHANNELS).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  tag: z.string().trim().min(1).max(100).optional(),
  language: z.string().trim().min(2).max(16).optional(),
  companyId: idSchema.optional(),
  /** Durations in the ticket's business hours rather than around the clock. */
  businessTime: flag,
};

const MAX_PERIOD_DAYS = 732;

const periodIsValid = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to);
const periodNotTooLong = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= MAX_PERIOD_DAYS * 86_400_000;

type Periodic = { from?: string | undefined; to?: string | undefined };

function withPeriodChecks<T extends z.ZodType<Periodic>>(schema: T) {
  return schema
    .refine(periodIsValid, { path: ["to"], message: "Must be after from" })
    .refine(periodNotTooLong, { path: ["from"], message: `A period of at most ${MAX_PERIOD_DAYS} days` });
}

export const metricsQuery = withPeriodChecks(z.strictObject(metricsFilterShape));
export type MetricsQuery = z.infer<typeof metricsQuery>;

export const METRIC_INTERVALS = ["hour", "day", "week", "month"] as const;
export type MetricInterval = (typeof METRIC_INTERVALS)[number];

export const metricsSeriesQuery = withPeriodChecks(
  z.strictObject({
    ...metricsFilterShape,
    interval: z.enum(METRIC_INTERVALS).default("day"),
    /** Buckets start at midnight (or the hour) in this zone (default: the viewer's own). */
    timeZone: timeZoneSchema.optional(),
  }),
);
export type MetricsSeriesQuery = z.infer<typeof metricsSeriesQuery>;

export const METRIC_DIMENSIONS = ["team", "agent", "channel", "priority", "tag", "language", "company"] as const;
export type MetricDimension = (typeof METRIC_DIMENSIONS)[number];

export const metricsBreakdownQuery = withPeriodChecks(
  z.strictObject({ ...metricsFilterShape, by: z.enum(METRIC_DIMENSIONS) }),
);
export type MetricsBreakdownQuery = z.infer<typeof metricsBreakdownQuery>;

/** The sets of tickets behind a number, for drill-down. */
export const DRILL_SETS = [
  "created",
  "solved",
  "reopened",
  "backlog",
  "firstContactResolved",
  "slaBreached",
  "escalated",
  "rated",
  "badRatings",
] as const;
export type DrillSet = (typeof DRILL_SETS)[number];

export const metricsTicketsQuery = withPeriodChecks(
  z.strictObject({
    ...metricsFilterShape,
    set: z.enum(DRILL_SETS),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(512).optional(),
  }),
);
export type MetricsTicketsQuery = z.infer<typeof metricsTicketsQuery>;

export const complaintsQuery = withPeriodChecks(
  z.strictObject({
    ...metricsFilterShape,
    interval: z.enum(METRIC_INTERVALS).default("week"),
    timeZone: timeZoneSchema.optional(),
  }),
);
export type ComplaintsQuery = z.infer<typeof complaintsQuery>;

const durationSchema = z.object({
  /** How many intervals the figures cover. */
  count: z.number().int(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
});
export type DurationStats = z.infer<typeof durationSchema>;

const rate = z.number().min(0).max(1).nullable();

export const slaAttainmentSchema = z.object({
  /** Targets kept ÷ targets that ended (kept or missed) in the period; null if none ended. */
  overall: rate,
  met: z.number().int(),
  breached: z.number().int(),
  byTarget: z.array(
    z.object({ target: z.enum(SLA_TARGETS), met: z.number().int(), breached: z.number().int(), attainment: rate }),
  ),
});

export const metricFiguresSchema = z.object({
  ticketsCreated: z.number().int(),
  ticketsSolved: z.number().int(),
  ticketsReopened: z.number().int(),
  firstReplyTime: durationSchema,
  nextReplyTime: durationSchema,
  fullResolutionTime: durationSchema,
  resolutionRate: rate,
  firstContactResolution: rate,
  reopenRate: rate,
  repliesPerTicket: z.number().nullable(),
  slaAttainment: slaAttainmentSchema,
  escalations: z.object({
    count: z.number().int(),
    /** Tickets created in the period that were escalated ÷ tickets created. */
    rate,
    timeToTake: durationSchema,
    timeToResolve: durationSchema,
  }),
  csat: z.object({
    /** Ratings of 4 or 5 ÷ ratings. */
    score: rate,
    responses: z.number().int(),
    /** How many ratings of 1, 2, 3, 4 and 5. */
    distribution: z.array(z.number().int()).length(5),
  }),
  nps: z.object({
    /** % promoters (9–10) − % detractors (0–6), from −100 to 100. */
    score: z.number().nullable(),
    responses: z.number().int(),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
  }),
  surveys: z.object({ sent: z.number().int(), answered: z.number().int(), responseRate: rate }),
});
export type MetricFigures = z.infer<typeof metricFiguresSchema>;

export const backlogSchema = z.object({
  /** Tickets not solved or closed now. */
  open: z.number().int(),
  /** Their age (seconds since created). */
  age: durationSchema,
  /** How many are under a day, 1–3 days, 3–7 days and older. */
  byAge: z.array(z.object({ bucket: z.enum(["lt1d", "1to3d", "3to7d", "gt7d"]), count: z.number().int() })),
});

export const metricsSummarySchema = metricFiguresSchema.extend({
  from: isoDateTime,
  to: isoDateTime,
  businessTime: z.boolean(),
  backlog: backlogSchema,
  /** The same figures over the period of the same length just before. */
  previous: metricFiguresSchema.extend({ from: isoDateTime, to: isoDateTime }),
});
export type MetricsSummary = z.infer<typeof metricsSummarySchema>;

export const seriesPointSchema = z.object({
  /** The bucket's start. */
  at: isoDateTime,
  created: z.number().int(),
  solved: z.number().int(),
  reopened: z.number().int(),
  firstReplyMedian: z.number().nullable(),
  resolutionMedian: z.number().nullable(),
  slaAttainment: rate,
  csat: rate,
});
export const metricsSeriesSchema = z.object({
  from: isoDateTime,
  to: isoDateTime,
  interval: z.enum(METRIC_INTERVALS),
  timeZone: z.string(),
  points: z.array(seriesPointSchema),
});
export type MetricsSeries = z.infer<typeof metricsSeriesSchema>;

export const breakdownRowSchema = z.object({
  /** The team's, agent's or company's id, or the channel, priority, tag or language; null for none. */
  key: z.string().nullable(),
  label: z.string().nullable(),
  created: z.number().int(),
  solved: z.number().int(),
  replies: z.number().int(),
  repliesPerTicket: z.number().nullable(),
  firstReplyMedian: z.number().nullable(),
  resolutionMedian: z.number().nullable(),
  slaAttainment: rate,
  csat: rate,
  csatResponses: z.number().int(),
  /** Agents only: time holding open work ÷ time online in the period. */
  occupancy: rate.optional(),
});
export const metricsBreakdownSchema = z.object({
  from: isoDateTime,
  to: isoDateTime,
  by: z.enum(METRIC_DIMENSIONS),
  rows: z.array(breakdownRowSchema),
});
export type MetricsBreakdown = z.infer<typeof metricsBreakdownSchema>;
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const complaintTrendSchema = z.object({
  from: isoDateTime,
  to: isoDateTime,
  interval: z.enum(METRIC_INTERVALS),
  timeZone: z.string(),
  buckets: z.array(isoDateTime),
  tags: z.array(
    z.object({
      tag: z.string(),
      total: z.number().int(),
      /** Tickets per bucket, in the order of `buckets`. */
      counts: z.array(z.number().int()),
      /** Tickets in the period ÷ in the previous period of the same length (null when it had none). */
      growth: z.number().nullable(),
      previous: z.number().int(),
      /** Among the fastest-rising tags (at least 3 tickets and growth of 50 % or more). */
      rising: z.boolean(),
    }),
  ),
});
export type ComplaintTrend = z.infer<typeof complaintTrendSchema>;

export const drillTicketSchema = z.object({
  id: idSchema,
  number: z.number().int(),
  subject: z.string(),
  status: z.string(),
  priority: z.enum(TICKET_PRIORITIES),
  channel: z.enum(TICKET_CHANNELS),
  assigneeId: idSchema.nullable(),
  teamId: idSchema.nullable(),
  createdAt: isoDateTime,
  /** When the ticket entered the set (created, solved, breached, rated…). */
  at: isoDateTime,
});
export type DrillTicket = z.infer<typeof drillTicketSchema>;
