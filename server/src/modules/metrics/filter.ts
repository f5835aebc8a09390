import type { MetricsQuery } from "@frontline/common";
import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "./scope";

/** A period, from inclusive to exclusive. */
export interface Period {
  from: Date;
  to: Date;
}

const DEFAULT_DAYS = 7;

/** The asked period (default: the 7 days up to now) and the one of the same length just before. */
export function periodsOf(q: Pick<MetricsQuery, "from" | "to">): { current: Period; previous: Period } {
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_DAYS * 86_400_000);
  const length = to.getTime() - from.getTime();
  return { current: { from, to }, previous: { from: new Date(from.getTime() - length), to: from } };
}

/** The slice: the ticket's current properties, as `t` (metrics_tickets), narrowed by the viewer's scope. */
export interface Slice {
  orgId: string;
  q: Omit<MetricsQuery, "from" | "to" | "businessTime" | "teamId" | "agentId">;
  scope: Scope;
}

/**
 * The condition on `t` for a slice. `agentColumn` is who a fact counts for: the author of a reply,
 * who held the ticket when it was solved, else the ticket's current assignee.
 */
export function sliceWhere(slice: Slice, agentColumn: SQL = sql`t.assignee_id`): SQL {
  const { q, scope } = slice;
  const parts: SQL[] = [sql`t.org_id = ${slice.orgId}`];
  if (scope.teamIds) parts.push(sql`t.team_id = ANY(${toPgArray(scope.teamIds)}::uuid[])`);
  if (scope.agentId) parts.push(sql`${agentColumn} = ${scope.agentId}`);
  if (q.channel) parts.push(sql`t.channel = ${q.channel}`);
  if (q.priority) parts.push(sql`t.priority = ${q.priority}`);
  if (q.tag) parts.push(sql`${q.tag} = ANY(t.tags)`);
  if (q.language) parts.push(sql`t.language = ${q.language}`);
  if (q.companyId) parts.push(sql`t.company_id = ${q.companyId}`);
  return sql.join(parts, sql` AND `);
}

/** A text array literal: both drivers take it as one parameter. */
export function toPgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}

/** `column` within the period. */
export const within = (column: SQL, p: Period): SQL =>
  sql`${column} >= ${p.from.toISOString()}::timestamptz AND ${column} < ${p.to.toISOString()}::timestamptz`;

/** Seconds rounded to one decimal; null when nothing was measured. */
export const seconds = (value: unknown): number | null =>
  value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;

/** A fraction, or null when there is nothing to divide by. */
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * How facts in `alias` (rows with a ticket_id) meet the slice. Only when the slice asks about the
 * ticket's properties (or the caller reads them) are they joined to it; otherwise the facts are read
 * alone, which over a million tickets is the difference between reading the period and reading them
 * all, and tickets merged into others are left out through their short list.
 */
export function factsOfSlice(
  alias: string,
  slice: Slice,
  opts: { agentColumn?: SQL; readsTicket?: boolean } = {},
): { join: SQL; where: SQL } {
  const { q, scope } = slice;
  const a = sql.raw(alias);
  const needsTicket =
    opts.readsTicket ||
    Boolean(scope.teamIds || (scope.agentId && !opts.agentColumn)) ||
    Boolean(q.channel || q.priority || q.tag || q.language || q.companyId);
  if (needsTicket) {
    return {
      join: sql`JOIN metrics_tickets t ON t.org_id = ${a}.org_id AND t.id = ${a}.ticket_id`,
      where: sliceWhere(slice, opts.agentColumn),
    };
  }
  const parts = [
    sql`${a}.org_id = ${slice.orgId}`,
    sql`${a}.ticket_id NOT IN (SELECT m.id FROM metrics_merged_tickets m WHERE m.org_id = ${slice.orgId})`,
  ];
  if (scope.agentId && opts.agentColumn) parts.push(sql`${opts.agentColumn} = ${scope.agentId}`);
  return { join: sql``, where: sql.join(parts, sql` AND `) };
}
