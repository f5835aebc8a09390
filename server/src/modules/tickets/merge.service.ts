import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { domainEvents } from "../../platform/events";
import { inOrg } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { CUSTOMER_MERGED, type CustomerMerged } from "../customers";
import { insertMessage } from "./messages.service";
import { TICKET_CHANGED, type TicketChanged } from "./ticket-events";
import { findTicket, forgetTicket, type TicketRow } from "./tickets.queries";
import { messages, tickets } from "./tickets.tables";

/**
 * Merges `sourceId` into `targetId`: the source's messages move to the target in their own order, the
 * source closes with a pointer to the target, and a note on each says what happened.
 */
export async function mergeTickets(ctx: Ctx, targetId: string, sourceId: string): Promise<TicketRow> {
  if (targetId === sourceId) {
    throw new AppError("validation_failed", "A ticket cannot be merged into itself", {
      sourceId: ["Same as the target"],
    });
  }
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const target = await findTicket(s, targetId, true);
    if (!target) throw notFound("Ticket");
    const source = await findTicket(s, sourceId, true);
    if (!source) throw new AppError("unprocessable", "Unknown ticket", { sourceId: ["Unknown ticket"] });
    if (target.mergedIntoId || source.mergedIntoId)
      throw new AppError("conflict", "One of these tickets was already merged");
    if (target.status === "closed") throw new AppError("conflict", "A closed ticket cannot take in another");
    await s.tx
      .update(messages)
      .set({ ticketId: targetId })
      .where(and(eq(messages.orgId, s.orgId), eq(messages.ticketId, sourceId)));
    const now = new Date();
    forgetTicket(s, sourceId);
    const [closed] = await s.tx
      .update(tickets)
      .set({
        status: "closed",
        mergedIntoId: targetId,
        closedAt: now,
        solvedAt: source.solvedAt ?? now,
        updatedAt: now,
      })
      .where(and(eq(tickets.orgId, s.orgId), eq(tickets.id, sourceId)))
      .returning();
    // Closing the source is a change like any other: its assignee has room again, its clocks stop.
    await domainEvents.emit<TicketChanged>(s, TICKET_CHANGED, { before: source, after: closed! });
    const system = { type: "system" as const, id: null };
    await insertMessage(s, {
      ticketId: targetId,
      kind: "note",
      channel: target.channel,
      author: system,
      body: `Ticket #${source.number} was merged into this ticket.`,
      meta: { mergedFrom: sourceId },
    });
    await insertMessage(s, {
      ticketId: sourceId,
      kind: "note",
      channel: source.channel,
      author: system,
      body: `This ticket was merged into #${target.number}.`,
      meta: { mergedInto: targetId },
    });
    await recordAudit(s, ctx, {
      action: "ticket.merged",
      entityType: "ticket",
      entityId: targetId,
      changes: { mergedFrom: [null, sourceId] },
    });
    return (await findTicket(s, targetId))!;
  });
}

// When two customers become one, their tickets follow the survivor.
domainEvents.on<CustomerMerged>(CUSTOMER_MERGED, async (s, { sourceId, targetId }) => {
  forgetTicket(s);
  await s.tx
    .update(tickets)
    .set({ requesterId: targetId })
    .where(and(eq(tickets.orgId, s.orgId), eq(tickets.requesterId, sourceId)));
  await s.tx
    .update(messages)
    .set({ authorCustomerId: targetId })
    .where(and(eq(messages.orgId, s.orgId), eq(messages.authorCustomerId, sourceId)));
});
