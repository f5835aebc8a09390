import { domainEvents } from "../../platform/events";
import {
  TICKET_CHANGED,
  TICKET_CREATED,
  TICKET_MESSAGE_ADDED,
  type TicketChanged,
  type TicketCreated,
  type TicketMessageAdded,
} from "../tickets";
import { refreshAgentState } from "./agent-state";
import { recordReply, recordStatusMove } from "./facts";

// Facts are written in the transaction of what they record, so a report never counts a change that
// rolled back.

domainEvents.on<TicketCreated>(TICKET_CREATED, async (s, { ticket }) => {
  if (ticket.status === "solved" || ticket.status === "closed") {
    await recordStatusMove(s, { ...ticket, status: "new" }, ticket);
  }
  if (ticket.assigneeId) await refreshAgentState(s, ticket.assigneeId, ticket.createdAt);
});

domainEvents.on<TicketMessageAdded>(TICKET_MESSAGE_ADDED, async (s, m) => {
  if (m.kind === "reply" && m.authorType === "user") await recordReply(s, m.ticketId, m.messageId, m.authorId, m.at);
});

domainEvents.on<TicketChanged>(TICKET_CHANGED, async (s, { before, after }) => {
  if (before.status !== after.status) await recordStatusMove(s, before, after);
  if (before.assigneeId === after.assigneeId && before.status === after.status) return;
  for (const userId of new Set([before.assigneeId, after.assigneeId])) {
    if (userId) await refreshAgentState(s, userId, after.updatedAt);
  }
});
