/** Ticket statuses, in the order a ticket usually moves through them. */
export const TICKET_STATUSES = ["new", "open", "pending", "on_hold", "solved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

const NEXT: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ["open", "pending", "on_hold", "solved"],
  open: ["pending", "on_hold", "solved"],
  pending: ["open", "on_hold", "solved"],
  on_hold: ["open", "pending", "solved"],
  // A solved ticket reopens on a new message or by hand, and is closed for good later.
  solved: ["open", "closed"],
  // Closed is final: a customer writing again starts a follow-up ticket.
  closed: [],
};

/** The statuses a ticket in `from` may move to (not including staying where it is). */
export function nextStatuses(from: TicketStatus): readonly TicketStatus[] {
  return NEXT[from];
}

/** True when a ticket may move from `from` to `to`; staying put is allowed except for nothing. */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

/** The status a ticket takes when the customer writes: anything waiting on them, or solved, opens again. */
export function statusOnCustomerMessage(current: TicketStatus): TicketStatus | "follow_up" {
  if (current === "closed") return "follow_up";
  if (current === "pending" || current === "solved") return "open";
  return current;
}

/** The status a ticket takes when an agent's first public reply goes out: a new ticket is being worked. */
export function statusOnAgentReply(current: TicketStatus): TicketStatus {
  return current === "new" ? "open" : current;
}
