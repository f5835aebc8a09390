import { statusOnCustomerMessage } from "@frontline/common";
import { and, eq, inArray } from "drizzle-orm";
import { deferredOnce, placeholders } from "../../platform/built-once";
import type { Ctx } from "../../platform/context";
import { newId, sha256 } from "../../platform/ids";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { type CustomerRow, findOrCreateCustomerByEmail } from "../customers";
import { currentOrganization } from "../orgs";
import {
  applyChanges,
  findTicket,
  insertMessage,
  openTicket,
  storeMessageFiles,
  type TicketRow,
  ticketByNumber,
} from "../tickets";
import { inboundMails, mailThreadIds } from "./channels.tables";
import { type ClassifyContext, classifyMail } from "./email/auto-reply";
import { type ParsedMail, parseMail } from "./email/parse-mail";
import { stripQuotedReply } from "./email/strip-quote";
import { findTicketToken, normaliseSubject } from "./email/ticket-token";

export type InboundOutcome = (typeof inboundMails.$inferSelect)["outcome"];

export interface IngestResult {
  inboundId: string;
  outcome: InboundOutcome;
  reason: string | null;
  ticketId: string | null;
  messageId: string | null;
  duplicate: boolean;
}

/**
 * Takes one raw mail for an organisation: it is stored raw and exactly once (by Message-ID), then
 * becomes a new ticket, a message on the ticket it answers (reopening it), a follow-up of a closed
 * ticket, or is set aside when automatic (auto-reply, bounce, bulk) or unreadable. Nothing is dropped.
 */
export async function ingestMail(
  ctx: Ctx,
  raw: Buffer,
  source: "smtp" | "api" | "imap",
  envelope: { from?: string | null } = {},
): Promise<IngestResult> {
  // Authentication-Results count only from our own boundary servers; anyone can write the header.
  const mail = await parseMail(raw, { trustedAuthservIds: ctx.config.MAIL_TRUSTED_AUTHSERV_IDS });
  const dedupKey = sha256(mail.messageId);
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const [seen] = await s.tx
      .select()
      .from(inboundMails)
      .where(and(eq(inboundMails.orgId, s.orgId), eq(inboundMails.dedupKey, dedupKey)));
    if (seen)
      return {
        inboundId: seen.id,
        outcome: seen.outcome,
        reason: seen.reason,
        ticketId: seen.ticketId,
        messageId: seen.messageId,
        duplicate: true,
      };
    const org = await currentOrganization(s);
    const decided = await decide(s, ctx, mail, {
      ownAddresses: org?.supportEmail ? [org.supportEmail] : [],
      envelopeFrom: envelope.from,
    });
    const inboundId = newId();
    // The mail's own record and its thread id: nobody reads their answers here, so they travel with
    // the commit (decision 031). Should a copy delivered at the same moment win the dedup key, the
    // commit fails and the sender is told to try again, as before.
    await recordMail(s.tx, {
      orgId: s.orgId,
      id: inboundId,
      dedupKey,
      mailMessageId: mail.messageId,
      fromAddress: mail.from?.address ?? null,
      subject: mail.subject,
      outcome: decided.outcome,
      reason: decided.reason,
      ticketId: decided.ticketId,
      messageId: decided.messageId,
      problems: mail.problems,
      size: raw.length,
      raw,
      source,
    });
    if (decided.messageId && decided.ticketId) {
      await recordThread(s.tx, {
        orgId: s.orgId,
        mailId: mail.messageId,
        ticketId: decided.ticketId,
        messageId: decided.messageId,
      });
    }
    return { inboundId, ...decided, duplicate: false };
  });
}

const recordMail = deferredOnce<Omit<typeof inboundMails.$inferSelect, "receivedAt">>((tx) =>
  tx
    .insert(inboundMails)
    .values(
      placeholders(
        "orgId",
        "id",
        "dedupKey",
        "mailMessageId",
        "fromAddress",
        "subject",
        "outcome",
        "reason",
        "ticketId",
        "messageId",
        "problems",
        "size",
        "raw",
        "source",
      ),
    ),
);
const recordThread = deferredOnce<Omit<typeof mailThreadIds.$inferSelect, "createdAt">>((tx) =>
  tx
    .insert(mailThreadIds)
    .values(placeholders("orgId", "mailId", "ticketId", "messageId"))
    .onConflictDoNothing(),
);

interface Decision {
  outcome: InboundOutcome;
  reason: string | null;
  ticketId: string | null;
  messageId: string | null;
}

