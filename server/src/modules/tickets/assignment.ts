import type { TicketStatus } from "@frontline/common";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import type { OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { applyChanges, changedFields } from "./ticket-changes";
import { findTicket, type TicketRow } from "./tickets.queries";
import { tickets } from "./tickets.tables";

// What routing needs of tickets: who carries how much, a team's queue, and a way to hand a ticket
// to someone (or back to the queue) that is announced and audited like any other change.

/**
 * Gives a ticket to `assigneeId`, or back to its team's queue with null, inside the caller's
 * transaction; the change is announced (TICKET_CHANGED) and audited as the actor. Undefined for an
 * unknown ticket; a ticket already there is left as it is.
 */
export async function assignTicket(
  s: OrgTx,
  ctx: Pick<Ctx, "actor" | "requestId" | "ip">,
  ticketId: string,
  assigneeId: string | null,
): Promise<TicketRow | undefined> {
  const before = await findTicket(s, ticketId, true);
  if (!before || before.assigneeId === assigneeId) return before;
  const after = await applyChanges(s, before, { assigneeId });
  const changes = Object.fromEntries(
    changedFields(before, after).map((k) => [k, [before[k], after[k]] as [unknown, unknown]]),
  );
  await recordAudit(s, ctx, { action: "ticket.updated", entityType: "ticket", entityId: ticketId, changes });
  return after;
}

/** Per assignee, how many of their unmerged tickets are in `statuses`: chats apart from everything else. */
export async function assigneeLoads(
  s: OrgTx,
  userIds: readonly string[],
  statuses: readonly TicketStatus[],
): Promise<Map<string, { tickets: number; chats: number }>> {
  if (userIds.length === 0) return new Map();
  const rows = await s.tx
    .select({
      userId: tickets.assigneeId,
      tickets: sql<number>`count(*) FILTER (WHERE ${tickets.channel} <> 'chat')::int`,
      chats: sql<number>`count(*) FILTER (WHERE ${tickets.channel} = 'chat')::int`,
    })
    .from(tickets)
    .where(
      and(
        eq(tickets.orgId, s.orgId),
        inArray(tickets.assigneeId, [...userIds]),
        inArray(tickets.status, [...statuses]),
        isNull(tickets.mergedIntoId),
      ),
    )
    .groupBy(tickets.assigneeId);
  return new Map(rows.map((r) => [r.userId!, { tickets: Number(r.tickets), chats: Number(r.chats) }]));
}

export interface QueueOptions {
  limit: number;
  /** Continue after this ticket (oldest first). */
  after?: { createdAt: Date; id: string };
  /** Lock the tickets for the caller, skipping any another transaction is changing right now. */
  lock?: boolean;
}

/** A team's unassigned, unmerged tickets in `statuses`, oldest first: its queue. */
export async function teamQueue(
  s: OrgTx,
  teamId: string,
  statuses: readonly TicketStatus[],
  opts: QueueOptions,
): Promise<TicketRow[]> {
  const q = s.tx
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.orgId, s.orgId),
        eq(tickets.teamId, teamId),
        isNull(tickets.assigneeId),
        isNull(tickets.mergedIntoId),
        inArray(tickets.status, [...statuses]),
        opts.after
          ? sql`(${tickets.createdAt}, ${tickets.id}) > (${opts.after.createdAt}, ${opts.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(tickets.createdAt), asc(tickets.id))
    .limit(opts.limit);
  return opts.lock ? q.for("update", { skipLocked: true }) : q;
}

/**
 * A person's unmerged tickets in `statuses` within some teams, locked for the caller; tickets another
 * transaction is changing are skipped and counted in `busy`, so the caller can come back for them.
 */
export async function assignedInTeams(
  s: OrgTx,
  userId: string,
  teamIds: readonly string[],
  statuses: readonly TicketStatus[],
): Promise<{ tickets: TicketRow[]; busy: number }> {
  if (teamIds.length === 0) return { tickets: [], busy: 0 };
  const where = and(
    eq(tickets.orgId, s.orgId),
    eq(tickets.assigneeId, userId),
    inArray(tickets.teamId, [...teamIds]),
    inArray(tickets.status, [...statuses]),
    isNull(tickets.mergedIntoId),
  );
  const locked = await s.tx
    .select()
    .from(tickets)
    .where(where)
    .orderBy(asc(tickets.createdAt), asc(tickets.id))
    .for("update", { skipLocked: true });
  const [all] = await s.tx.select({ n: sql<number>`count(*)::int` }).from(tickets).where(where);
  return { tickets: locked, busy: Number(all?.n ?? 0) - locked.length };
}
