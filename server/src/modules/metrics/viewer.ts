import { sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { rowsOf } from "../../platform/db";
import type { OrgTx } from "../../platform/tenancy";

/** The zone a viewer's days and weeks begin in: their profile's, UTC for API tokens. */
export async function viewerZone(s: OrgTx, ctx: Ctx): Promise<string> {
  if (!ctx.actor.userId) return "UTC";
  const [row] = rowsOf<{ time_zone: string }>(
    await s.tx.execute(sql`SELECT time_zone FROM metrics_staff WHERE org_id = ${s.orgId} AND id = ${ctx.actor.userId}`),
  );
  return row?.time_zone ?? "UTC";
}
