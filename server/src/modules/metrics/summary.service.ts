import type { MetricsQuery, MetricsSummary } from "@frontline/common";
import { sql } from "drizzle-orm";
import { batchedReads } from "../../platform/batched-reads";
import type { Ctx } from "../../platform/context";
import { rowsOf } from "../../platform/db";
import { inOrgForReports, type OrgTx } from "../../platform/tenancy";
import { figuresOf } from "./figures";
import { periodsOf, type Slice, seconds, sliceWhere } from "./filter";
import { scopeFor } from "./scope";

/** The slice a query asks for, within what the viewer may see. */
export async function sliceOf(s: OrgTx, ctx: Ctx, q: MetricsQuery): Promise<Slice> {
  const { from: _f, to: _t, businessTime: _b, teamId: _team, agentId: _agent, ...dims } = q;
  return { orgId: s.orgId, q: dims, scope: await scopeFor(s, ctx.actor, q) };
}

/** Tickets not solved or closed right now, and how old they are. */
async function backlog(s: OrgTx, slice: Slice): Promise<MetricsSummary["backlog"]> {
  const age = sql`extract(epoch FROM (now() - t.created_at))`;
  const [r] = rowsOf<Record<string, unknown>>(
    await s.tx.execute(sql`SELECT count(*)::int AS open,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${age}) AS median,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY ${age}) AS p90,
        count(*) FILTER (WHERE ${age} < 86400)::int AS lt1d,
        count(*) FILTER (WHERE ${age} >= 86400 AND ${age} < 259200)::int AS d1to3,
        count(*) FILTER (WHERE ${age} >= 259200 AND ${age} < 604800)::int AS d3to7,
        count(*) FILTER (WHERE ${age} >= 604800)::int AS gt7d
      FROM metrics_tickets t WHERE ${sliceWhere(slice)} AND t.status NOT IN ('solved', 'closed')`),
  );
  const n = (k: string) => Number(r?.[k] ?? 0);
  return {
    open: n("open"),
    age: { count: n("open"), median: seconds(r?.median), p90: seconds(r?.p90) },
    byAge: [
      { bucket: "lt1d", count: n("lt1d") },
      { bucket: "1to3d", count: n("d1to3") },
      { bucket: "3to7d", count: n("d3to7") },
      { bucket: "gt7d", count: n("gt7d") },
    ],
  };
}

/** Every figure of the period, the same of the period before, and the backlog now. */
export async function metricsSummary(ctx: Ctx, q: MetricsQuery): Promise<MetricsSummary> {
  const { current, previous } = periodsOf(q);
  const businessTime = q.businessTime ?? false;
  return inOrgForReports(ctx.database, ctx.orgId, async (s) => {
    const slice = await sliceOf(s, ctx, q);
    // Both periods' figures and the backlog are independent aggregates: one statement for all.
    const [now, before, open] = await batchedReads(s, (b) =>
      Promise.all([
        figuresOf(b, slice, current, businessTime),
        figuresOf(b, slice, previous, businessTime),
        backlog(b, slice),
      ]),
    );
    return {
      ...now,
      from: current.from.toISOString(),
      to: current.to.toISOString(),
      businessTime,
      backlog: open,
      previous: { ...before, from: previous.from.toISOString(), to: previous.to.toISOString() },
    };
  });
}
