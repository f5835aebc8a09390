import { and, eq, lt, sql } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { AppError } from "./errors";
import type { AppEnv } from "./http";
import { idempotencyKeys } from "./idempotency.tables";
import { sha256 } from "./ids";
import { inOrg } from "./tenancy";

const KEEP_HOURS = 24;

/**
 * Makes a write safe to retry: the first request with an `Idempotency-Key` runs and its answer is kept
 * for 24 hours; a repeat with the same body gets that answer again (marked `Idempotent-Replayed: true`),
 * one with another body is refused, and one arriving while the first still runs is told to wait.
 * Server errors are not kept, so the client can retry them.
 */
export function idempotent(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header("idempotency-key");
    const auth = c.get("auth");
    if (key === undefined || !auth || c.req.method === "GET" || c.req.method === "HEAD") return next();
    if (key.length < 1 || key.length > 255) {
      throw new AppError("validation_failed", "Idempotency-Key must be 1 to 255 characters", {
        "Idempotency-Key": ["1 to 255 characters"],
      });
    }
    const { database } = c.get("deps");
    const keyHash = sha256(`${c.req.method} ${c.req.routePath} ${key}`);
    const requestHash = sha256(await c.req.text());
    const claim = await inOrg(database, auth.orgId, async ({ tx, orgId }) => {
      await tx
        .delete(idempotencyKeys)
        .where(
          and(
            eq(idempotencyKeys.orgId, orgId),
            eq(idempotencyKeys.keyHash, keyHash),
            lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${KEEP_HOURS})`),
          ),
        );
      const inserted = await tx
        .insert(idempotencyKeys)
        .values({ orgId, keyHash, requestHash })
        .onConflictDoNothing()
        .returning({ keyHash: idempotencyKeys.keyHash });
      if (inserted.length) return { fresh: true as const };
      const [row] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.keyHash, keyHash)));
      return { fresh: false as const, row: row! };
    });
    if (!claim.fresh) {
      const { row } = claim;
      if (row.requestHash !== requestHash) {
        throw new AppError("unprocessable", "This Idempotency-Key was used for a different request", {
          "Idempotency-Key": ["Already used with another body"],
        });
      }
      if (row.status === null) throw new AppError("conflict", "A request with this Idempotency-Key is still running");
      return c.json(row.body, row.status as 200, { "Idempotent-Replayed": "true" });
    }
    await next();
    await inOrg(database, auth.orgId, async ({ tx, orgId }) => {
      const where = and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.keyHash, keyHash));
      if (c.res.status >= 500) {
        await tx.delete(idempotencyKeys).where(where);
        return;
      }
      const body = await c.res
        .clone()
        .json()
        .catch(() => null);
      await tx.update(idempotencyKeys).set({ status: c.res.status, body }).where(where);
    });
  };
}
