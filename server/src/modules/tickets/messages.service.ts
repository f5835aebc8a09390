import { type CreateMessageInput, statusOnAgentReply } from "@frontline/common";
import { and, asc, eq, sql } from "drizzle-orm";
import { deferredOnce, placeholders } from "../../platform/built-once";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { domainEvents } from "../../platform/events";
import { htmlToText, sanitizeHtml } from "../../platform/html";
import { newId } from "../../platform/ids";
import { inOrg, inOrgReadOnly, type OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { type AttachmentRow, attachmentsOf, linkUploads } from "./attachments.service";
import { noteMentions, TICKET_NOTE_MENTIONED, type TicketNoteMentioned } from "./note-mentions";
import { applyChanges } from "./ticket-changes";
import { TICKET_MESSAGE_ADDED, type TicketMessageAdded } from "./ticket-events";
import { refreshTicketSearch } from "./ticket-search";
import { findTicket, forgetTicket, rememberTicket } from "./tickets.queries";
import { messages, tickets } from "./tickets.tables";

export type MessageRow = typeof messages.$inferSelect & {
  authorName: string;
  mentions: MessageMention[];
  attachments: AttachmentRow[];
};
export interface MessageMention {
  id: string;
  name: string;
}

/** Raised when an agent's public reply is stored: channels deliver it to the customer. */
export const TICKET_REPLY_ADDED = "ticket.reply_added";
export interface TicketReplyAdded {
  ticketId: string;
  messageId: string;
}

export interface NewMessage {
  ticketId: string;
  kind: "reply" | "note" | "inbound";
  channel: (typeof messages.$inferInsert)["channel"];
  author: { type: "user" | "customer" | "system"; id: string | null };
  body: string;
  html?: string | undefined;
  meta?: Record<string, unknown>;
  mentionIds?: string[];
  at?: Date;
  /** The ticket was opened with this message at `at`: its activity time is already right. */
  opensTicket?: boolean;
}

// Nobody reads the insert's answer: on a server it travels with the next statement (decision 031).
const insertMessageRow = deferredOnce<typeof messages.$inferSelect>((tx) =>
  tx
    .insert(messages)
    .values(
      placeholders(
        "orgId",
        "id",
        "ticketId",
        "kind",
        "channel",
        "authorType",
        "authorUserId",
        "authorCustomerId",
        "bodyText",
        "bodyHtml",
        "meta",
        "mentionIds",
        "createdAt",
      ),
    ),
);

/** A message's plain text: as written, or derived from its sanitised HTML. */
function plainText(body: string, safeHtml: string | null): string {
  return body || (safeHtml ? htmlToText(safeHtml) : "");
}

/**
 * Stores a message inside the caller's transaction. HTML is sanitised on the way in and its plain
 * text kept beside it for search and previews; the ticket's activity time moves forward.
 */
export async function insertMessage(s: OrgTx, m: NewMessage): Promise<string> {
  const id = newId();
  const at = m.at ?? new Date();
  const bodyHtml = m.html ? sanitizeHtml(m.html) : null;
  const bodyText = plainText(m.body, bodyHtml);
  // Nobody reads the insert's answer: on a server it travels with the next statement (decision 031).
  await insertMessageRow(s.tx, {
    orgId: s.orgId,
    id,
    ticketId: m.ticketId,
    kind: m.kind,
    channel: m.channel,
    authorType: m.author.type,
    authorUserId: m.author.type === "user" ? m.author.id : null,
    authorCustomerId: m.author.type === "customer" ? m.author.id : null,
    bodyText,
    bodyHtml,
    meta: m.meta ?? {},
    mentionIds: m.mentionIds ?? [],
    createdAt: at,
  });
  if (!m.opensTicket) {
    const [touched] = await s.tx
      .update(tickets)
      .set({ lastMessageAt: at, updatedAt: at })
      .where(and(eq(tickets.orgId, s.orgId), eq(tickets.id, m.ticketId)))
      .returning();
    if (touched) rememberTicket(s, touched, true);
    else forgetTicket(s, m.ticketId);
  }
  await refreshTicketSearch(s, m.ticketId);
  await domainEvents.emit<TicketMessageAdded>(s, TICKET_MESSAGE_ADDED, {
    ticketId: m.ticketId,
    messageId: id,
    kind: m.kind,
    authorType: m.author.type,
    authorId: m.author.id,
    bodyText,
    at,
    opensTicket: m.opensTicket === true,
  });
  return id;
}

/** The display name of a message's author: the staff member, the customer, or Frontline itself. */
// Columns are named with their table: in a one-table select the ORM prints them bare, which inside
// these subqueries would mean the subquery's own columns.
export const messageAuthorName = sql<string>`coalesce(
  (SELECT u.name FROM users u WHERE u.org_id = "messages"."org_id" AND u.id = "messages"."author_user_id"),
  (SELECT c.name FROM customers c WHERE c.org_id = "messages"."org_id" AND c.id = "messages"."author_customer_id"),
  'Frontline')`;

/** The staff a message mentions, with their names, in order of mention. */
const messageMentions = sql<MessageMention[]>`coalesce(
  (SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY array_position("messages"."mention_ids", u.id))
    FROM users u WHERE u.org_id = "messages"."org_id" AND u.id = ANY("messages"."mention_ids")),
  '[]'::json)`;

/** A ticket's conversation, oldest first, with each author's name. */
export async function listMessages(ctx: Ctx, ticketId: string): Promise<MessageRow[]> {
  return inOrgReadOnly(ctx.database, ctx.orgId, async (s) => {
    if (!(await findTicket(s, ticketId))) throw notFound("Ticket");
    return withFiles(s, await selectMessages(s, ticketId));
  });
}

async function withFiles(s: OrgTx, rows: Omit<MessageRow, "attachments">[]): Promise<MessageRow[]> {
  const files = await attachmentsOf(
    s,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, attachments: files.get(r.id) ?? [] }));
}

