import { domainEvents } from "../../platform/events";
import {
  TICKET_CHANGED,
  TICKET_CREATED,
  TICKET_MESSAGE_ADDED,
  type TicketChanged,
  type TicketCreated,
  type TicketMessageAdded,
} from "../tickets";
import { agentReplied, customerWrote, reapplyPolicy, startClocks, statusMoved } from "./sla-engine";

// The clocks move inside the transaction of what moved them: a reply and the kept promise commit together.

domainEvents.on<TicketCreated>(TICKET_CREATED, async (s, { ticket }) => startClocks(s, ticket));

domainEvents.on<TicketMessageAdded>(TICKET_MESSAGE_ADDED, async (s, m) => {
  // Only a person's public answer keeps a reply promise; an automatic acknowledgement does not.
  if (m.kind === "reply" && m.authorType === "user") await agentReplied(s, m.ticketId, m.at);
  // The words that open a ticket start its clocks (ticket.created), and no next reply is due yet.
  if (m.kind === "inbound" && m.authorType === "customer" && !m.opensTicket) await customerWrote(s, m.ticketId, m.at);
});

const CHOOSES_POLICY = ["priority", "channel", "tags", "teamId"] as const;

domainEvents.on<TicketChanged>(TICKET_CHANGED, async (s, { before, after }) => {
  const at = after.updatedAt;
  if (CHOOSES_POLICY.some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))) {
    await reapplyPolicy(s, after, at);
  }
  if (before.status !== after.status) await statusMoved(s, before, after, at);
});
