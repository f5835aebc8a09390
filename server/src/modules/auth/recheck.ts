import { and, eq } from "drizzle-orm";
import type { Actor, Ctx } from "../../platform/context";
import { inOrg } from "../../platform/tenancy";
import { activeUser } from "../staff";
import { apiTokens, sessions } from "./auth.tables";

/**
 * The caller of a long-lived request (a live stream) as they stand now: the checks that sign in
 * every request (session not revoked, idle too long or expired; token not revoked or expired; user
 * still active), by the session's or token's id, with name and role read afresh. Null once one
 * fails. Watching is not activity: this never moves the session's idle clock.
 */
export async function currentActor(ctx: Pick<Ctx, "database" | "config" | "orgId" | "actor">): Promise<Actor | null> {
  const { actor, config } = ctx;
  if (!actor.userId || (!actor.sessionId && !actor.tokenId)) return null;
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const now = Date.now();
    if (actor.sessionId) {
      const [row] = await s.tx
        .select()
        .from(sessions)
        .where(and(eq(sessions.orgId, s.orgId), eq(sessions.id, actor.sessionId)));
      if (!row || row.revokedAt || row.expiresAt.getTime() <= now) return null;
      if (row.lastSeenAt.getTime() + config.SESSION_IDLE_MINUTES * 60_000 <= now) return null;
    } else {
      const [row] = await s.tx
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.orgId, s.orgId), eq(apiTokens.id, actor.tokenId!)));
      if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now)) return null;
    }
    const user = await activeUser(s, actor.userId!);
    return user ? { ...actor, name: user.name, role: user.role } : null;
  });
}
