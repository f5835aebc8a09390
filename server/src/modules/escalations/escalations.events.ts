import { LOCALES, type Locale, localeSchema } from "@frontline/common";
import type { Actor } from "../../platform/context";
import { domainEvents } from "../../platform/events";
import type { OrgTx } from "../../platform/tenancy";
import { findCustomer } from "../customers";
import { findMessage, findTicket, TICKET_MESSAGE_ADDED, type TicketMessageAdded } from "../tickets";
import { CUSTOMER_REQUEST_REASON } from "./defaults";
import { activeEscalations } from "./escalations.queries";
import { escalateTicket } from "./escalations.service";
import { withoutOurFooters } from "./link-texts";
import { PhraseMatcher } from "./phrase-match";
import { phrasesOf } from "./reasons.service";

/**
 * Whose phrases a message is read with: the ticket's language and English (which customers fall
 * back to), or every language when the ticket's is unknown. A bare "manager" asks for one in a
 * Romanian message; in an English one it is often just someone's title.
 */
export function phraseLocales(language: string | null): readonly Locale[] {
  const known = localeSchema.safeParse(language);
  return known.success ? [...new Set<Locale>([known.data, "en"])] : LOCALES;
}

/**
 * A customer's message that asks for a supervisor raises a `customer_request` escalation in the
 * message's own transaction, unless the ticket has one open already (then nothing happens, so the
 * customer repeating themselves, or our own change announced again, does nothing).
 */
export async function detectSupervisorRequest(s: OrgTx, e: TicketMessageAdded): Promise<void> {
  if (e.authorType !== "customer" || e.kind !== "inbound") return;
  const ticket = await findTicket(s, e.ticketId);
  if (!ticket || ticket.status === "closed" || ticket.mergedIntoId) return;
  if ((await activeEscalations(s, ticket.id)).length > 0) return;
  const message = await findMessage(s, e.ticketId, e.messageId);
  if (!message) return;
  const phrases = await phrasesOf(s);
  const matcher = new PhraseMatcher(phraseLocales(ticket.language).flatMap((l) => phrases[l]?.phrases ?? []));
  const found = matcher.find(withoutOurFooters(message.bodyText));
  if (!found) return;
  const customer = e.authorId ? await findCustomer(s, e.authorId) : undefined;
  const actor: Actor = {
    type: "customer",
    userId: null,
    customerId: customer?.id ?? ticket.requesterId,
    name: customer?.name || customer?.email || "customer",
    role: "agent",
  };
  await escalateTicket(
    s,
    { actor, requestId: null, ip: null },
    {
      ticketId: ticket.id,
      type: "customer_request",
      reason: CUSTOMER_REQUEST_REASON,
      note: found.excerpt,
      via: "message",
    },
  );
}

domainEvents.on<TicketMessageAdded>(TICKET_MESSAGE_ADDED, detectSupervisorRequest);
