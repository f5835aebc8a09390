import { businessMinutesBetween } from "@frontline/common";
import { and, desc, eq, sql } from "drizzle-orm";
import { rowsOf } from "../../platform/db";
import { newId } from "../../platform/ids";
import type { OrgTx } from "../../platform/tenancy";
import { calendarForTicket } from "../calendars";
import { findCustomer } from "../customers";
import { findTicket, type TicketRow } from "../tickets";
import { metricReplies, metricTicketEvents } from "./metrics.tables";

const DONE = new Set(["solved", "closed"]);

/** Seconds from `from` to `to` around the clock and in the ticket's business hours (all hours when it has none). */
async function durations(s: OrgTx, ticket: TicketRow, from: Date, to: Date) {
  const calendarSeconds = Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  const customer = await findCustomer(s, ticket.requesterId);
  const chosen = await calendarForTicket(
    s,
    { teamId: ticket.teamId, customerTimeZone: customer?.timeZone ?? null },
    to,
  );
  const businessSeconds = chosen
    ? Math.max(0, Math.round(businessMinutesBetween(chosen.spec, from, to) * 60))
    : calendarSeconds;
  return { calendarSeconds, businessSeconds };
}

/**
 * A public reply by a person on staff. The customer has been waiting since their first message
 * after the previous staff reply; the first such answer on a ticket is its first reply, later ones
 * next replies, and a reply nobody was waiting for a follow-up without a duration.
 */
export async function recordReply(s: OrgTx, ticketId: string, messageId: string, agentId: string | null, at: Date) {
  const ticket = await findTicket(s, ticketId);
  if (!ticket) return;
  const [previous] = await s.tx
    .select({ at: metricReplies.at })
    .from(metricReplies)
    .where(and(eq(metricReplies.orgId, s.orgId), eq(metricReplies.ticketId, ticketId)))
    .orderBy(desc(metricReplies.at))
    .limit(1);
  const [firsts] = rowsOf<{ n: number }>(
    await s.tx.execute(sql`SELECT count(*)::int AS n FROM ${metricReplies}
      WHERE org_id = ${s.orgId} AND ticket_id = ${ticketId} AND kind = 'first'`),
  );
  const [waiting] = rowsOf<{ since: Date | string | null }>(
    await s.tx.execute(sql`SELECT min(created_at) AS since FROM metrics_messages
      WHERE org_id = ${s.orgId} AND ticket_id = ${ticketId} AND kind = 'inbound' AND author_type = 'customer'
        AND created_at <= ${at.toISOString()}
        AND created_at > ${(previous?.at ?? new Date(0)).toISOString()}`),
  );
  const since = waiting?.since ? new Date(waiting.since) : null;
  const kind = !since ? "followup" : (firsts?.n ?? 0) === 0 ? "first" : "next";
  const spent = since ? await durations(s, ticket, since, at) : { calendarSeconds: null, businessSeconds: null };
  await s.tx
    .insert(metricReplies)
    .values({ orgId: s.orgId, messageId, ticketId, agentId, kind, at, ...spent })
    .onConflictDoNothing();
}

async function repliesSoFar(s: OrgTx, ticketId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await s.tx.execute(sql`SELECT count(*)::int AS n FROM ${metricReplies}
      WHERE org_id = ${s.orgId} AND ticket_id = ${ticketId}`),
  );
  return row?.n ?? 0;
}

/** A status change: entering solved or closed from work is a solve, leaving them a reopen. */
export async function recordStatusMove(s: OrgTx, before: TicketRow, after: TicketRow) {
  const wasDone = DONE.has(before.status);
  const isDone = DONE.has(after.status);
  if (wasDone === isDone) return;
  const at = after.updatedAt;
  const spent = isDone
    ? { ...(await durations(s, after, after.createdAt, at)), replies: await repliesSoFar(s, after.id) }
    : { calendarSeconds: null, businessSeconds: null, replies: null };
  await s.tx.insert(metricTicketEvents).values({
    orgId: s.orgId,
    id: newId(),
    ticketId: after.id,
    kind: isDone ? "solved" : "reopened",
    at,
    agentId: after.assigneeId,
    ...spent,
  });
}
