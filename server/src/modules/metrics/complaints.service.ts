import type { ComplaintsQuery, ComplaintTrend } from "@frontline/common";
import { sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { rowsOf } from "../../platform/db";
import { inOrgForReports } from "../../platform/tenancy";
import { periodsOf, sliceWhere, toPgArray, within } from "./filter";
import { assertFewBuckets, bucketsOf } from "./series.service";
import { sliceOf } from "./summary.service";
import { viewerZone } from "./viewer";

const TOP_TAGS = 15;
/** A tag is rising when it has at least this many tickets… */
const RISING_MIN = 3;
/** …and at least this many times as many as in the period before. */
const RISING_GROWTH = 1.5;

/**
 * What customers write in about: tickets created per tag and bucket, the busiest tags first, each
 * compared with the period of the same length before; the fastest-rising ones are flagged.
 */
export async function complaintTrend(ctx: Ctx, q: ComplaintsQuery): Promise<ComplaintTrend> {
  const { current, previous } = periodsOf(q);
  assertFewBuckets(current, q.interval);
  return inOrgForReports(ctx.database, ctx.orgId, async (s) => {
    const zone = q.timeZone ?? (await viewerZone(s, ctx));
    const slice = await sliceOf(s, ctx, q);
    const buckets = await bucketsOf(s, current, q.interval, zone);
    const totals = rowsOf<{ tag: string; total: number; previous: number }>(
      await s.tx.execute(sql`SELECT k.tag,
          count(*) FILTER (WHERE ${within(sql`t.created_at`, current)})::int AS total,
          count(*) FILTER (WHERE ${within(sql`t.created_at`, previous)})::int AS previous
        FROM metrics_tickets t CROSS JOIN LATERAL unnest(t.tags) AS k(tag)
        WHERE ${sliceWhere(slice)} AND t.created_at >= ${previous.from.toISOString()}::timestamptz
          AND t.created_at < ${current.to.toISOString()}::timestamptz
        GROUP BY k.tag HAVING count(*) FILTER (WHERE ${within(sql`t.created_at`, current)}) > 0
        ORDER BY 2 DESC, 1 LIMIT ${TOP_TAGS}`),
    );
    const tags = totals.map((r) => r.tag);
    const counts = tags.length
      ? rowsOf<{ tag: string; bucket: string; n: number }>(
          await s.tx.execute(sql`SELECT k.tag,
              to_char(date_trunc(${q.interval}, t.created_at AT TIME ZONE ${zone}), 'YYYY-MM-DD"T"HH24:MI:SS') AS bucket,
              count(*)::int AS n
            FROM metrics_tickets t CROSS JOIN LATERAL unnest(t.tags) AS k(tag)
            WHERE ${sliceWhere(slice)} AND ${within(sql`t.created_at`, current)}
              AND k.tag = ANY(${toPgArray(tags)}::text[])
            GROUP BY 1, 2`),
        )
      : [];
    const cell = new Map(counts.map((c) => [`${c.tag}\u0000${c.bucket}`, c.n]));
    return {
      from: current.from.toISOString(),
      to: current.to.toISOString(),
      interval: q.interval,
      timeZone: zone,
      buckets: buckets.map((b) => b.at),
      tags: totals.map((r) => {
        const growth = r.previous > 0 ? Math.round((r.total / r.previous) * 100) / 100 : null;
        return {
          tag: r.tag,
          total: r.total,
          previous: r.previous,
          counts: buckets.map((b) => cell.get(`${r.tag}\u0000${b.bucket}`) ?? 0),
          growth,
          rising: r.total >= RISING_MIN && (growth === null || growth >= RISING_GROWTH),
        };
      }),
    };
  });
}
