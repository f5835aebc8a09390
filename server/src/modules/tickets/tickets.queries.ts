import { and, asc, eq, gt, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import { builtOnce, deferredOnce, placeholders, placeholdersToSet } from "../../platform/built-once";
import type { Tx } from "../../platform/db";
import type { OrgTx } from "../../platform/tenancy";
import { ticketCounters, tickets } from "./tickets.tables";

export type TicketRow = typeof tickets.$inferSelect;

/**
 * One ticket of the organisation, or undefined; `forUpdate` locks its row until the transaction ends.
 * A row this transaction already holds locked (it wrote it, or read it for update) is answered from
 * memory either way: nobody else can have changed it since.
 */
export async function findTicket(s: OrgTx, id: string, forUpdate = false): Promise<TicketRow | undefined> {
  const hit = readIn.get(s.tx)?.get(id);
  if (hit && (hit.locked || !forUpdate)) return { ...hit.row };
  const [row] = await (forUpdate ? ticketByIdLocked : ticketById)(s.tx, { org: s.orgId, id });
  if (row) rememberTicket(s, row, forUpdate);
  return row ? { ...row } : row;
}

const byId = (tx: Tx) =>
  tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.orgId, sql.placeholder("org")), eq(tickets.id, sql.placeholder("id"))));
const ticketById = builtOnce(byId);
const ticketByIdLocked = builtOnce((tx) => byId(tx).for("update"));

// The tickets this transaction has read, by id: the modules reacting to one change ask for the same
// ticket several times. Every write to `tickets` (all of them are in this module) forgets the row or
// remembers what the write returned, so no read after a write answers from before it. Keyed by the
// transaction object, a memory lives exactly as long as its transaction. A row the transaction wrote
// or locked stays locked to it until it ends (no savepoint gives a lock back: none are used).
const readIn = new WeakMap<object, Map<string, { row: TicketRow; locked: boolean }>>();

/**
 * Keeps a ticket's row as this transaction now sees it (read, or returned by a write); `locked` when
 * the transaction holds the row's lock: it wrote the row or read it for update.
 */
export function rememberTicket(s: OrgTx, row: TicketRow, locked = false): void {
  let known = readIn.get(s.tx);
  if (!known) {
    known = new Map();
    readIn.set(s.tx, known);
  }
  known.set(row.id, { row: { ...row }, locked });
}

/** Forgets a ticket this transaction changed without reading it back (every ticket without an id). */
export function forgetTicket(s: OrgTx, id?: string): void {
  const known = readIn.get(s.tx);
  if (id === undefined) known?.clear();
  else known?.delete(id);
}

/** Tickets of the organisation by id (those that exist), e.g. to name the tickets of a list. */
export async function ticketsByIds(s: OrgTx, ids: readonly string[]): Promise<Map<string, TicketRow>> {
  if (ids.length === 0) return new Map();
  const rows = await s.tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.orgId, s.orgId), inArray(tickets.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

// What a new ticket is given; the other columns start at their defaults.
const NEW_TICKET = [
  "orgId",
  "id",
  "subject",
  "status",
  "priority",
  "channel",
  "requesterId",
  "assigneeId",
  "teamId",
  "tags",
  "customFields",
  "language",
  "createdAt",
  "updatedAt",
  "lastMessageAt",
] as const;
export type NewTicket = Pick<TicketRow, (typeof NEW_TICKET)[number]>;

/**
 * Inserts a new ticket with the organisation's next number, taken in the same statement (the
 * counter's row lock orders concurrent creations; one round trip instead of two).
 */
export async function insertNumberedTicket(s: OrgTx, values: NewTicket): Promise<TicketRow> {
  const [row] = await numberedInsert(s.tx, values);
  return row!;
}

const numberedInsert = builtOnce((tx) => {
  const taken = tx.$with("taken", { next: ticketCounters.next }).as(
    sql`INSERT INTO ${ticketCounters} (org_id, next) VALUES (${sql.placeholder("orgId")}, 2)
      ON CONFLICT (org_id) DO UPDATE SET next = ${ticketCounters}.next + 1 RETURNING next`,
  );
  return tx
    .with(taken)
    .insert(tickets)
    .values({ ...placeholders(...NEW_TICKET), number: sql`(SELECT next - 1 FROM ${taken})` })
    .returning();
});

/** A ticket by its number in the organisation, locked for the caller's change. */
export async function ticketByNumber(s: OrgTx, number: number): Promise<TicketRow | undefined> {
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return undefined;
  const [row] = await s.tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.orgId, s.orgId), eq(tickets.number, number)))
    .for("update");
  return row;
}

/**
 * Records what the SLA clocks say of a ticket, for the inbox to sort and flag by: derived data,
 * so neither the ticket's activity time nor its change events move.
 */
export async function setSlaSummary(
  s: OrgTx,
  ticketId: string,
  summary: { dueAt: Date | null; breached: boolean },
): Promise<void> {
  // What the write sets is all it changes (tickets have no triggers): a remembered row is kept,
  // changed the same way, so the read that usually follows needs no round trip.
  const known = readIn.get(s.tx)?.get(ticketId);
  if (known) rememberTicket(s, { ...known.row, slaDueAt: summary.dueAt, slaBreached: summary.breached }, true);
  // Nobody reads its answer: it travels with the next statement, which sees it (decision 031).
  await slaSummaryWrite(s.tx, { org: s.orgId, id: ticketId, slaDueAt: summary.dueAt, slaBreached: summary.breached });
}

const slaSummaryWrite = deferredOnce<{ org: string; id: string; slaDueAt: Date | null; slaBreached: boolean }>((tx) =>
  tx
    .update(tickets)
    .set(placeholdersToSet<TicketRow>("slaDueAt", "slaBreached"))
    .where(and(eq(tickets.orgId, sql.placeholder("org")), eq(tickets.id, sql.placeholder("id")))),
);

/** Ids of the tickets that are neither closed nor merged, in id order after `after`, a page at a time. */
export async function liveTicketIds(s: OrgTx, after: string | null, limit: number): Promise<string[]> {
  const rows = await s.tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(
      and(
        eq(tickets.orgId, s.orgId),
        ne(tickets.status, "closed"),
        isNull(tickets.mergedIntoId),
        after ? gt(tickets.id, after) : undefined,
      ),
    )
    .orderBy(asc(tickets.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * How many tickets a requester opened in each window of `days` days before `now`, leaving out one
 * ticket (the one a rule looks at) and merged ones (their conversation lives on in another).
 */
export async function requesterTicketCounts(
  s: OrgTx,
  requesterId: string,
  exceptTicketId: string,
  now: Date,
  days: readonly number[],
): Promise<Record<number, number>> {
  const counts: Record<number, number> = {};
  for (const d of new Set(days)) {
    const [row] = await s.tx
      .select({ n: sql<number>`count(*)::int` })
      .from(tickets)
      .where(
        and(
          eq(tickets.orgId, s.orgId),
          eq(tickets.requesterId, requesterId),
          ne(tickets.id, exceptTicketId),
          isNull(tickets.mergedIntoId),
          gt(tickets.createdAt, new Date(now.getTime() - d * 86_400_000)),
          lte(tickets.createdAt, now),
        ),
      );
    counts[d] = row?.n ?? 0;
  }
  return counts;
}
