import type { CreateApiTokenInput, Role } from "@frontline/common";
import { and, desc, eq, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { type Database, rowsOf } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { newId, randomToken, sha256 } from "../../platform/ids";
import { decodeCursor, pageFrom } from "../../platform/paging";
import { inOrg } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { apiTokens } from "./auth.tables";
import { holdSessionsUntilCommitted, sessionCacheOf } from "./session-cache";
import type { Authenticated } from "./sessions.service";

export type ApiTokenRow = typeof apiTokens.$inferSelect;

const TOKEN_PREFIX = "flt_";

/** Creates a personal API token; the secret is returned here and never again. */
export async function createApiToken(ctx: Ctx, input: CreateApiTokenInput) {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError("forbidden", "Only a user can own an API token");
  if (input.expiresAt && new Date(input.expiresAt).getTime() <= Date.now()) {
    throw new AppError("validation_failed", "Expiry must be in the future", { expiresAt: ["Must be in the future"] });
  }
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const row = await inOrg(ctx.database, ctx.orgId, async (s) => {
    const [created] = await s.tx
      .insert(apiTokens)
      .values({
        orgId: s.orgId,
        id: newId(),
        userId,
        name: input.name,
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        tokenHash: sha256(token),
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      })
      .returning();
    await recordAudit(s, ctx, {
      action: "api_token.created",
      entityType: "api_token",
      entityId: created!.id,
      changes: { name: [null, input.name] },
    });
    return created!;
  });
  return { row, token };
}

/** Lists tokens: one's own, or every token of the organisation for an admin asking for all. */
export async function listApiTokens(ctx: Ctx, q: { limit: number; cursor?: string | undefined; all: boolean }) {
  const conds: SQL[] = [eq(apiTokens.orgId, ctx.orgId)];
  if (!(q.all && ctx.actor.role === "admin")) conds.push(eq(apiTokens.userId, ctx.actor.userId ?? sql`NULL`));
  if (q.cursor) conds.push(lt(apiTokens.id, decodeCursor(q.cursor, 1)[0]!));
  const rows = await inOrg(ctx.database, ctx.orgId, ({ tx }) =>
    tx
      .select()
      .from(apiTokens)
      .where(and(...conds))
      .orderBy(desc(apiTokens.id))
      .limit(q.limit + 1),
  );
  return pageFrom(rows, q.limit, (r) => [r.id]);
}

/** Revokes a token: its owner or an admin may; anyone else gets 404 as if it did not exist. */
export async function revokeApiToken(ctx: Ctx, id: string): Promise<void> {
  await inOrg(ctx.database, ctx.orgId, async (s) => {
    const [row] = await s.tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.orgId, s.orgId), eq(apiTokens.id, id)));
    if (!row || (row.userId !== ctx.actor.userId && ctx.actor.role !== "admin")) throw notFound("API token");
    if (row.revokedAt) return;
    await holdSessionsUntilCommitted(s);
    await s.tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.orgId, s.orgId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
    await recordAudit(s, ctx, { action: "api_token.revoked", entityType: "api_token", entityId: id });
  });
}

/** The actor behind a bearer token, or null when unknown, revoked, expired or its user inactive. */
export async function resolveApiToken(database: Database, token: string): Promise<Authenticated | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const hash = sha256(token);
  const cache = sessionCacheOf<TokenActor>(database, "token");
  // One statement finds the token and its user under the lookup and tenant policies (migration 0030).
  const row = await cache.through(
    hash,
    async () => rowsOf<TokenActor>(await database.db.execute(sql`SELECT * FROM frontline_api_token_actor(${hash})`))[0],
  );
  const now = Date.now();
  if (!row || row.revoked_at || (row.expires_at && new Date(row.expires_at).getTime() <= now)) return null;
  if (!row.user_active) return null;
  if (!row.last_used_at || now - new Date(row.last_used_at).getTime() > 60_000) {
    await inOrg(database, row.org_id, (s) =>
      s.tx
        .update(apiTokens)
        .set({ lastUsedAt: new Date(now) })
        .where(and(eq(apiTokens.orgId, s.orgId), eq(apiTokens.id, row.token_id))),
    );
    // Read afresh next time, with the new time of use.
    cache.drop(hash);
  }
  return {
    orgId: row.org_id,
    csrfToken: null,
    actor: { type: "api_token", userId: row.user_id, name: row.user_name, role: row.user_role, tokenId: row.token_id },
  };
}

/** A row of frontline_api_token_actor (times arrive as Date or text, depending on the driver). */
interface TokenActor {
  org_id: string;
  token_id: string;
  user_id: string;
  last_used_at: Date | string | null;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
  user_name: string;
  user_role: Role;
  user_active: boolean;
}
