import { and, eq, inArray } from "drizzle-orm";
import type { Actor, Ctx } from "../../platform/context";
import { inOrg } from "../../platform/tenancy";
import { activeUsersByIds } from "../staff";
import { apiTokens, sessions } from "./auth.tables";

type RecheckCtx = Pick<Ctx, "database" | "config" | "orgId">;

/**
 * The caller of a long-lived request (a live stream) as they stand now: the checks that sign in
 * every request (session not revoked, idle too long or expired; token not revoked or expired; user
 * still active), by the session's or token's id, with name and role read afresh. Null once one
 * fails. Watching is not activity: this never moves the session's idle clock.
 */
export async function currentActor(ctx: RecheckCtx & Pick<Ctx, "actor">): Promise<Actor | null> {
  const [now] = await currentActors(ctx, [ctx.actor]);
  return now ?? null;
}

/**
 * currentActor for many callers of one organisation at once (the watchers of a live floor woken
 * by the same change), in one transaction of three queries whatever their number: `[i]` answers `actors[i]`.
 */
export async function currentActors(ctx: RecheckCtx, actors: readonly Actor[]): Promise<(Actor | null)[]> {
  const sessionIds = [...new Set(actors.flatMap((a) => (a.sessionId ? [a.sessionId] : [])))];
  const tokenIds = [...new Set(actors.flatMap((a) => (!a.sessionId && a.tokenId ? [a.tokenId] : [])))];
  const userIds = [...new Set(actors.flatMap((a) => (a.userId ? [a.userId] : [])))];
  if (userIds.length === 0) return actors.map(() => null);
  const { config } = ctx;
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const now = Date.now();
    const liveSessions = new Set(
      sessionIds.length === 0
        ? []
        : (
            await s.tx
              .select()
              .from(sessions)
              .where(and(eq(sessions.orgId, s.orgId), inArray(sessions.id, sessionIds)))
          )
            .filter(
              (row) =>
                !row.revokedAt &&
                row.expiresAt.getTime() > now &&
                row.lastSeenAt.getTime() + config.SESSION_IDLE_MINUTES * 60_000 > now,
            )
            .map((row) => row.id),
    );
    const liveTokens = new Set(
      tokenIds.length === 0
        ? []
        : (
            await s.tx
              .select()
              .from(apiTokens)
              .where(and(eq(apiTokens.orgId, s.orgId), inArray(apiTokens.id, tokenIds)))
          )
            .filter((row) => !row.revokedAt && !(row.expiresAt && row.expiresAt.getTime() <= now))
            .map((row) => row.id),
    );
    const people = await activeUsersByIds(s, userIds);
    return actors.map((actor) => {
      if (!actor.userId || (!actor.sessionId && !actor.tokenId)) return null;
      const credentialLive = actor.sessionId ? liveSessions.has(actor.sessionId) : liveTokens.has(actor.tokenId!);
      const user = people.get(actor.userId);
      return credentialLive && user ? { ...actor, name: user.name, role: user.role } : null;
    });
  });
}
