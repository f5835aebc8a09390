import { statusOnAgentReply } from "@frontline/common";
import type { Ctx } from "../../platform/context";
import { domainEvents } from "../../platform/events";
import type { OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { insertMessage, TICKET_REPLY_ADDED, type TicketReplyAdded } from "./messages.service";
import { applyChanges } from "./ticket-changes";
import { findTicket } from "./tickets.queries";

/**
 * A public reply or an internal note written by Frontline itself (a rule, an automation), inside the
 * caller's transaction: a reply is mailed like an agent's and opens a new ticket, a note stays inside.
 * Closed or merged tickets take nothing; the answer says whether the message was written.
 */
export async function addSystemMessage(
  s: OrgTx,
  ctx: Pick<Ctx, "actor" | "requestId" | "ip">,
  ticketId: string,
  input: { kind: "reply" | "note"; body: string },
): Promise<string | null> {
  const ticket = await findTicket(s, ticketId, true);
  if (!ticket || ticket.status === "closed" || ticket.mergedIntoId) return null;
  const id = await insertMessage(s, {
    ticketId,
    kind: input.kind,
    channel: ticket.channel,
    author: { type: "system", id: null },
    body: input.body,
  });
  if (input.kind === "reply") {
    const status = statusOnAgentReply(ticket.status);
    if (status !== ticket.status) await applyChanges(s, ticket, { status });
    await domainEvents.emit<TicketReplyAdded>(s, TICKET_REPLY_ADDED, { ticketId, messageId: id });
  }
  await recordAudit(s, ctx, {
    action: input.kind === "note" ? "ticket.note_added" : "ticket.replied",
    entityType: "ticket",
    entityId: ticketId,
  });
  return id;
}
