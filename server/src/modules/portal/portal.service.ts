import type { Locale, PortalRequestInput, PortalRequestResult } from "@frontline/common";
import { localeSchema } from "@frontline/common";
import type { Actor, Deps } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import {
  type CustomerRow,
  customerByEmail,
  findOrCreateCustomerByEmail,
  liveCustomer,
  updateCustomerSelf,
} from "../customers";
import { supervisorRequested } from "../escalations";
import {
  addCustomerMessage,
  checkCustomerFiles,
  findTicket,
  openTicket,
  publicMessages,
  requesterAttachment,
  requesterTickets,
  storeCustomerFiles,
  type TicketRow,
  ticketNumbers,
} from "../tickets";
import { queueLink, useLink } from "./portal-links";
import { createPortalSession, endPortalSession, type PortalSession } from "./portal-sessions";

/** One portal request: which organisation (from the address), who is signed in, and where from. */
export interface PortalCtx {
  readonly deps: Deps;
  readonly org: { orgId: string; name: string; slug: string; defaultLocale: string };
  readonly session: PortalSession | null;
  readonly requestId: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export interface IncomingFile {
  name: string;
  bytes: Buffer;
}

// Customers hold no staff role; "agent", the least, is named only because every actor carries one.
const customerActor = (c: CustomerRow): Actor => ({
  type: "customer",
  userId: null,
  customerId: c.id,
  name: c.name,
  role: "agent",
});
const formActor: Actor = { type: "anonymous", userId: null, name: "web form", role: "agent" };

const audit = (p: PortalCtx, actor: Actor) => ({ actor, requestId: p.requestId, ip: p.ip });

/** Runs `fn` inside the portal's organisation. */
export function inPortal<T>(p: PortalCtx, fn: (s: OrgTx) => Promise<T>): Promise<T> {
  return inOrg(p.deps.database, p.org.orgId, fn);
}

/** The signed-in customer, or 401. */
export function requireSession(p: PortalCtx): PortalSession {
  if (!p.session) throw new AppError("unauthenticated", "Sign in with the link we mail you first");
  return p.session;
}

async function signedInCustomer(s: OrgTx, p: PortalCtx): Promise<CustomerRow> {
  const customer = await liveCustomer(s, requireSession(p).customerId);
  if (!customer) throw new AppError("unauthenticated", "Sign in with the link we mail you first");
  return customer;
}

const localeOr = (...candidates: (string | null | undefined)[]): Locale =>
  localeSchema.catch("en").parse(candidates.find((c) => localeSchema.safeParse(c).success));

/**
 * A request from the portal's form: a ticket for the customer (found or created by email when
 * nobody is signed in, and then sent a link to follow it), with their files. A form a robot
 * filled in (the hidden `website` field) is answered like any other but opens nothing.
 */
export async function submitRequest(
  p: PortalCtx,
  input: Omit<PortalRequestInput, "email"> & { email?: string | undefined },
  files: IncomingFile[],
): Promise<PortalRequestResult> {
  if (!p.session && input.website) return { number: null, ticketId: null };
  const checked = await checkCustomerFiles(files);
  return inPortal(p, async (s) => {
    let customer: CustomerRow;
    if (p.session) customer = await signedInCustomer(s, p);
    else {
      customer = await findOrCreateCustomerByEmail(s, input.email!, input.name);
      // A first contact's language is the one they used the form in.
      if (!customer.locale && input.locale) {
        customer = await updateCustomerSelf(s, audit(p, formActor), customer.id, { locale: input.locale });
      }
    }
    const actor = p.session ? customerActor(customer) : formActor;
    const { ticket, messageId } = await openTicket(s, audit(p, actor), {
      subject: input.subject,
      requesterId: customer.id,
      channel: p.session ? "portal" : "web",
      message: { kind: "inbound", author: { type: "customer", id: customer.id }, body: input.body },
    });
    await storeCustomerFiles(s, messageId, checked);
    if (!p.session) {
      await queueLink(s, {
        customerId: customer.id,
        ticketId: ticket.id,
        reason: "request_received",
        locale: localeOr(input.locale, customer.locale, p.org.defaultLocale),
      });
    }
    return { number: ticket.number, ticketId: p.session ? ticket.id : null };
  });
}

/** Mails a sign-in link to a known customer; answers the same whether or not the address is known. */
export async function requestSignInLink(p: PortalCtx, email: string, locale?: Locale): Promise<void> {
  await inPortal(p, async (s) => {
    const customer = await customerByEmail(s, email);
    if (!customer?.email) return;
    await queueLink(s, {
      customerId: customer.id,
      reason: "sign_in",
      locale: localeOr(locale, customer.locale, p.org.defaultLocale),
    });
  });
}

/** Trades a mailed link's token (once) for a session. */
export async function signInWithLink(p: PortalCtx, token: string) {
  return inPortal(p, async (s) => {
    const link = await useLink(s, token);
    const customer = link ? await liveCustomer(s, link.customerId) : undefined;
    if (!link || !customer) throw new AppError("unauthenticated", "This link has expired or was already used");
    // The session this browser had (perhaps someone else's) ends: one person per browser.
    if (p.session) await endPortalSession(s, p.session.sessionId);
    const session = await createPortalSession(s, { customerId: customer.id, ip: p.ip, userAgent: p.userAgent });
    await recordAudit(s, audit(p, customerActor(customer)), {
      action: "portal.signed_in",
      entityType: "customer",
      entityId: customer.id,
    });
    return { ...session, customer, ticketId: link.ticketId };
  });
}

/** Ends the caller's portal session. */
export async function signOutOfPortal(p: PortalCtx): Promise<void> {
  const session = requireSession(p);
  await inPortal(p, (s) => endPortalSession(s, session.sessionId));
}

/** The signed-in customer. */
export async function portalMe(p: PortalCtx): Promise<CustomerRow> {
  return inPortal(p, (s) => signedInCustomer(s, p));
}

/** The signed-in customer changes their own name or language. */
export async function updatePortalMe(p: PortalCtx, input: { name?: string | undefined; locale?: Locale | undefined }) {
  return inPortal(p, async (s) => {
    const customer = await signedInCustomer(s, p);
    return updateCustomerSelf(s, audit(p, customerActor(customer)), customer.id, input);
  });
}

/** The signed-in customer's requests, with the numbers of those they were merged into. */
export async function listMyTickets(p: PortalCtx, q: { limit: number; cursor?: string | undefined }) {
  return inPortal(p, async (s) => {
    const customer = await signedInCustomer(s, p);
    const page = await requesterTickets(s, customer.id, q.cursor ? { limit: q.limit, cursor: q.cursor } : q);
    const merged = await ticketNumbers(
      s,
      page.page.flatMap((t) => (t.mergedIntoId ? [t.mergedIntoId] : [])),
    );
    return { ...page, merged };
  });
}

/** The signed-in customer's request, locked for a change; another customer's looks like none (404). */
export async function myTicketRow(
  s: OrgTx,
  p: PortalCtx,
  id: string,
  forUpdate = false,
): Promise<[CustomerRow, TicketRow]> {
  const customer = await signedInCustomer(s, p);
  const ticket = await findTicket(s, id, forUpdate);
  // Someone else's request looks exactly like one that does not exist.
  if (!ticket || ticket.requesterId !== customer.id) throw notFound("Request");
  return [customer, ticket];
}

/** One of the signed-in customer's requests with its public conversation. */
export async function myTicket(p: PortalCtx, id: string) {
  return inPortal(p, async (s) => {
    const [, ticket] = await myTicketRow(s, p, id);
    const merged = ticket.mergedIntoId ? await ticketNumbers(s, [ticket.mergedIntoId]) : new Map<string, number>();
    return {
      ticket,
      merged,
      messages: await publicMessages(s, ticket.id),
      supervisorRequested: await supervisorRequested(s, ticket.id),
    };
  });
}

/** The signed-in customer writes on their request, with files; it reopens if it waited on them or was solved. */
export async function replyToMyTicket(p: PortalCtx, id: string, body: string, files: IncomingFile[]) {
  const checked = await checkCustomerFiles(files);
  return inPortal(p, async (s) => {
    const [customer, ticket] = await myTicketRow(s, p, id, true);
    await addCustomerMessage(s, audit(p, customerActor(customer)), ticket, {
      customerId: customer.id,
      body,
      channel: "portal",
      files: checked,
    });
    const merged = new Map<string, number>();
    return {
      ticket: (await findTicket(s, id))!,
      merged,
      messages: await publicMessages(s, id),
      supervisorRequested: await supervisorRequested(s, id),
    };
  });
}

/** A file on the signed-in customer's own conversation; 404 for anything else. */
export async function myAttachment(p: PortalCtx, id: string) {
  return inPortal(p, async (s) => {
    const customer = await signedInCustomer(s, p);
    const file = await requesterAttachment(s, customer.id, id);
    if (!file) throw notFound("File");
    return file;
  });
}