async function decide(s: OrgTx, ctx: Ctx, mail: ParsedMail, context: ClassifyContext): Promise<Decision> {
  const kind = classifyMail(mail, context);
  if (kind.kind !== "normal")
    return { outcome: "suppressed", reason: `${kind.kind}: ${kind.reason}`, ticketId: null, messageId: null };
  if (!mail.from)
    return { outcome: "broken", reason: "The mail has no readable sender", ticketId: null, messageId: null };
  const customer = await findOrCreateCustomerByEmail(s, mail.from.address, mail.from.name);
  const { visible, quoted } = stripQuotedReply(mail.text);
  const message = {
    kind: "inbound" as const,
    author: { type: "customer" as const, id: customer.id },
    body: visible || mail.text,
    html: mail.html ?? undefined,
    meta: {
      mail: {
        messageId: mail.messageId,
        from: mail.from,
        to: mail.to,
        cc: mail.cc,
        date: mail.date?.toISOString() ?? null,
        quoted: quoted !== null,
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          size: a.size,
          inline: a.inline,
        })),
        authResults: mail.authResults,
        problems: mail.problems,
      },
    },
  };
  const thread = await threadOf(s, mail, customer);
  const files = mail.attachments.map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: a.content,
    inline: a.inline,
    contentId: a.contentId,
  }));
  if (thread && thread.status !== "closed" && !thread.mergedIntoId) {
    const messageId = await insertMessage(s, { ...message, ticketId: thread.id, channel: thread.channel });
    await storeMessageFiles(s, messageId, files);
    const next = statusOnCustomerMessage(thread.status);
    if (next !== "follow_up" && next !== thread.status) await applyChanges(s, thread, { status: next });
    return { outcome: "message_added", reason: null, ticketId: thread.id, messageId };
  }
  // The subject without Re:/Fwd: and without our [#number] token: the new ticket gets a number of its own.
  const subject = normaliseSubject(mail.subject)
    .replace(/\s*\[#\d{1,15}\]\s*/g, " ")
    .trim();
  const followUp = thread ? { tags: ["follow-up"], subject: subject || thread.subject } : undefined;
  const opened = await openTicket(s, ctx, {
    subject: followUp?.subject ?? (subject || "(no subject)"),
    requesterId: customer.id,
    channel: "email",
    language: customer.locale,
    tags: followUp?.tags ?? [],
    message: thread ? { ...message, meta: { ...message.meta, followUpOf: thread.id } } : message,
  });
  await storeMessageFiles(s, opened.messageId, files);
  if (mail.problems.length) {
    await recordAudit(s, ctx, {
      action: "mail.flagged",
      entityType: "ticket",
      entityId: opened.ticket.id,
      changes: { problems: [null, mail.problems] },
    });
  }
  return {
    outcome: thread ? "follow_up" : "ticket_created",
    reason: null,
    ticketId: opened.ticket.id,
    messageId: opened.messageId,
  };
}

/**
 * The ticket a mail answers: by In-Reply-To/References, then by the [#number] in the subject.
 * Only the ticket's own requester joins it this way: a stranger quoting a ticket number or a
 * Message-ID gets a ticket of their own, never a view into someone else's conversation.
 */
async function threadOf(s: OrgTx, mail: ParsedMail, customer: CustomerRow): Promise<TicketRow | undefined> {
  if (mail.authResults?.dmarc?.result === "fail") return undefined;
  const ids = [...(mail.inReplyTo ? [mail.inReplyTo] : []), ...mail.references.slice().reverse()];
  let ticket: TicketRow | undefined;
  if (ids.length) {
    const [hit] = await s.tx
      .select({ ticketId: mailThreadIds.ticketId })
      .from(mailThreadIds)
      .where(and(eq(mailThreadIds.orgId, s.orgId), inArray(mailThreadIds.mailId, ids)))
      .limit(1);
    if (hit) ticket = await findTicket(s, hit.ticketId, true);
  }
  if (!ticket) {
    const number = findTicketToken(mail.subject);
    if (number !== null) ticket = await ticketByNumber(s, number);
  }
  if (!ticket || ticket.requesterId !== customer.id) return undefined;
  return ticket.mergedIntoId ? await findTicket(s, ticket.mergedIntoId, true) : ticket;
}

/** Records the Message-ID an outgoing reply was sent with, so the customer's answer threads. */
export async function rememberOutgoingMailId(
  s: OrgTx,
  mailId: string,
  ticketId: string,
  messageId: string,
): Promise<void> {
  await s.tx.insert(mailThreadIds).values({ orgId: s.orgId, mailId, ticketId, messageId }).onConflictDoNothing();
}
