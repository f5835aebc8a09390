import type { SupervisorLink, SupervisorRequest } from "@frontline/common";
import { askForSupervisor, confirmSupervisorLink, previewSupervisorLink } from "../escalations";
import { inPortal, myTicketRow, type PortalCtx } from "./portal.service";

// A customer asks for a supervisor: with the button on their request's page (signed in), or through
// the link in a reply mail (the link's token is the proof, as a sign-in link's is).

const caller = (p: PortalCtx) => ({ requestId: p.requestId, ip: p.ip });

/** The signed-in customer asks for a supervisor on one of their requests (404 for anyone else's). */
export async function askForSupervisorOnMyTicket(p: PortalCtx, id: string): Promise<SupervisorRequest> {
  return inPortal(p, async (s) => {
    const [, ticket] = await myTicketRow(s, p, id, true);
    return askForSupervisor(s, caller(p), ticket.id);
  });
}

/** What a mailed link is for, before the customer confirms it. */
export async function previewMailedSupervisorLink(p: PortalCtx, token: string): Promise<SupervisorLink> {
  return inPortal(p, (s) => previewSupervisorLink(s, token));
}

/** The customer confirms a mailed link: one supervisor request while none is open. */
export async function confirmMailedSupervisorLink(p: PortalCtx, token: string): Promise<SupervisorRequest> {
  return inPortal(p, (s) => confirmSupervisorLink(s, caller(p), token));
}
