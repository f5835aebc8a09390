import type { Locale, Message, Ticket } from "@frontline/common";
import type { MessageRow } from "./messages.service";
import type { TicketRow } from "./tickets.queries";

/** Ticket row → API shape. */
export function presentTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    number: r.number,
    subject: r.subject,
    status: r.status,
    priority: r.priority,
    channel: r.channel,
    requesterId: r.requesterId,
    assigneeId: r.assigneeId,
    teamId: r.teamId,
    tags: r.tags,
    customFields: r.customFields,
    language: (r.language as Locale | null) ?? null,
    mergedIntoId: r.mergedIntoId,
    escalationLevel: r.escalationLevel,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    solvedAt: r.solvedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    lastMessageAt: r.lastMessageAt.toISOString(),
    slaDueAt: r.slaDueAt?.toISOString() ?? null,
    slaBreached: r.slaBreached,
  };
}

/** Message row → API shape. */
export function presentMessage(r: MessageRow): Message {
  return {
    id: r.id,
    ticketId: r.ticketId,
    kind: r.kind,
    channel: r.channel,
    bodyText: r.bodyText,
    bodyHtml: r.bodyHtml,
    author: { type: r.authorType, id: r.authorUserId ?? r.authorCustomerId, name: r.authorName },
    attachments: r.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      inline: a.inline,
      url: `/api/v1/attachments/${a.id}`,
    })),
    mentions: r.mentions,
    createdAt: r.createdAt.toISOString(),
  };
}
