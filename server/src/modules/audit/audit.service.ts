import type { listAuditEventsQuery } from "@frontline/common";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { deferredOnce, placeholders } from "../../platform/built-once";
import type { Ctx } from "../../platform/context";
import { newId } from "../../platform/ids";
import { decodeCursor, pageFrom } from "../../platform/paging";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { auditEvents } from "./audit.tables";

export type AuditRow = typeof auditEvents.$inferSelect;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, [unknown, unknown]>;
}

/** Records one audit event in the caller's transaction, so it commits or rolls back with the change. */
export async function recordAudit(s: OrgTx, ctx: Pick<Ctx, "actor" | "requestId" | "ip">, entry: AuditEntry) {
  // Nobody reads its answer: on a server it travels with the transaction's next statement, usually commit.
  await insertAuditEvent(s.tx, {
    orgId: s.orgId,
    id: newId(),
    action: entry.action,
    actorType: ctx.actor.type,
    actorId: ctx.actor.userId ?? ctx.actor.customerId ?? null,
    actorName: ctx.actor.name,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    changes: entry.changes ?? {},
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
}

const insertAuditEvent = deferredOnce<Omit<AuditRow, "createdAt">>((tx) =>
  tx
    .insert(auditEvents)
    .values(
      placeholders(
        "orgId",
        "id",
        "action",
        "actorType",
        "actorId",
        "actorName",
        "entityType",
        "entityId",
        "changes",
        "requestId",
        "ip",
      ),
    ),
);

/** Field-by-field difference of two snapshots, as `{ field: [before, after] }`. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) out[key] = [a ?? null, b ?? null];
  }
  return out;
}

/** Lists audit events, newest first. */
export async function listAuditEvents(ctx: Ctx, query: z.infer<typeof listAuditEventsQuery>) {
  const conds: SQL[] = [eq(auditEvents.orgId, ctx.orgId)];
  if (query.action) conds.push(eq(auditEvents.action, query.action));
  if (query.actorId) conds.push(eq(auditEvents.actorId, query.actorId));
  if (query.entityType) conds.push(eq(auditEvents.entityType, query.entityType));
  if (query.entityId) conds.push(eq(auditEvents.entityId, query.entityId));
  if (query.cursor) {
    const [id] = decodeCursor(query.cursor, 1);
    conds.push(lt(auditEvents.id, id!));
  }
  const rows = await inOrg(ctx.database, ctx.orgId, ({ tx }) =>
    tx
      .select()
      .from(auditEvents)
      .where(and(...conds))
      .orderBy(desc(auditEvents.id))
      .limit(query.limit + 1),
  );
  return pageFrom(rows, query.limit, (r) => [r.id]);
}
