import { type Locale, localeSchema, type SupervisorLink, type SupervisorRequest } from "@frontline/common";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Actor, Ctx } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { newId, randomToken, sha256 } from "../../platform/ids";
import type { OrgTx } from "../../platform/tenancy";
import { findCustomer } from "../customers";
import { currentOrganization } from "../orgs";
import { findTicket, type TicketRow } from "../tickets";
import { CUSTOMER_REQUEST_REASON } from "./defaults";
import { activeEscalations } from "./escalations.queries";
import { escalateTicket } from "./escalations.service";
import { escalationLinks } from "./escalations.tables";
import { supervisorFooter } from "./link-texts";

// A customer asks for a supervisor without writing the words: through the link in every reply mail,
// or with the portal's button. Both raise one `customer_request` escalation while none is open.

/** How long a mailed link works. */
export const LINK_DAYS = 30;

type Caller = Pick<Ctx, "requestId" | "ip">;

const localeOf = (...candidates: (string | null | undefined)[]): Locale =>
  localeSchema.catch("en").parse(candidates.find((c) => localeSchema.safeParse(c).success));

/**
 * The footer of a reply mail about this ticket, in the customer's language (the ticket's, else
 * theirs, else the organisation's), with a new link: 256 random bits bound to the ticket and its
 * purpose, only the hash stored, expiring in LINK_DAYS. The token rides in the fragment
 * (`#token=…&lang=…`), which browsers never send to a server, so no access log holds it.
 */
export async function supervisorRequestFooter(
  s: OrgTx,
  ticketId: string,
  baseUrl: string,
): Promise<{ link: string; text: string; html: string } | undefined> {
  const ticket = await findTicket(s, ticketId);
  const org = await currentOrganization(s);
  if (!ticket || !org) return undefined;
  const customer = await findCustomer(s, ticket.requesterId);
  const token = randomToken(32);
  await s.tx.insert(escalationLinks).values({
    orgId: s.orgId,
    id: newId(),
    ticketId,
    purpose: "supervisor_request",
    tokenHash: sha256(token),
    expiresAt: new Date(Date.now() + LINK_DAYS * 86_400_000),
  });
  const locale = localeOf(ticket.language, customer?.locale, org.defaultLocale);
  // The page opens in the mail's language; like the token, the fragment never reaches a server.
  const link = `${baseUrl}/portal/${org.slug}/supervisor#token=${token}&lang=${locale}`;
  return { link, ...supervisorFooter(locale, link) };
}

/** The ticket a link's token is for, unless it is unknown or expired (404: the page says so). */
async function linkedTicket(s: OrgTx, token: string): Promise<{ linkId: string; ticket: TicketRow }> {
  const [link] = await s.tx
    .select({ id: escalationLinks.id, ticketId: escalationLinks.ticketId })
    .from(escalationLinks)
    .where(
      and(
        eq(escalationLinks.orgId, s.orgId),
        eq(escalationLinks.tokenHash, sha256(token)),
        eq(escalationLinks.purpose, "supervisor_request"),
        gt(escalationLinks.expiresAt, sql`now()`),
      ),
    );
  const ticket = link ? await findTicket(s, link.ticketId) : undefined;
  if (!link || !ticket) throw new AppError("not_found", "This link is not valid or has expired");
  return { linkId: link.id, ticket };
}

const isOver = (t: TicketRow) => t.status === "closed" || t.mergedIntoId !== null;

/** Whether a supervisor has been asked to look at this ticket and has not finished (the portal shows it). */
export async function supervisorRequested(s: OrgTx, ticketId: string): Promise<boolean> {
  return (await activeEscalations(s, ticketId)).length > 0;
}

/** What a link's page shows before the customer confirms; reading it changes nothing. */
export async function previewSupervisorLink(s: OrgTx, token: string): Promise<SupervisorLink> {
  const { ticket } = await linkedTicket(s, token);
  const state = isOver(ticket) ? "closed" : (await supervisorRequested(s, ticket.id)) ? "requested" : "available";
  return { ticketNumber: ticket.number, state };
}

async function askAsRequester(
  s: OrgTx,
  caller: Caller,
  ticket: TicketRow,
  via: "mail_link" | "portal",
): Promise<SupervisorRequest> {
  if (isOver(ticket)) throw new AppError("conflict", "This request is closed");
  const customer = await findCustomer(s, ticket.requesterId);
  const actor: Actor = {
    type: "customer",
    userId: null,
    customerId: ticket.requesterId,
    name: customer?.name || customer?.email || "customer",
    role: "agent",
  };
  const { created } = await escalateTicket(
    s,
    { ...caller, actor },
    { ticketId: ticket.id, type: "customer_request", reason: CUSTOMER_REQUEST_REASON, via },
  );
  return { ticketNumber: ticket.number, created };
}

/** The customer confirms a mailed link (a POST: mail scanners open links, they do not submit forms). */
export async function confirmSupervisorLink(s: OrgTx, caller: Caller, token: string): Promise<SupervisorRequest> {
  const { linkId, ticket } = await linkedTicket(s, token);
  const answer = await askAsRequester(s, caller, ticket, "mail_link");
  await s.tx
    .update(escalationLinks)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(escalationLinks.orgId, s.orgId), eq(escalationLinks.id, linkId)));
  return answer;
}

/** The signed-in customer asks for a supervisor on their own ticket (the portal checked it is theirs). */
export async function askForSupervisor(s: OrgTx, caller: Caller, ticketId: string): Promise<SupervisorRequest> {
  const ticket = await findTicket(s, ticketId);
  if (!ticket) throw new AppError("not_found", "Request not found");
  return askAsRequester(s, caller, ticket, "portal");
}
