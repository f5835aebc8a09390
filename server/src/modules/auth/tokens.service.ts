import type { CreateApiTokenInput } from "@frontline/common";
import { and, desc, eq, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import type { Database } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { newId, randomToken, sha256 } from "../../platform/ids";
import { decodeCursor, pageFrom } from "../../platform/paging";
import { inLookup, inOrg } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { activeUser } from "../staff";
import { apiTokens } from "./auth.tables";
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
  const tokenHash = sha256(token);
  return inLookup(database, { apiTokenHash: tokenHash }, async (tx) => {
    const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).limit(1);
    const now = Date.now();
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now)) return null;
    await tx.execute(sql`SELECT set_config('app.org_id', ${row.orgId}, true)`);
    const user = await activeUser({ tx, orgId: row.orgId }, row.userId);
    if (!user) return null;
    if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > 60_000) {
      await tx
        .update(apiTokens)
        .set({ lastUsedAt: new Date(now) })
        .where(and(eq(apiTokens.orgId, row.orgId), eq(apiTokens.id, row.id)));
    }
    return {
      orgId: row.orgId,
      csrfToken: null,
      actor: { type: "api_token", userId: user.id, name: user.name, role: user.role, tokenId: row.id },
    };
  });
}