/** The columns of a message as the API shows it, with its author's name. */
export const messageColumns = {
  orgId: messages.orgId,
  id: messages.id,
  ticketId: messages.ticketId,
  kind: messages.kind,
  channel: messages.channel,
  authorType: messages.authorType,
  authorUserId: messages.authorUserId,
  authorCustomerId: messages.authorCustomerId,
  bodyText: messages.bodyText,
  bodyHtml: messages.bodyHtml,
  meta: messages.meta,
  mentionIds: messages.mentionIds,
  createdAt: messages.createdAt,
  authorName: messageAuthorName,
  mentions: messageMentions,
};

function selectMessages(s: OrgTx, ticketId: string, id?: string) {
  return s.tx
    .select(messageColumns)
    .from(messages)
    .where(and(eq(messages.orgId, s.orgId), eq(messages.ticketId, ticketId), id ? eq(messages.id, id) : undefined))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

/**
 * An agent's public reply or internal note, optionally changing the status in the same step. A note's
 * mentions are recorded on it and announced; a reply mentions nobody, since it goes to the customer.
 */
export async function addStaffMessage(ctx: Ctx, ticketId: string, input: CreateMessageInput): Promise<MessageRow> {
  const userId = ctx.actor.userId;
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const ticket = await findTicket(s, ticketId, true);
    if (!ticket) throw notFound("Ticket");
    if (ticket.mergedIntoId) throw new AppError("conflict", "This ticket was merged into another; write there");
    if (ticket.status === "closed") throw new AppError("conflict", "This ticket is closed; open a follow-up instead");
    const status = input.status ?? (input.kind === "reply" ? statusOnAgentReply(ticket.status) : ticket.status);
    // Mentions are read from the text that will be stored; only an HTML-only note is cleaned twice.
    const mentionIds =
      input.kind === "note"
        ? await noteMentions(
            s,
            plainText(input.body, !input.body && input.html ? sanitizeHtml(input.html) : null),
            input.mentionIds,
          )
        : [];
    const id = await insertMessage(s, {
      ticketId,
      kind: input.kind,
      channel: ticket.channel,
      author: userId ? { type: "user", id: userId } : { type: "system", id: null },
      body: input.body,
      html: input.html,
      mentionIds,
    });
    await linkUploads(s, userId, id, input.attachmentIds);
    if (status !== ticket.status) await applyChanges(s, ticket, { status });
    if (input.kind === "reply")
      await domainEvents.emit<TicketReplyAdded>(s, TICKET_REPLY_ADDED, { ticketId, messageId: id });
    if (mentionIds.length > 0) {
      await domainEvents.emit<TicketNoteMentioned>(s, TICKET_NOTE_MENTIONED, {
        ticketId,
        messageId: id,
        authorUserId: userId,
        mentionedIds: mentionIds,
      });
    }
    await recordAudit(s, ctx, {
      action: input.kind === "note" ? "ticket.note_added" : "ticket.replied",
      entityType: "ticket",
      entityId: ticketId,
      changes: {
        ...(status !== ticket.status ? { status: [ticket.status, status] } : {}),
        ...(mentionIds.length > 0 ? { mentionIds: [null, mentionIds] } : {}),
      },
    });
    return (await withFiles(s, await selectMessages(s, ticketId, id)))[0]!;
  });
}

/** One message with its author's name, inside the caller's transaction (delivery jobs read it). */
export async function findMessage(s: OrgTx, ticketId: string, id: string): Promise<MessageRow | undefined> {
  return (await withFiles(s, await selectMessages(s, ticketId, id)))[0];
}

/** The mail Message-IDs of a ticket's conversation, oldest first, for threading replies. */
export async function threadMailIds(s: OrgTx, ticketId: string): Promise<{ messageId: string; mailId: string }[]> {
  const rows = await s.tx
    .select({ id: messages.id, mailId: sql<string | null>`${messages.meta} -> 'mail' ->> 'messageId'` })
    .from(messages)
    .where(and(eq(messages.orgId, s.orgId), eq(messages.ticketId, ticketId)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return rows.flatMap((r) => (r.mailId ? [{ messageId: r.id, mailId: r.mailId }] : []));
}

/** Merges channel metadata into a message (e.g. the Message-ID a reply went out with). */
export async function mergeMessageMeta(s: OrgTx, id: string, patch: Record<string, unknown>): Promise<void> {
  await s.tx
    .update(messages)
    .set({ meta: sql`${messages.meta} || ${JSON.stringify(patch)}::jsonb` })
    .where(and(eq(messages.orgId, s.orgId), eq(messages.id, id)));
}
