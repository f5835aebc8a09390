import type { BreakdownRow } from "@frontline/common";
import type { FigureFormat } from "./kpi-definitions";
import type { SortDirection } from "./sort-rows";

/** A column of a breakdown table: its figure, how it is written, and which way it sorts first. */
export interface BreakdownColumn {
  id:
    | "name"
    | "created"
    | "solved"
    | "replies"
    | "repliesPerTicket"
    | "firstReply"
    | "resolution"
    | "sla"
    | "csat"
    | "occupancy";
  format: FigureFormat | "text";
  value: (row: BreakdownRow, name: string) => string | number | null;
  /** Names A to Z, volumes largest first, times fastest first, rates best first. */
  firstDirection: SortDirection;
}

export type ColumnId = BreakdownColumn["id"];

const NAME: BreakdownColumn = { id: "name", format: "text", value: (_r, name) => name, firstDirection: "asc" };
const figure = (id: ColumnId, format: FigureFormat, value: (r: BreakdownRow) => number | null, first: SortDirection) =>
  ({ id, format, value, firstDirection: first }) as BreakdownColumn;

const SHARED = [
  figure("solved", "count", (r) => r.solved, "desc"),
  figure("replies", "count", (r) => r.replies, "desc"),
  figure("repliesPerTicket", "decimal", (r) => r.repliesPerTicket, "asc"),
  figure("firstReply", "duration", (r) => r.firstReplyMedian, "asc"),
  figure("resolution", "duration", (r) => r.resolutionMedian, "asc"),
  figure("sla", "percent", (r) => r.slaAttainment, "desc"),
  figure("csat", "percent", (r) => r.csat, "desc"),
];

/** The per-agent table: what each person handled and how, with their occupancy. */
export const AGENT_COLUMNS: BreakdownColumn[] = [
  NAME,
  ...SHARED,
  figure("occupancy", "percent", (r) => r.occupancy ?? null, "desc"),
];

/** Teams, channels, tags and the rest: the tickets that came in too. */
export const GROUP_COLUMNS: BreakdownColumn[] = [NAME, figure("created", "count", (r) => r.created, "desc"), ...SHARED];
