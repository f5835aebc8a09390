import type { DrillSet, MetricFigures, MetricsSummary } from "@frontline/common";
import type { Better, ChangeKind } from "./deltas";

/** How a figure is written: a count, seconds, a 0–1 rate, a plain number, or an NPS score. */
export type FigureFormat = "count" | "duration" | "percent" | "decimal" | "score";

/** A smaller figure under a card's main one (p90, responses, met and missed). */
export interface KpiDetail {
  /** Key under dashboard.detail in the locale files. */
  label: string;
  value: number | null;
  format: FigureFormat;
}

/** One card: what it shows, which way is good, and the tickets behind it. */
export interface KpiDefinition {
  /** Key under dashboard.kpi in the locale files, and the card's test id. */
  id: string;
  format: FigureFormat;
  better: Better;
  value: (f: MetricFigures) => number | null;
  details?: (f: MetricFigures) => KpiDetail[];
  /** The drill-down set of the number, when it counts tickets. */
  drill?: DrillSet;
}

const changeKinds: Record<FigureFormat, ChangeKind> = {
  count: "relative",
  duration: "relative",
  decimal: "relative",
  percent: "absolute",
  score: "absolute",
};

/** Rates and scores change by points, counts and durations by their share. */
export const changeKindOf = (format: FigureFormat): ChangeKind => changeKinds[format];

const p90 = (f: { p90: number | null }): KpiDetail => ({ label: "p90", value: f.p90, format: "duration" });

/** The cards, in groups a supervisor reads in order: how much, how fast, how well, how they felt. */
export const KPI_GROUPS: { id: string; cards: KpiDefinition[] }[] = [
  {
    id: "volume",
    cards: [
      { id: "created", format: "count", better: "neither", value: (f) => f.ticketsCreated, drill: "created" },
      { id: "solved", format: "count", better: "up", value: (f) => f.ticketsSolved, drill: "solved" },
      { id: "reopened", format: "count", better: "down", value: (f) => f.ticketsReopened, drill: "reopened" },
    ],
  },
  {
    id: "speed",
    cards: [
      {
        id: "firstReply",
        format: "duration",
        better: "down",
        value: (f) => f.firstReplyTime.median,
        details: (f) => [p90(f.firstReplyTime), { label: "replies", value: f.firstReplyTime.count, format: "count" }],
      },
      {
        id: "nextReply",
        format: "duration",
        better: "down",
        value: (f) => f.nextReplyTime.median,
        details: (f) => [p90(f.nextReplyTime), { label: "replies", value: f.nextReplyTime.count, format: "count" }],
      },
      {
        id: "resolution",
        format: "duration",
        better: "down",
        value: (f) => f.fullResolutionTime.median,
        details: (f) => [p90(f.fullResolutionTime)],
      },
      { id: "repliesPerTicket", format: "decimal", better: "down", value: (f) => f.repliesPerTicket },
    ],
  },
  {
    id: "quality",
    cards: [
      { id: "resolutionRate", format: "percent", better: "up", value: (f) => f.resolutionRate },
      {
        id: "firstContact",
        format: "percent",
        better: "up",
        value: (f) => f.firstContactResolution,
        drill: "firstContactResolved",
      },
      { id: "reopenRate", format: "percent", better: "down", value: (f) => f.reopenRate },
      {
        id: "sla",
        format: "percent",
        better: "up",
        value: (f) => f.slaAttainment.overall,
        details: (f) => [
          { label: "met", value: f.slaAttainment.met, format: "count" },
          { label: "missed", value: f.slaAttainment.breached, format: "count" },
        ],
        drill: "slaBreached",
      },
    ],
  },
  {
    id: "care",
    cards: [
      {
        id: "escalations",
        format: "count",
        better: "down",
        value: (f) => f.escalations.count,
        details: (f) => [
          { label: "rate", value: f.escalations.rate, format: "percent" },
          { label: "toTake", value: f.escalations.timeToTake.median, format: "duration" },
          { label: "toResolve", value: f.escalations.timeToResolve.median, format: "duration" },
        ],
        drill: "escalated",
      },
      {
        id: "csat",
        format: "percent",
        better: "up",
        value: (f) => f.csat.score,
        details: (f) => [{ label: "responses", value: f.csat.responses, format: "count" }],
        drill: "rated",
      },
      {
        id: "nps",
        format: "score",
        better: "up",
        value: (f) => f.nps.score,
        details: (f) => [{ label: "responses", value: f.nps.responses, format: "count" }],
      },
      {
        id: "surveyRate",
        format: "percent",
        better: "up",
        value: (f) => f.surveys.responseRate,
        details: (f) => [
          { label: "sent", value: f.surveys.sent, format: "count" },
          { label: "answered", value: f.surveys.answered, format: "count" },
        ],
      },
    ],
  },
];

/** The backlog is a count of now, not of the period: it has no previous value to compare with. */
export function backlogDetails(backlog: MetricsSummary["backlog"]): KpiDetail[] {
  return [
    { label: "medianAge", value: backlog.age.median, format: "duration" },
    { label: "p90Age", value: backlog.age.p90, format: "duration" },
  ];
}
