import type { CountTicketsQuery, CreateTicketInput, ListTicketsQuery, UpdateTicketInput } from "@frontline/common";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { domainEvents } from "../../platform/events";
import { newId } from "../../platform/ids";
import { inOrg, inOrgReadOne, type OrgTx } from "../../platform/tenancy";
import { diff, recordAudit } from "../audit";
import { findOrCreateCustomerByEmail } from "../customers";
import { detectLocale } from "./detect-language";
import { insertMessage, type NewMessage } from "./messages.service";
import { applyChanges, assertAssignable, checkTicketFields } from "./ticket-changes";
import { TICKET_CREATED, type TicketCreated } from "./ticket-events";
import { countMatching, pageOfTickets } from "./ticket-list";
import { applyTags } from "./ticket-rules";
import { findTicket, insertNumberedTicket, rememberTicket, type TicketRow } from "./tickets.queries";

/** What opening a ticket needs once its requester is known. */
export interface OpenTicket {
  subject: string;
  requesterId: string;
  channel: TicketRow["channel"];
  priority?: TicketRow["priority"];
  assigneeId?: string | null | undefined;
  teamId?: string | null | undefined;
  tags?: string[];
  customFields?: Record<string, unknown>;
  language?: string | null | undefined;
  /** The first message: the customer's words, or (kind note) an agent's record such as a call log. */
  message: Omit<NewMessage, "ticketId" | "channel" | "at">;
}

/**
 * Opens a ticket with its first message inside the caller's transaction (the API, inbound mail, the
 * portal and call logging all come through here), and records it in the audit log.
 */
export async function openTicket(
  s: OrgTx,
  ctx: Pick<Ctx, "actor" | "requestId" | "ip">,
  input: OpenTicket,
): Promise<{ ticket: TicketRow; messageId: string }> {
  const id = newId();
  const now = new Date();
  const opened = await insertNumberedTicket(s, {
    orgId: s.orgId,
    id,
    subject: input.subject,
    status: input.assigneeId ? "open" : "new",
    priority: input.priority ?? "normal",
    channel: input.channel,
    requesterId: input.requesterId,
    assigneeId: input.assigneeId ?? null,
    teamId: input.teamId ?? null,
    tags: applyTags([], input.tags),
    customFields: input.customFields ?? {},
    // Detected from the customer's words when nobody said: search stems the ticket in its language.
    language: input.language ?? detectLocale(`${input.subject}\n${input.message.body}`),
    createdAt: now,
    updatedAt: now,
    lastMessageAt: now,
  });
  rememberTicket(s, opened, true);
  const messageId = await insertMessage(s, {
    ...input.message,
    ticketId: id,
    channel: input.channel,
    at: now,
    opensTicket: true,
  });
  const ticket = (await findTicket(s, id))!;
  // Recorded before the announcement, so a reaction's own entry (routing assigning it) comes after.
  await recordAudit(s, ctx, {
    action: "ticket.created",
    entityType: "ticket",
    entityId: id,
    changes: diff({}, snap(ticket)),
  });
  await domainEvents.emit<TicketCreated>(s, TICKET_CREATED, { ticket, messageId });
  // Read again: a reaction may have changed it (routing assigns it to someone).
  return { ticket: (await findTicket(s, id))!, messageId };
}

/** Opens a ticket for a requester (found or created by email) with its first message from them. */
export async function createTicket(ctx: Ctx, input: CreateTicketInput): Promise<TicketRow> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    // The requester first: its lookup carries the transaction's begin and tenant, so the checks
    // after it find the configuration version already answered (one round trip fewer). A check
    // that fails still undoes it, with the whole transaction.
    const requester = await findOrCreateCustomerByEmail(s, input.requester.email, input.requester.name);
    const customFields = await checkTicketFields(s, input.customFields, {});
    await assertAssignable(s, input.assigneeId, input.teamId);
    const { ticket } = await openTicket(s, ctx, {
      ...input,
      requesterId: requester.id,
      customFields,
      language: input.language ?? requester.locale,
      message: {
        kind: "inbound",
        author: { type: "customer", id: requester.id },
        body: input.message.body,
        html: input.message.html,
      },
    });
    return ticket;
  });
}

/** How many tickets match the filters (a view's count in the inbox). */
export async function countTickets(ctx: Ctx, q: CountTicketsQuery): Promise<number> {
  return inOrgReadOne(ctx.database, ctx.orgId, (s) => countMatching(s, q));
}

/** Lists tickets with filters, newest activity first by default, in keyset pages. */
export async function listTickets(ctx: Ctx, q: ListTicketsQuery) {
  return inOrgReadOne(ctx.database, ctx.orgId, (s) => pageOfTickets(s, q));
}

/** One ticket; 404 when unknown or foreign. */
export async function getTicket(ctx: Ctx, id: string): Promise<TicketRow> {
  const row = await inOrgReadOne(ctx.database, ctx.orgId, (s) => findTicket(s, id));
  if (!row) throw notFound("Ticket");
  return row;
}

/** Changes a ticket's properties; status moves follow the status machine. */
export async function updateTicket(ctx: Ctx, id: string, input: UpdateTicketInput): Promise<TicketRow> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const before = await findTicket(s, id, true);
    if (!before) throw notFound("Ticket");
    const after = await applyChanges(s, before, input);
    await recordAudit(s, ctx, {
      action: "ticket.updated",
      entityType: "ticket",
      entityId: id,
      changes: diff(snap(before), snap(after)),
    });
    // Read again: a reaction to the change may have changed it further (routing assigns it).
    return (await findTicket(s, id))!;
  });
}

/** Applies one change set to many tickets, all or nothing. */
export async function bulkUpdateTickets(
  ctx: Ctx,
  ids: string[],
  changes: Omit<UpdateTicketInput, "subject" | "tags"> & { addTags?: string[]; removeTags?: string[] },
): Promise<TicketRow[]> {
  const unique = [...new Set(ids)];
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const out: TicketRow[] = [];
    for (const [index, id] of unique.entries()) {
      const before = await findTicket(s, id, true);
      if (!before)
        throw new AppError("unprocessable", "Unknown ticket", { [`ids.${index}`]: [`Unknown ticket ${id}`] });
      const { addTags, removeTags, ...rest } = changes;
      const tags = addTags || removeTags ? applyTags(before.tags, addTags, removeTags) : undefined;
      const after = await applyChanges(s, before, { ...rest, ...(tags ? { tags } : {}) }, `ids.${index}`);
      await recordAudit(s, ctx, {
        action: "ticket.updated",
        entityType: "ticket",
        entityId: id,
        changes: diff(snap(before), snap(after)),
      });
      out.push(after);
    }
    // Read again: reactions to the changes may have changed them further (routing assigns them).
    const fresh: TicketRow[] = [];
    for (const t of out) fresh.push((await findTicket(s, t.id))!);
    return fresh;
  });
}

function snap(r: TicketRow) {
  const {
    orgId: _o,
    createdAt: _c,
    updatedAt: _u,
    lastMessageAt: _l,
    solvedAt: _s,
    closedAt: _cl,
    slaDueAt: _d,
    slaBreached: _b,
    ...rest
  } = r;
  return rest;
}
