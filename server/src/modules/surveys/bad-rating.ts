import type { Actor, Ctx } from "../../platform/context";
import type { OrgTx } from "../../platform/tenancy";
import { findCustomer } from "../customers";
import { BAD_RATING_REASON, escalateTicket } from "../escalations";
import type { TicketRow } from "../tickets";

type Caller = Pick<Ctx, "requestId" | "ip">;

/** The note a supervisor reads: the rating, then what the customer wrote. */
export const badRatingNote = (rating: number, comment: string | null): string =>
  comment ? `${rating}/5 — ${comment}` : `${rating}/5`;

/**
 * A rating at or below the organisation's threshold asks a supervisor to follow up, as a
 * `bad_rating` escalation in the answer's transaction. Only a rating that turns bad does: changing
 * one bad rating into another raises nothing new (and an escalation still open answers for it anyway).
 */
export async function escalateBadRating(
  s: OrgTx,
  caller: Caller,
  f: { ticket: TicketRow; before: number | null; rating: number; comment: string | null; threshold: number },
): Promise<void> {
  const bad = (rating: number | null) => rating !== null && rating <= f.threshold;
  if (!bad(f.rating) || bad(f.before) || f.ticket.mergedIntoId) return;
  const customer = await findCustomer(s, f.ticket.requesterId);
  const actor: Actor = {
    type: "customer",
    userId: null,
    customerId: f.ticket.requesterId,
    name: customer?.name || customer?.email || "customer",
    role: "agent",
  };
  await escalateTicket(
    s,
    { ...caller, actor },
    {
      ticketId: f.ticket.id,
      type: "bad_rating",
      reason: BAD_RATING_REASON,
      note: badRatingNote(f.rating, f.comment).slice(0, 5000),
    },
  );
}
