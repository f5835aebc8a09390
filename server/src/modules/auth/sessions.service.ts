import type { Role } from "@frontline/common";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Config } from "../../platform/config";
import type { Actor, Ctx } from "../../platform/context";
import { type Database, rowsOf } from "../../platform/db";
import { domainEvents } from "../../platform/events";
import { newId, randomToken, sha256 } from "../../platform/ids";
import { inOrg } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { USER_ACCESS_CHANGED, USER_DEACTIVATED } from "../staff";
import { apiTokens, sessions } from "./auth.tables";
import { holdSessionsUntilCommitted, sessionCacheOf } from "./session-cache";

/** What a request is authenticated as. */
export interface Authenticated {
  orgId: string;
  actor: Actor;
  csrfToken: string | null;
}

/** Starts a session: a fresh 256-bit token (rotated on every sign-in); only its hash is stored. */
export async function createSession(
  database: Database,
  config: Config,
  init: { orgId: string; userId: string; ip: string | null; userAgent: string | null },
) {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const id = newId();
  await inOrg(database, init.orgId, (s) =>
    s.tx.insert(sessions).values({
      orgId: s.orgId,
      id,
      userId: init.userId,
      tokenHash: sha256(token),
      csrfToken,
      ip: init.ip,
      userAgent: init.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + config.SESSION_MAX_HOURS * 3_600_000),
    }),
  );
  return { id, token, csrfToken };
}

/** The live session for a cookie token, or null when unknown, revoked, idle too long, expired or its user inactive. */
export async function resolveSession(database: Database, config: Config, token: string): Promise<Authenticated | null> {
  const hash = sha256(token);
  const cache = sessionCacheOf<SessionActor>(database);
  // One statement finds the session and its user under the lookup and tenant policies (migration 0030).
  const row = await cache.through(
    hash,
    async () => rowsOf<SessionActor>(await database.db.execute(sql`SELECT * FROM frontline_session_actor(${hash})`))[0],
  );
  const now = Date.now();
  if (!row || row.revoked_at || new Date(row.expires_at).getTime() <= now) return null;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (lastSeen + config.SESSION_IDLE_MINUTES * 60_000 <= now) return null;
  if (!row.user_active) return null;
  // Touch at most once a minute: a write per request would be wasted work.
  if (now - lastSeen > 60_000) {
    await inOrg(database, row.org_id, (s) =>
      s.tx
        .update(sessions)
        .set({ lastSeenAt: new Date(now) })
        .where(and(eq(sessions.orgId, s.orgId), eq(sessions.id, row.session_id))),
    );
    // Read afresh next time, with the new idle clock.
    cache.drop(hash);
  }
  return {
    orgId: row.org_id,
    csrfToken: row.csrf_token,
    actor: { type: "user", userId: row.user_id, name: row.user_name, role: row.user_role, sessionId: row.session_id },
  };
}

/** A row of frontline_session_actor (times arrive as Date or text, depending on the driver). */
interface SessionActor {
  org_id: string;
  session_id: string;
  user_id: string;
  csrf_token: string;
  last_seen_at: Date | string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
  user_name: string;
  user_role: Role;
  user_active: boolean;
}

/** Announced when someone signs out, with how many other sessions of theirs are still live. */
export const SESSION_ENDED = "auth.session_ended";
export interface SessionEnded {
  userId: string;
  liveSessions: number;
}

/** Ends the caller's session on the server. */
export async function endSession(ctx: Ctx): Promise<void> {
  const sessionId = ctx.actor.sessionId;
  const userId = ctx.actor.userId;
  if (!sessionId || !userId) return;
  await inOrg(ctx.database, ctx.orgId, async (s) => {
    const now = new Date();
    await holdSessionsUntilCommitted(s);
    await s.tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.orgId, s.orgId), eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
    await recordAudit(s, ctx, { action: "auth.logout", entityType: "session", entityId: sessionId });
    const idleSince = new Date(now.getTime() - ctx.config.SESSION_IDLE_MINUTES * 60_000);
    const [live] = await s.tx
      .select({ n: sql<number>`count(*)::int` })
      .from(sessions)
      .where(
        and(
          eq(sessions.orgId, s.orgId),
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          gt(sessions.lastSeenAt, idleSince),
        ),
      );
    await domainEvents.emit<SessionEnded>(s, SESSION_ENDED, { userId, liveSessions: Number(live?.n ?? 0) });
  });
}

// A deactivated user's sessions and tokens end in the same transaction as the deactivation.
domainEvents.on<{ userId: string }>(USER_DEACTIVATED, async (s, { userId }) => {
  // The caches were paused by user.access_changed, raised in the same transaction.
  const now = new Date();
  await s.tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.orgId, s.orgId), eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  await s.tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.orgId, s.orgId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
});

// A new name, role or status reaches this process's next request at once (decision 033).
domainEvents.on<{ userId: string }>(USER_ACCESS_CHANGED, (s) => holdSessionsUntilCommitted(s));
