import { type MetricFigures, SLA_TARGETS } from "@frontline/common";
import { sql } from "drizzle-orm";
import { rowsOf } from "../../platform/db";
import type { OrgTx } from "../../platform/tenancy";
import { factsOfSlice, type Period, ratio, type Slice, seconds, sliceWhere, within } from "./filter";
import { satisfactionFigures } from "./satisfaction";

// One aggregate pass per group of figures over the period; definitions in docs/metrics.md.

type Row = Record<string, unknown>;
const int = (v: unknown) => Number(v ?? 0);
const duration = (r: Row | undefined, prefix: string) => ({
  count: int(r?.[`${prefix}_count`]),
  median: seconds(r?.[`${prefix}_median`]),
  p90: seconds(r?.[`${prefix}_p90`]),
});
const stats = (column: string, prefix: string) =>
  sql.raw(`count(${column})::int AS ${prefix}_count,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${column}) AS ${prefix}_median,
    percentile_cont(0.9) WITHIN GROUP (ORDER BY ${column}) AS ${prefix}_p90`);

async function one(s: OrgTx, query: ReturnType<typeof sql>): Promise<Row | undefined> {
  return rowsOf<Row>(await s.tx.execute(query))[0];
}

/** Tickets created in the period: how many, how many are solved by now, how many were escalated. */
async function received(s: OrgTx, slice: Slice, p: Period) {
  return one(
    s,
    sql`SELECT count(*)::int AS created,
      count(*) FILTER (WHERE t.status IN ('solved', 'closed'))::int AS resolved,
      count(*) FILTER (WHERE t.id IN (SELECT x.ticket_id FROM metrics_escalations x
        WHERE x.org_id = ${slice.orgId}))::int AS escalated
      FROM metrics_tickets t WHERE ${sliceWhere(slice)} AND ${within(sql`t.created_at`, p)}`,
  );
}

/** Tickets solved in the period (each once, at its last solve in it), their resolution time, replies and reopens. */
async function solved(s: OrgTx, slice: Slice, p: Period, businessTime: boolean) {
  const spent = businessTime ? "business_seconds" : "calendar_seconds";
  const solvedFacts = factsOfSlice("e", slice, { agentColumn: sql`e.agent_id` });
  return one(
    s,
    sql`WITH solved AS (
        SELECT DISTINCT ON (e.ticket_id) e.ticket_id, e.${sql.raw(spent)} AS spent, coalesce(e.replies, 0) AS replies
        FROM metric_ticket_events e ${solvedFacts.join}
        WHERE e.org_id = ${slice.orgId} AND e.kind = 'solved' AND ${within(sql`e.at`, p)} AND ${solvedFacts.where}
        ORDER BY e.ticket_id, e.at DESC
      ), counted AS (
        SELECT solved.spent, solved.replies,
          solved.ticket_id IN (SELECT o.ticket_id FROM metric_ticket_events o
            WHERE o.org_id = ${slice.orgId} AND o.kind = 'reopened') AS reopened
        FROM solved
      )
      SELECT count(*)::int AS solved, ${stats("spent", "resolution")},
        count(*) FILTER (WHERE reopened)::int AS reopened_after,
        count(*) FILTER (WHERE replies > 0)::int AS answered,
        count(*) FILTER (WHERE replies = 1 AND NOT reopened)::int AS one_touch,
        coalesce(sum(replies), 0)::int AS replies
      FROM counted`,
  );
}

/** Tickets reopened in the period, each once. */
async function reopened(s: OrgTx, slice: Slice, p: Period) {
  const f = factsOfSlice("e", slice);
  return one(
    s,
    sql`SELECT count(DISTINCT e.ticket_id)::int AS reopened FROM metric_ticket_events e ${f.join}
      WHERE e.org_id = ${slice.orgId} AND e.kind = 'reopened' AND ${within(sql`e.at`, p)} AND ${f.where}`,
  );
}

