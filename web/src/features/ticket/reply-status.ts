import { nextStatuses, statusOnAgentReply, type TicketStatus } from "@frontline/common";

export type ReplyKind = "reply" | "note";

/** The status a ticket ends in when a message is sent without choosing one: a first reply opens a new ticket. */
export function defaultStatusAfter(kind: ReplyKind, current: TicketStatus): TicketStatus {
  return kind === "reply" ? statusOnAgentReply(current) : current;
}

/**
 * The choices of "Send and set …": the default first, then every status the ticket may move to
 * from where it is now. Closed tickets take no messages, so they have none.
 */
export function sendStatusChoices(kind: ReplyKind, current: TicketStatus): TicketStatus[] {
  if (current === "closed") return [];
  const fallback = defaultStatusAfter(kind, current);
  return [fallback, ...nextStatuses(current).filter((s) => s !== fallback)];
}

/** The `status` to send: nothing when the choice is what would happen anyway, so the server's rule applies. */
export function statusToSend(kind: ReplyKind, current: TicketStatus, chosen: TicketStatus | null) {
  return chosen && chosen !== defaultStatusAfter(kind, current) ? chosen : undefined;
}

/** The choices of the status picker in the properties panel: where it is now, then the allowed moves. */
export function statusPickerChoices(current: TicketStatus): TicketStatus[] {
  return [current, ...nextStatuses(current)];
}
