import type { TicketStatus } from "@frontline/common";
import { and, asc, desc, eq, gt, inArray, isNull, lte, notInArray, sql } from "drizzle-orm";
import type { OrgTx } from "../../platform/tenancy";
import type { TicketRow } from "./tickets.queries";
import { tickets } from "./tickets.tables";

// What a live view of the floor needs of tickets, in one pass each: how many wait in each team's
// queue and for how long, and which promises are about to be or were missed (read from the SLA
// summary the SLA module keeps on the ticket, so no SLA table is read here).

/** One team's open tickets of one channel, counted. */
export interface TeamChannelCounts {
  teamId: string;
  channel: TicketRow["channel"];
  /** Unassigned tickets in the queue's statuses. */
  waiting: number;
  /** When the oldest of those was opened. */
  oldestWaitingSince: Date | null;
  /** Open tickets whose next promise falls due by the horizon (or is overdue, not yet recorded missed). */
  atRisk: number;
  /** Open tickets with a promise missed. */
  breached: number;
}

/**
 * Per team and channel, the open (not solved or closed), unmerged tickets of some teams, counted:
 * the queue (unassigned, in `queueStatuses`), promises due by `horizon` and promises missed. Also
 * when the next promise beyond the horizon enters it: when these counts change by the clock alone.
 */
export async function teamFloorCounts(
  s: OrgTx,
  teamIds: readonly string[],
  queueStatuses: readonly TicketStatus[],
  horizon: Date,
): Promise<{ rows: TeamChannelCounts[]; nextDueAfterHorizon: Date | null }> {
  if (teamIds.length === 0) return { rows: [], nextDueAfterHorizon: null };
  const queued = and(isNull(tickets.assigneeId), inArray(tickets.status, [...queueStatuses]));
  const rows = await s.tx
    .select({
      teamId: sql<string>`${tickets.teamId}`,
      channel: tickets.channel,
      waiting: sql<number>`count(*) FILTER (WHERE ${queued})::int`,
      oldestWaitingSince: sql<Date | null>`min(${tickets.createdAt}) FILTER (WHERE ${queued})`.mapWith(
        tickets.createdAt,
      ),
      atRisk: sql<number>`count(*) FILTER (WHERE ${lte(tickets.slaDueAt, horizon)})::int`,
      breached: sql<number>`count(*) FILTER (WHERE ${tickets.slaBreached})::int`,
      nextDue: sql<Date | null>`min(${tickets.slaDueAt}) FILTER (WHERE ${gt(tickets.slaDueAt, horizon)})`.mapWith(
        tickets.slaDueAt,
      ),
    })
    .from(tickets)
    .where(
      and(
        eq(tickets.orgId, s.orgId),
        inArray(tickets.teamId, [...teamIds]),
        isNull(tickets.mergedIntoId),
        notInArray(tickets.status, ["solved", "closed"]),
      ),
    )
    .groupBy(tickets.teamId, tickets.channel)
    .orderBy(asc(tickets.teamId), asc(tickets.channel));
  const next = rows
    .map((r) => r.nextDue)
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return {
    rows: rows.map(({ nextDue: _, ...r }) => ({
      ...r,
      waiting: Number(r.waiting),
      atRisk: Number(r.atRisk),
      breached: Number(r.breached),
    })),
    nextDueAfterHorizon: next ?? null,
  };
}

/**
 * For each person, the unmerged ticket in `statuses` they hold that changed or heard from last:
 * what they are most likely working on now.
 */
export async function latestTouchedTickets(
  s: OrgTx,
  userIds: readonly string[],
  statuses: readonly TicketStatus[],
): Promise<Map<string, Pick<TicketRow, "id" | "number" | "subject">>> {
  if (userIds.length === 0) return new Map();
  const rows = await s.tx
    .selectDistinctOn([tickets.assigneeId], {
      userId: sql<string>`${tickets.assigneeId}`,
      id: tickets.id,
      number: tickets.number,
      subject: tickets.subject,
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
    .orderBy(asc(tickets.assigneeId), desc(tickets.updatedAt), desc(tickets.id));
  return new Map(rows.map(({ userId, ...t }) => [userId, t]));
}
