import { type MetricsQuery, roleAtLeast } from "@frontline/common";
import { sql } from "drizzle-orm";
import type { Actor } from "../../platform/context";
import { rowsOf } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { OrgTx } from "../../platform/tenancy";

/**
 * Whose numbers a viewer may see: agents their own, supervisors their teams', managers and admins
 * everyone's. `agentId` set means only that agent's work; `teamIds` set means only those teams.
 */
export interface Scope {
  agentId?: string;
  teamIds?: string[];
}

/** The filter the viewer asked for, narrowed to what their role allows; 403 for a slice beyond it. */
export async function scopeFor(s: OrgTx, actor: Actor, q: Pick<MetricsQuery, "agentId" | "teamId">): Promise<Scope> {
  const asked: Scope = {
    ...(q.agentId ? { agentId: q.agentId } : {}),
    ...(q.teamId ? { teamIds: [q.teamId] } : {}),
  };
  if (roleAtLeast(actor.role, "manager")) return asked;
  if (!actor.userId) throw new AppError("forbidden", "Team and personal figures need a person's sign-in");
  if (actor.role === "agent") {
    if (q.agentId && q.agentId !== actor.userId) throw new AppError("forbidden", "Agents see their own figures");
    return { ...asked, agentId: actor.userId };
  }
  const mine = rowsOf<{ team_id: string }>(
    await s.tx.execute(
      sql`SELECT team_id FROM metrics_team_members WHERE org_id = ${s.orgId} AND user_id = ${actor.userId}`,
    ),
  ).map((r) => r.team_id);
  if (q.teamId && !mine.includes(q.teamId)) throw new AppError("forbidden", "Supervisors see their own teams");
  return { ...asked, teamIds: q.teamId ? [q.teamId] : mine };
}
