import { LOCALES, type Locale, localeSchema } from "@frontline/common";
import type { Actor } from "../../platform/context";
import { domainEvents } from "../../platform/events";
import { cachedConfig } from "../../platform/org-config";
import type { OrgTx } from "../../platform/tenancy";
import { findCustomer } from "../customers";
import { findTicket, TICKET_MESSAGE_ADDED, type TicketMessageAdded } from "../tickets";
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

/** The organisation's phrases of these languages, compiled once per configuration version. */
function matcherFor(s: OrgTx, locales: readonly Locale[]): Promise<PhraseMatcher> {
  return cachedConfig(s, `escalations:matcher:${locales.join(",")}`, async () => {
    const phrases = await phrasesOf(s);
    return new PhraseMatcher(locales.flatMap((l) => phrases[l]?.phrases ?? []));
  });
}

/**
 * A customer's message that asks for a supervisor raises a `customer_request` escalation in the
 * message's own transaction, unless the ticket has one open already (then nothing happens, so the
 * customer repeating themselves, or our own change announced again, does nothing).
 */
export async function detectSupervisorRequest(s: OrgTx, e: TicketMessageAdded): Promise<void> {
  if (e.authorType !== "customer" || e.kind !== "inbound") return;
  // Most messages ask for nobody: the phrases of every language are tried first, and only a
  // message that has one reads its ticket to be checked with the ticket's own languages.
  const body = withoutOurFooters(e.bodyText);
  if (!(await matcherFor(s, LOCALES)).find(body)) return;
  const ticket = await findTicket(s, e.ticketId);
  if (!ticket || ticket.status === "closed" || ticket.mergedIntoId) return;
  const found = (await matcherFor(s, phraseLocales(ticket.language))).find(body);
  if (!found) return;
  if ((await activeEscalations(s, ticket.id)).length > 0) return;
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
