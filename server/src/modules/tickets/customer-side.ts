import { statusOnCustomerMessage } from "@frontline/common";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { cursorTime, decodeCursor, pageFrom } from "../../platform/paging";
import { safeFilename } from "../../platform/safe-filename";
import type { OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { sniffUpload } from "./attachment-rules";
import { type AttachmentRow, attachmentsOf, storeMessageFiles } from "./attachments.service";
import { attachments } from "./attachments.tables";
import { insertMessage, messageColumns } from "./messages.service";
import { applyChanges } from "./ticket-changes";
import type { TicketRow } from "./tickets.queries";
import { messages, tickets } from "./tickets.tables";

// What a customer sees of their own tickets (the portal): never internal notes, never another
// customer's ticket, never an upload that is not on one of their conversations.

/** A customer's file, checked and named safely, ready to be stored with their message. */
export interface CheckedFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * Checks files a customer sends before anything is written: programs and files whose bytes
 * contradict their names are refused, named by position (`files.N`).
 */
export async function checkCustomerFiles(files: { name: string; bytes: Buffer }[]): Promise<CheckedFile[]> {
  const out: CheckedFile[] = [];
  for (const [index, file] of files.entries()) {
    const filename = safeFilename(file.name);
    try {
      out.push({ filename, contentType: await sniffUpload(filename, file.bytes), bytes: file.bytes });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      throw new AppError(err.code, err.message, { [`files.${index}`]: err.fields?.file ?? [err.message] });
    }
  }
  return out;
}

/** Stores a customer's checked files on their message. */
export async function storeCustomerFiles(s: OrgTx, messageId: string, files: CheckedFile[]): Promise<void> {
  await storeMessageFiles(
    s,
    messageId,
    files.map((f) => ({ ...f, content: f.bytes, inline: false, contentId: null })),
  );
}

/**
 * A customer's message on their own ticket: it reopens a ticket that waited on them or was solved.
 * A closed or merged ticket takes no more messages (409): the customer opens a new request.
 */
export async function addCustomerMessage(
  s: OrgTx,
  ctx: Pick<Ctx, "actor" | "requestId" | "ip">,
  ticket: TicketRow,
  input: { customerId: string; body: string; channel: TicketRow["channel"]; files: CheckedFile[] },
): Promise<string> {
  if (ticket.mergedIntoId) throw new AppError("conflict", "This request was merged into another; write there");
  const next = statusOnCustomerMessage(ticket.status);
  if (next === "follow_up") throw new AppError("conflict", "This request is closed; open a new one");
  const messageId = await insertMessage(s, {
    ticketId: ticket.id,
    kind: "inbound",
    channel: input.channel,
    author: { type: "customer", id: input.customerId },
    body: input.body,
  });
  await storeCustomerFiles(s, messageId, input.files);
  if (next !== ticket.status) await applyChanges(s, ticket, { status: next });
  await recordAudit(s, ctx, {
    action: "ticket.customer_replied",
    entityType: "ticket",
    entityId: ticket.id,
    changes: next !== ticket.status ? { status: [ticket.status, next] } : {},
  });
  return messageId;
}

/** A customer's tickets, most recent activity first, in keyset pages. */
export async function requesterTickets(s: OrgTx, requesterId: string, q: { limit: number; cursor?: string }) {
  const conds = [eq(tickets.orgId, s.orgId), eq(tickets.requesterId, requesterId)];
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 2);
    conds.push(sql`(${tickets.lastMessageAt}, ${tickets.id}) < (${cursorTime(at!)}, ${id}::uuid)`);
  }
  const rows = await s.tx
    .select()
    .from(tickets)
    .where(and(...conds))
    .orderBy(desc(tickets.lastMessageAt), desc(tickets.id))
    .limit(q.limit + 1);
  return pageFrom(rows, q.limit, (r) => [r.lastMessageAt.toISOString(), r.id]);
}

/** The numbers of tickets by id (where a merged request went). */
export async function ticketNumbers(s: OrgTx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await s.tx
    .select({ id: tickets.id, number: tickets.number })
    .from(tickets)
    .where(and(eq(tickets.orgId, s.orgId), inArray(tickets.id, ids)));
  return new Map(rows.map((r) => [r.id, r.number]));
}

export type PublicMessageRow = Awaited<ReturnType<typeof publicMessages>>[number];

/** The public conversation of a ticket, oldest first: the customer's messages and agents' replies. */
export async function publicMessages(s: OrgTx, ticketId: string) {
  const rows = await s.tx
    .select(messageColumns)
    .from(messages)
    .where(
      and(eq(messages.orgId, s.orgId), eq(messages.ticketId, ticketId), inArray(messages.kind, ["reply", "inbound"])),
    )
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const files = await attachmentsOf(
    s,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, attachments: files.get(r.id) ?? ([] as AttachmentRow[]) }));
}

/** A file on a public message of one of this requester's tickets, with its bytes; undefined otherwise. */
export async function requesterAttachment(s: OrgTx, requesterId: string, attachmentId: string) {
  const [row] = await s.tx
    .select({
      filename: attachments.filename,
      contentType: attachments.contentType,
      size: attachments.size,
      content: attachments.content,
    })
    .from(attachments)
    .innerJoin(messages, and(eq(messages.orgId, attachments.orgId), eq(messages.id, attachments.messageId)))
    .innerJoin(tickets, and(eq(tickets.orgId, messages.orgId), eq(tickets.id, messages.ticketId)))
    .where(
      and(
        eq(attachments.orgId, s.orgId),
        eq(attachments.id, attachmentId),
        inArray(messages.kind, ["reply", "inbound"]),
        eq(tickets.requesterId, requesterId),
      ),
    );
  return row;
}
