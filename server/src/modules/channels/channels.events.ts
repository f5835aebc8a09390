import { domainEvents } from "../../platform/events";
import { enqueueJob } from "../../platform/jobs";
import { findCustomer } from "../customers";
import { findTicket, TICKET_REPLY_ADDED, type TicketReplyAdded } from "../tickets";
import { SEND_REPLY } from "./email-out";

/** Channels whose customers get agents' replies by mail. */
const MAILED_CHANNELS = new Set(["email", "web", "portal", "api"]);

// A public reply is queued for mail delivery in the same transaction that stores it: never lost.
domainEvents.on<TicketReplyAdded>(TICKET_REPLY_ADDED, async (s, { ticketId, messageId }) => {
  const ticket = await findTicket(s, ticketId);
  if (!ticket || !MAILED_CHANNELS.has(ticket.channel)) return;
  const requester = await findCustomer(s, ticket.requesterId);
  if (!requester?.email) return;
  await enqueueJob(s, SEND_REPLY, { ticketId, messageId }, { maxAttempts: 20 });
});
