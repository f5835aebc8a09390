import type { MetricsSeries, MetricsSeriesQuery } from "@frontline/common";
import { type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { rowsOf } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { inOrgForReports, type OrgTx } from "../../platform/tenancy";
import { factsOfSlice, type Period, periodsOf, ratio, seconds, sliceWhere, within } from "./filter";
import { sliceOf } from "./summary.service";
import { viewerZone } from "./viewer";

const MAX_BUCKETS = 750;
const BUCKET_MS = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000, month: 28 * 86_400_000 };

/** A trend of more points than anyone reads is refused (400 on `interval`) rather than computed. */
export function assertFewBuckets(p: Period, interval: keyof typeof BUCKET_MS): void {
  if ((p.to.getTime() - p.from.getTime()) / BUCKET_MS[interval] > MAX_BUCKETS) {
    throw new AppError("validation_failed", "Too many points for this period", {
      interval: [`At most ${MAX_BUCKETS} points: choose a longer interval or a shorter period`],
    });
  }
}

type Bucketed = Record<string, unknown> & { bucket: string };

/** `column` truncated to the bucket it falls in, as a wall-clock time in the zone. */
const bucketOf = (column: SQL, unit: string, zone: string) =>
  sql`to_char(date_trunc(${unit}, ${column} AT TIME ZONE ${zone}), 'YYYY-MM-DD"T"HH24:MI:SS')`;

/**
 * The main figures per hour, day, week (from Monday) or month of the viewer's zone: tickets
 * created, solved and reopened, the median first reply and resolution times, SLA attainment, CSAT.
 */
export async function metricsSeries(ctx: Ctx, q: MetricsSeriesQuery): Promise<MetricsSeries> {
  const { current } = periodsOf(q);
  assertFewBuckets(current, q.interval);
  return inOrgForReports(ctx.database, ctx.orgId, async (s) => {
    const zone = q.timeZone ?? (await viewerZone(s, ctx));
    const slice = await sliceOf(s, ctx, q);
    const where = (agent?: SQL) => sliceWhere(slice, agent);
    const solvedAgent = sql`CASE WHEN e.kind = 'solved' THEN e.agent_id ELSE t.assignee_id END`;
    const fe = factsOfSlice("e", slice, { agentColumn: solvedAgent, readsTicket: Boolean(slice.scope.agentId) });
    const fr = factsOfSlice("r", slice, { agentColumn: sql`r.agent_id` });
    const fx = factsOfSlice("x", slice);
    const fa = factsOfSlice("a", slice);
    const spent = sql.raw(q.businessTime ? "business_seconds" : "calendar_seconds");
    const grouped = async (query: SQL) =>
      new Map(rowsOf<Bucketed>(await s.tx.execute(query)).map((r) => [r.bucket, r]));
    const b = (column: SQL) => bucketOf(column, q.interval, zone);
    const created = await grouped(sql`SELECT ${b(sql`t.created_at`)} AS bucket, count(*)::int AS n
      FROM metrics_tickets t WHERE ${where()} AND ${within(sql`t.created_at`, current)} GROUP BY 1`);
    // Each ticket once per bucket, at its last solve there, as in the summary.
    const solved = await grouped(sql`SELECT e.bucket,
        count(*) FILTER (WHERE e.kind = 'solved')::int AS solved,
        count(*) FILTER (WHERE e.kind = 'reopened')::int AS reopened,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY e.spent) FILTER (WHERE e.kind = 'solved') AS resolution
      FROM (SELECT DISTINCT ON (e.ticket_id, e.kind, 1) ${b(sql`e.at`)} AS bucket, e.kind, e.${spent} AS spent
        FROM metric_ticket_events e ${fe.join}
        WHERE e.org_id = ${s.orgId} AND ${within(sql`e.at`, current)} AND ${fe.where}
        ORDER BY e.ticket_id, e.kind, 1, e.at DESC) e
      GROUP BY 1`);
    const replies = await grouped(sql`SELECT ${b(sql`r.at`)} AS bucket,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY r.${spent}) AS first
      FROM metric_replies r ${fr.join}
      WHERE r.org_id = ${s.orgId} AND r.kind = 'first' AND ${within(sql`r.at`, current)} AND ${fr.where}
      GROUP BY 1`);
    const sla = await grouped(sql`SELECT ${b(sql`x.at`)} AS bucket,
        count(*) FILTER (WHERE x.kind = 'met')::int AS met, count(*)::int AS ended
      FROM metrics_sla_events x ${fx.join}
      WHERE x.org_id = ${s.orgId} AND x.kind IN ('met', 'breached') AND ${within(sql`x.at`, current)} AND ${fx.where}
      GROUP BY 1`);
    const csat = await grouped(sql`SELECT ${b(sql`a.created_at`)} AS bucket,
        count(*) FILTER (WHERE a.rating >= 4)::int AS good, count(*)::int AS rated
      FROM metrics_survey_responses a ${fa.join}
      WHERE a.org_id = ${s.orgId} AND ${within(sql`a.created_at`, current)} AND ${fa.where}
      GROUP BY 1`);
    const n = (m: Map<string, Bucketed>, k: string, f: string) => Number(m.get(k)?.[f] ?? 0);
    const points = (await bucketsOf(s, current, q.interval, zone)).map(({ bucket, at }) => ({
      at,
      created: n(created, bucket, "n"),
      solved: n(solved, bucket, "solved"),
      reopened: n(solved, bucket, "reopened"),
      firstReplyMedian: seconds(replies.get(bucket)?.first),
      resolutionMedian: seconds(solved.get(bucket)?.resolution),
      slaAttainment: ratio(n(sla, bucket, "met"), n(sla, bucket, "ended")),
      csat: ratio(n(csat, bucket, "good"), n(csat, bucket, "rated")),
    }));
    return {
      from: current.from.toISOString(),
      to: current.to.toISOString(),
      interval: q.interval,
      timeZone: zone,
      points,
    };
  });
}

/** Every bucket the period touches, as its wall-clock key and the instant it starts. */
export async function bucketsOf(s: OrgTx, p: Period, unit: string, zone: string) {
  return rowsOf<{ bucket: string; at: string }>(
    await s.tx.execute(sql`SELECT to_char(b, 'YYYY-MM-DD"T"HH24:MI:SS') AS bucket,
        to_char((b AT TIME ZONE ${zone}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
      FROM generate_series(
        date_trunc(${unit}, ${p.from.toISOString()}::timestamptz AT TIME ZONE ${zone}),
        (${p.to.toISOString()}::timestamptz - interval '1 millisecond') AT TIME ZONE ${zone},
        ${`1 ${unit}`}::interval) AS b
      ORDER BY b`),
  );
}
