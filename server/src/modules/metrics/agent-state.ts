import { and, eq, isNull, sql } from "drizzle-orm";
import { rowsOf } from "../../platform/db";
import { newId } from "../../platform/ids";
import type { OrgTx } from "../../platform/tenancy";
import { metricAgentIntervals } from "./metrics.tables";

/**
 * Brings an agent's current interval up to date: their presence now and whether they hold new or
 * open work. When either changed, the current interval ends at `at` and a new one begins. A lock per
 * agent keeps two transactions from both opening one.
 */
export async function refreshAgentState(s: OrgTx, userId: string, at: Date): Promise<void> {
  await s.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`metrics-agent:${s.orgId}:${userId}`}))`);
  const [now] = rowsOf<{ presence: string | null; busy: boolean }>(
    await s.tx.execute(sql`SELECT
      (SELECT presence FROM metrics_staff WHERE org_id = ${s.orgId} AND id = ${userId}) AS presence,
      EXISTS (SELECT 1 FROM metrics_tickets WHERE org_id = ${s.orgId} AND assignee_id = ${userId}
              AND status IN ('new', 'open')) AS busy`),
  );
  const presence = (now?.presence ?? "offline") as "online" | "away" | "offline";
  const busy = Boolean(now?.busy);
  const current = and(
    eq(metricAgentIntervals.orgId, s.orgId),
    eq(metricAgentIntervals.userId, userId),
    isNull(metricAgentIntervals.endedAt),
  );
  const [open] = await s.tx.select().from(metricAgentIntervals).where(current);
  if (open && open.presence === presence && open.busy === busy) return;
  if (!open && presence === "offline" && !busy) return;
  if (open) await s.tx.update(metricAgentIntervals).set({ endedAt: at }).where(current);
  await s.tx
    .insert(metricAgentIntervals)
    .values({ orgId: s.orgId, id: newId(), userId, presence, busy, startedAt: at });
}
