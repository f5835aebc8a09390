import type { ListEscalationsQuery } from "@frontline/common";
import { and, asc, desc, eq, inArray, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import { cursorTime, decodeCursor, pageFrom } from "../../platform/paging";
import type { OrgTx } from "../../platform/tenancy";
import { escalations } from "./escalations.tables";

export type EscalationRow = typeof escalations.$inferSelect;

const ofOrg = (s: OrgTx) => eq(escalations.orgId, s.orgId);

/** One escalation of the organisation, optionally locked for the caller's change. */
export async function findEscalation(s: OrgTx, id: string, forUpdate = false): Promise<EscalationRow | undefined> {
  const q = s.tx
    .select()
    .from(escalations)
    .where(and(ofOrg(s), eq(escalations.id, id)));
  const [row] = forUpdate ? await q.for("update") : await q;
  return row;
}

/** Where an escalation stands now (open, taken, resolved), or undefined for an unknown id. */
export async function escalationStatus(s: OrgTx, id: string): Promise<EscalationRow["status"] | undefined> {
  return (await findEscalation(s, id))?.status;
}

/** A ticket's escalations still open or taken, highest level first. */
export async function activeEscalations(s: OrgTx, ticketId: string): Promise<EscalationRow[]> {
  return s.tx
    .select()
    .from(escalations)
    .where(and(ofOrg(s), eq(escalations.ticketId, ticketId), ne(escalations.status, "resolved")))
    .orderBy(desc(escalations.level), asc(escalations.createdAt));
}

/** Which of these tickets have an escalation still open or taken. */
export async function ticketsWithActiveEscalations(s: OrgTx, ticketIds: readonly string[]): Promise<Set<string>> {
  if (ticketIds.length === 0) return new Set();
  const rows = await s.tx
    .selectDistinct({ ticketId: escalations.ticketId })
    .from(escalations)
    .where(and(ofOrg(s), inArray(escalations.ticketId, [...ticketIds]), ne(escalations.status, "resolved")));
  return new Set(rows.map((r) => r.ticketId));
}

/** Escalations nobody has taken yet, oldest first (at most `limit`): the queue as it stands. */
export async function waitingEscalations(
  s: OrgTx,
  limit = 1000,
): Promise<Pick<EscalationRow, "id" | "ticketId" | "level" | "createdAt">[]> {
  return s.tx
    .select({
      id: escalations.id,
      ticketId: escalations.ticketId,
      level: escalations.level,
      createdAt: escalations.createdAt,
    })
    .from(escalations)
    .where(and(ofOrg(s), eq(escalations.status, "open")))
    .orderBy(asc(escalations.createdAt), asc(escalations.id))
    .limit(limit);
}

/** A ticket's escalations, newest first. */
export async function escalationsOfTicket(s: OrgTx, ticketId: string): Promise<EscalationRow[]> {
  return s.tx
    .select()
    .from(escalations)
    .where(and(ofOrg(s), eq(escalations.ticketId, ticketId)))
    .orderBy(desc(escalations.createdAt), desc(escalations.id));
}

/** Whose an escalation is: whoever took it, or else whom it was handed to by name. */
function assignedTo(userId: string | null): SQL | undefined {
  if (userId === null) return and(isNull(escalations.takenByUserId), isNull(escalations.toUserId));
  return or(
    eq(escalations.takenByUserId, userId),
    and(isNull(escalations.takenByUserId), eq(escalations.toUserId, userId)),
  );
}

/**
 * A page of escalations with the list's filters; `onlyRaisedBy` limits it to one person's own
 * (an agent sees the escalations they raised). Oldest first by default: the queue's longest wait on top.
 */
export async function selectEscalations(
  s: OrgTx,
  q: ListEscalationsQuery,
  me: string | null,
  onlyRaisedBy: string | null | undefined,
) {
  const newest = q.sort === "newest";
  const conds: (SQL | undefined)[] = [
    ofOrg(s),
    q.status ? inArray(escalations.status, q.status) : undefined,
    q.type ? eq(escalations.type, q.type) : undefined,
    q.ticketId ? eq(escalations.ticketId, q.ticketId) : undefined,
    onlyRaisedBy !== undefined
      ? onlyRaisedBy === null
        ? sql`false`
        : eq(escalations.createdByUserId, onlyRaisedBy)
      : undefined,
  ];
  if (q.assignedTo === "none") conds.push(assignedTo(null));
  else if (q.assignedTo === "me") conds.push(me ? assignedTo(me) : sql`false`);
  else if (q.assignedTo) conds.push(assignedTo(q.assignedTo));
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 2);
    const when = cursorTime(at!);
    conds.push(
      newest
        ? sql`(${escalations.createdAt}, ${escalations.id}) < (${when}, ${id}::uuid)`
        : sql`(${escalations.createdAt}, ${escalations.id}) > (${when}, ${id}::uuid)`,
    );
  }
  const rows = await s.tx
    .select()
    .from(escalations)
    .where(and(...conds))
    .orderBy(
      ...(newest
        ? [desc(escalations.createdAt), desc(escalations.id)]
        : [asc(escalations.createdAt), asc(escalations.id)]),
    )
    .limit(q.limit + 1);
  return pageFrom(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
}
