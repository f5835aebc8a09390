import type { Locale, PortalCustomer, PortalMessage, PortalTicket } from "@frontline/common";
import { portalStatusOf } from "@frontline/common";
import type { CustomerRow } from "../customers";
import type { PublicMessageRow, TicketRow } from "../tickets";

/** Ticket row → what its customer sees: the number, the subject and whether it waits on them. */
export function presentPortalTicket(r: TicketRow, merged: Map<string, number>): PortalTicket {
  return {
    id: r.id,
    number: r.number,
    subject: r.subject,
    status: portalStatusOf(r.status),
    createdAt: r.createdAt.toISOString(),
    lastMessageAt: r.lastMessageAt.toISOString(),
    mergedIntoNumber: r.mergedIntoId ? (merged.get(r.mergedIntoId) ?? null) : null,
  };
}

/** A public message → the customer's view: no channel metadata, no mail headers, no staff ids. */
export function presentPortalMessage(slug: string, r: PublicMessageRow): PortalMessage {
  return {
    id: r.id,
    from: r.authorType === "customer" ? "customer" : "team",
    authorName: r.authorName,
    bodyText: r.bodyText,
    bodyHtml: r.bodyHtml,
    createdAt: r.createdAt.toISOString(),
    attachments: r.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      url: `/api/v1/portal/${slug}/attachments/${a.id}`,
    })),
  };
}

/** The signed-in customer, with the CSRF token their writes must carry. */
export function presentPortalCustomer(r: CustomerRow, csrfToken: string): PortalCustomer {
  return { name: r.name, email: r.email, locale: (r.locale as Locale | null) ?? null, csrfToken };
}
