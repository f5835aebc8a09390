import type { EscalationReport, EscalationReportQuery } from "@frontline/common";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { rowsOf } from "../../platform/db";
import { inOrg } from "../../platform/tenancy";
import { escalations } from "./escalations.tables";

const DEFAULT_DAYS = 30;

/** Minutes rounded to one decimal; null when there is nothing to measure. */
const minutes = (value: unknown): number | null =>
  value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;

/**
 * Escalations raised in [from, to): how many by reason, type and outcome, and the median and 90th
 * percentile of the minutes to take and to resolve them (continuous percentiles, as spreadsheets
 * compute them). One aggregate pass per figure over the organisation's period.
 */
export async function escalationReport(ctx: Ctx, q: EscalationReportQuery): Promise<EscalationReport> {
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_DAYS * 86_400_000);
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const inPeriod = and(
      eq(escalations.orgId, s.orgId),
      gte(escalations.createdAt, from),
      lt(escalations.createdAt, to),
    );
    const count = sql<number>`count(*)::int`;
    const byReason = await s.tx
      .select({ reason: escalations.reason, count })
      .from(escalations)
      .where(inPeriod)
      .groupBy(escalations.reason)
      .orderBy(sql`count(*) DESC`, escalations.reason);
    const byType = await s.tx
      .select({ type: escalations.type, count })
      .from(escalations)
      .where(inPeriod)
      .groupBy(escalations.type)
      .orderBy(sql`count(*) DESC`, escalations.type);
    const byOutcome = await s.tx
      .select({
        outcome: sql<NonNullable<(typeof escalations.$inferSelect)["outcome"]>>`${escalations.outcome}`,
        count,
      })
      .from(escalations)
      .where(and(inPeriod, sql`${escalations.outcome} IS NOT NULL`))
      .groupBy(escalations.outcome)
      .orderBy(sql`count(*) DESC`, escalations.outcome);
    const take = sql`extract(epoch from (${escalations.takenAt} - ${escalations.createdAt})) / 60`;
    const resolve = sql`extract(epoch from (${escalations.resolvedAt} - ${escalations.createdAt})) / 60`;
    const [times] = rowsOf<Record<string, unknown>>(
      await s.tx.execute(sql`SELECT
        count(${escalations.takenAt})::int AS taken,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${take}) AS take_median,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY ${take}) AS take_p90,
        count(${escalations.resolvedAt})::int AS resolved,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${resolve}) AS resolve_median,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY ${resolve}) AS resolve_p90
        FROM ${escalations} WHERE ${inPeriod}`),
    );
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      total: byReason.reduce((sum, r) => sum + r.count, 0),
      byReason,
      byType,
      byOutcome,
      timeToTake: {
        count: Number(times?.taken ?? 0),
        median: minutes(times?.take_median),
        p90: minutes(times?.take_p90),
      },
      timeToResolve: {
        count: Number(times?.resolved ?? 0),
        median: minutes(times?.resolve_median),
        p90: minutes(times?.resolve_p90),
      },
    };
  });
}
