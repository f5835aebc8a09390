import {
  type CreateMessageRequest,
  type CreateTicketInput,
  messageSchema,
  one,
  pageOf,
  type Ticket,
  ticketSchema,
  type UpdateTicketInput,
} from "@frontline/common";
import { apiGet, apiPatch, apiPost, type Query } from "./client";

const ticketResponse = one(ticketSchema);
const ticketPage = pageOf(ticketSchema);
// Bulk updates and conversations answer `{ data: [...] }` without a cursor.
const ticketList = ticketPage.pick({ data: true });
const messageResponse = one(messageSchema);
const messageList = pageOf(messageSchema).pick({ data: true });

/** Filters the ticket list understands, already in query-string form (lists comma-separated). */
export interface TicketQuery extends Query {
  status?: string | undefined;
  priority?: string | undefined;
  channel?: string | undefined;
  assigneeId?: string | undefined;
  teamId?: string | undefined;
  tag?: string | undefined;
  requesterId?: string | undefined;
  escalated?: "true" | undefined;
  sort?: string | undefined;
}

/** One page of tickets. */
export function listTickets(query: TicketQuery, cursor: string | null, signal?: AbortSignal, limit = 50) {
  return apiGet("/tickets", ticketPage, { ...query, limit, cursor }, signal);
}

/** The largest page the API serves; a view counts up to this many and says "more" beyond. */
export const COUNT_LIMIT = 200;

/**
 * How many tickets match, up to COUNT_LIMIT. The API has no count endpoint, so this reads one full
 * page and reports `more` when the server says there is another.
 */
export async function countTickets(query: TicketQuery, signal?: AbortSignal) {
  const page = await listTickets(query, null, signal, COUNT_LIMIT);
  return { count: page.data.length, more: page.nextCursor !== null };
}

/** One ticket. */
export async function getTicket(id: string, signal?: AbortSignal): Promise<Ticket> {
  return (await apiGet(`/tickets/${encodeURIComponent(id)}`, ticketResponse, undefined, signal)).data;
}

/** Opens a ticket for a requester with their first message. */
export async function createTicket(input: CreateTicketInput): Promise<Ticket> {
  return (await apiPost("/tickets", input, ticketResponse)).data;
}

/** Changes a ticket; only the given fields are sent. */
export async function updateTicket(id: string, input: UpdateTicketInput): Promise<Ticket> {
  return (await apiPatch(`/tickets/${encodeURIComponent(id)}`, input, ticketResponse)).data;
}

/** The changes a bulk update may make. */
export interface BulkChanges {
  status?: Ticket["status"];
  priority?: Ticket["priority"];
  assigneeId?: string | null;
  teamId?: string | null;
  addTags?: string[];
  removeTags?: string[];
}

/** Changes up to 200 tickets at once; all or nothing. */
export async function bulkUpdateTickets(ids: string[], changes: BulkChanges): Promise<Ticket[]> {
  return (await apiPost("/tickets/bulk", { ids, changes }, ticketList)).data;
}

/** A ticket's conversation, oldest first. */
export async function listMessages(ticketId: string, signal?: AbortSignal) {
  return (await apiGet(`/tickets/${encodeURIComponent(ticketId)}/messages`, messageList, undefined, signal)).data;
}

/** Sends a public reply or adds an internal note, optionally changing the status in the same step. */
export async function addMessage(ticketId: string, input: CreateMessageRequest) {
  return (await apiPost(`/tickets/${encodeURIComponent(ticketId)}/messages`, input, messageResponse)).data;
}
