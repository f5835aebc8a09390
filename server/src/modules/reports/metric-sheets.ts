import type {
  ComplaintTrend,
  DrillTicket,
  Locale,
  MetricDimension,
  MetricsBreakdown,
  MetricsSeries,
} from "@frontline/common";
import type { Sheet, SheetColumn } from "../../platform/spreadsheet";
import { columnLabels, withUnit } from "./column-labels";

// Metrics answers as sheets: durations in seconds and rates in percent (0–100, one decimal), each
// named in its header; dates as dates in the reader's zone.

/** A rate (0–1) as a percentage with one decimal; null stays empty. */
export const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;

const text = (header: string): SheetColumn => ({ header, kind: "text" });
const num = (header: string): SheetColumn => ({ header, kind: "number" });

/** The table per team, agent, channel…: one row per group, as the breakdown endpoint answers. */
export function breakdownSheet(b: Pick<MetricsBreakdown, "by" | "rows">, locale: Locale): Sheet {
  const l = columnLabels(locale);
  const agents = b.by === "agent";
  const columns = [
    text(l[b.by as MetricDimension]),
    num(l.created),
    num(l.solved),
    num(l.replies),
    num(l.repliesPerTicket),
    num(withUnit(l.firstReplyMedian, l.seconds)),
    num(withUnit(l.resolutionMedian, l.seconds)),
    num(withUnit(l.slaAttainment, "%")),
    num(withUnit(l.csat, "%")),
    num(l.csatResponses),
    ...(agents ? [num(withUnit(l.occupancy, "%"))] : []),
  ];
  const rows = b.rows.map((r) => [
    r.label ?? l.none,
    r.created,
    r.solved,
    r.replies,
    r.repliesPerTicket,
    r.firstReplyMedian,
    r.resolutionMedian,
    percent(r.slaAttainment),
    percent(r.csat),
    r.csatResponses,
    ...(agents ? [percent(r.occupancy)] : []),
  ]);
  return { name: l[b.by as MetricDimension], columns, rows };
}

/** The trend: one row per hour, day, week or month. */
export function seriesSheet(s: MetricsSeries, locale: Locale): Sheet {
  const l = columnLabels(locale);
  return {
    name: l.periodStart,
    timeZone: s.timeZone,
    columns: [
      { header: withUnit(l.periodStart, s.timeZone), kind: "date" },
      num(l.created),
      num(l.solved),
      num(l.reopened),
      num(withUnit(l.firstReplyMedian, l.seconds)),
      num(withUnit(l.resolutionMedian, l.seconds)),
      num(withUnit(l.slaAttainment, "%")),
      num(withUnit(l.csat, "%")),
    ],
    rows: s.points.map((p) => [
      new Date(p.at),
      p.created,
      p.solved,
      p.reopened,
      p.firstReplyMedian,
      p.resolutionMedian,
      percent(p.slaAttainment),
      percent(p.csat),
    ]),
  };
}

/** Day (or hour) of a bucket's start in the zone, for a column header. */
function bucketLabel(at: string, zone: string, hourly: boolean): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    ...(hourly ? { hour: "2-digit", minute: "2-digit" } : {}),
  }).format(new Date(at));
  return parts.replace(",", "");
}

/** Complaints by tag: totals against the period before, then one column per bucket. */
export function complaintsSheet(c: ComplaintTrend, locale: Locale): Sheet {
  const l = columnLabels(locale);
  const hourly = c.interval === "hour";
  return {
    name: l.tag,
    columns: [
      text(l.tag),
      num(l.total),
      num(l.previous),
      num(l.growth),
      text(l.rising),
      ...c.buckets.map((b) => num(bucketLabel(b, c.timeZone, hourly))),
    ],
    rows: c.tags.map((t) => [t.tag, t.total, t.previous, t.growth, t.rising ? l.yes : l.no, ...t.counts]),
  };
}

/** The tickets behind a figure, with their people and team by name. */
export function ticketsSheet(
  tickets: DrillTicket[],
  names: { staff: Map<string, string>; teams: Map<string, string> },
  locale: Locale,
  timeZone: string,
): Sheet {
  const l = columnLabels(locale);
  return {
    name: l.total,
    timeZone,
    columns: [
      num(l.number),
      text(l.subject),
      text(l.status),
      text(l.priority),
      text(l.channel),
      text(l.assignee),
      text(l.team),
      { header: withUnit(l.createdAt, timeZone), kind: "date" },
      { header: withUnit(l.enteredAt, timeZone), kind: "date" },
    ],
    rows: tickets.map((t) => [
      t.number,
      t.subject,
      t.status,
      t.priority,
      t.channel,
      t.assigneeId ? (names.staff.get(t.assigneeId) ?? "") : "",
      t.teamId ? (names.teams.get(t.teamId) ?? "") : "",
      new Date(t.createdAt),
      new Date(t.at),
    ]),
  };
}