/** First and next replies sent in the period, by how long the customer had waited. */
async function replies(s: OrgTx, slice: Slice, p: Period, businessTime: boolean) {
  const spent = businessTime ? "r.business_seconds" : "r.calendar_seconds";
  const f = factsOfSlice("r", slice, { agentColumn: sql`r.agent_id` });
  return one(
    s,
    sql`SELECT ${stats(`CASE WHEN r.kind = 'first' THEN ${spent} END`, "first")},
        ${stats(`CASE WHEN r.kind = 'next' THEN ${spent} END`, "next")}
      FROM metric_replies r ${f.join}
      WHERE r.org_id = ${slice.orgId} AND r.kind IN ('first', 'next') AND ${within(sql`r.at`, p)} AND ${f.where}`,
  );
}

/** Promises that ended in the period, kept or missed, by target. */
async function sla(s: OrgTx, slice: Slice, p: Period): Promise<MetricFigures["slaAttainment"]> {
  const f = factsOfSlice("x", slice);
  const rows = rowsOf<{ target: string; met: number; breached: number }>(
    await s.tx.execute(sql`SELECT x.target,
        count(*) FILTER (WHERE x.kind = 'met')::int AS met,
        count(*) FILTER (WHERE x.kind = 'breached')::int AS breached
      FROM metrics_sla_events x ${f.join}
      WHERE x.org_id = ${slice.orgId} AND x.kind IN ('met', 'breached') AND ${within(sql`x.at`, p)} AND ${f.where}
      GROUP BY x.target`),
  );
  const byTarget = SLA_TARGETS.flatMap((target) => {
    const r = rows.find((row) => row.target === target);
    return r ? [{ target, met: r.met, breached: r.breached, attainment: ratio(r.met, r.met + r.breached) }] : [];
  });
  const met = byTarget.reduce((n, r) => n + r.met, 0);
  const breached = byTarget.reduce((n, r) => n + r.breached, 0);
  return { overall: ratio(met, met + breached), met, breached, byTarget };
}

/** Escalations raised in the period, and how long they took to be taken and resolved (calendar time). */
async function escalations(s: OrgTx, slice: Slice, p: Period) {
  const f = factsOfSlice("x", slice);
  return one(
    s,
    sql`SELECT count(*)::int AS escalations,
        ${stats("extract(epoch FROM (x.taken_at - x.created_at))", "take")},
        ${stats("extract(epoch FROM (x.resolved_at - x.created_at))", "resolve")}
      FROM metrics_escalations x ${f.join}
      WHERE x.org_id = ${slice.orgId} AND ${within(sql`x.created_at`, p)} AND ${f.where}`,
  );
}

/** Every figure of a period for a slice. */
export async function figuresOf(s: OrgTx, slice: Slice, p: Period, businessTime: boolean): Promise<MetricFigures> {
  // Asked together, so a batching transaction (platform/batched-reads) sends them as one statement.
  const [r, sv, ro, rp, esc, slaAttainment, satisfaction] = await Promise.all([
    received(s, slice, p),
    solved(s, slice, p, businessTime),
    reopened(s, slice, p),
    replies(s, slice, p, businessTime),
    escalations(s, slice, p),
    sla(s, slice, p),
    satisfactionFigures(s, slice, p),
  ]);
  const created = int(r?.created);
  const solvedCount = int(sv?.solved);
  return {
    ticketsCreated: created,
    ticketsSolved: solvedCount,
    ticketsReopened: int(ro?.reopened),
    firstReplyTime: duration(rp, "first"),
    nextReplyTime: duration(rp, "next"),
    fullResolutionTime: duration(sv, "resolution"),
    resolutionRate: ratio(int(r?.resolved), created),
    firstContactResolution: ratio(int(sv?.one_touch), int(sv?.answered)),
    reopenRate: ratio(int(sv?.reopened_after), solvedCount),
    repliesPerTicket: solvedCount > 0 ? Math.round((int(sv?.replies) / solvedCount) * 100) / 100 : null,
    slaAttainment,
    escalations: {
      count: int(esc?.escalations),
      rate: ratio(int(r?.escalated), created),
      timeToTake: duration(esc, "take"),
      timeToResolve: duration(esc, "resolve"),
    },
    ...satisfaction,
  };
}
