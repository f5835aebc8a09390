import { sql } from "drizzle-orm";
import { rowsOf } from "../../platform/db";
import type { OrgTx } from "../../platform/tenancy";
import { type Period, ratio, toPgArray } from "./filter";

/**
 * Occupancy per agent: of the time they were online in the period, the share they held new or open
 * work (metric_agent_intervals). Null for an agent never online in it.
 */
export async function occupancyOf(s: OrgTx, p: Period, userIds: string[]): Promise<Map<string, number | null>> {
  if (userIds.length === 0) return new Map();
  const from = p.from.toISOString();
  const to = p.to.toISOString();
  const overlap = sql`extract(epoch FROM (least(coalesce(i.ended_at, now()), ${to}::timestamptz)
    - greatest(i.started_at, ${from}::timestamptz)))`;
  const rows = rowsOf<{ user_id: string; online: number | null; busy: number | null }>(
    await s.tx.execute(sql`SELECT i.user_id::text AS user_id,
        sum(${overlap}) FILTER (WHERE i.presence = 'online') AS online,
        sum(${overlap}) FILTER (WHERE i.presence = 'online' AND i.busy) AS busy
      FROM metric_agent_intervals i
      WHERE i.org_id = ${s.orgId} AND i.user_id = ANY(${toPgArray(userIds)}::uuid[])
        AND i.started_at < ${to}::timestamptz AND coalesce(i.ended_at, now()) > ${from}::timestamptz
      GROUP BY i.user_id`),
  );
  return new Map(rows.map((r) => [r.user_id, ratio(Number(r.busy ?? 0), Number(r.online ?? 0))]));
}
