import type { TicketRow } from "./tickets.queries";

// What the tickets module announces, in the transaction of the change, for other modules to react
// to (SLA clocks, routing, escalations, rules). Handlers may change the ticket again; a change they
// make is announced like any other, so a reaction must be a no-op when there is nothing left to do.

/** A ticket was opened, with its first message already stored. */
export const TICKET_CREATED = "ticket.created";
export interface TicketCreated {
  ticket: TicketRow;
  messageId: string;
}

/** A ticket's properties changed (status, priority, assignee, team, tags, fields…); never for no change. */
export const TICKET_CHANGED = "ticket.changed";
export interface TicketChanged {
  before: TicketRow;
  after: TicketRow;
}

/** A message was stored on a ticket: a customer's, an agent's reply or note, or a system record. */
export const TICKET_MESSAGE_ADDED = "ticket.message_added";
export interface TicketMessageAdded {
  ticketId: string;
  messageId: string;
  kind: "reply" | "note" | "inbound";
  authorType: "user" | "customer" | "system";
  authorId: string | null;
  /** The message's plain text, so listeners need not read back what was just written. */
  bodyText: string;
  at: Date;
  /** The message opened its ticket (ticket.created follows, in the same transaction). */
  opensTicket: boolean;
}
