import { type Locale, localeSchema, reasonLabel } from "@frontline/common";
import { newId } from "../../platform/ids";
import type { OrgTx } from "../../platform/tenancy";
import type { EscalationNotice } from "../escalations";
import { activeStaff } from "../staff";
import { findTicket } from "../tickets";
import { mayBeNotified } from "./notifications.policy";
import { excerptOf } from "./notifications.service";
import { notifications } from "./notifications.tables";

/**
 * Tells the people an escalation's step names (active colleagues other than whoever took the step),
 * keeping the reason as labelled in each one's own language and the outcome as it was, like a mail.
 * The bell is the notice: escalations are not mailed (yet).
 */
export async function notifyEscalation(s: OrgTx, e: EscalationNotice): Promise<void> {
  const staff = await activeStaff(s, e.recipientIds);
  const active = new Set(staff.map((p) => p.id));
  const recipients = staff.filter((p) => mayBeNotified(p.id, e.actor.userId, active));
  if (recipients.length === 0) return;
  const ticket = await findTicket(s, e.ticketId);
  if (!ticket) return;
  const createdAt = new Date();
  await s.tx.insert(notifications).values(
    recipients.map((p) => {
      const locale: Locale = localeSchema.catch("en").parse(p.locale);
      return {
        orgId: s.orgId,
        id: newId(),
        userId: p.id,
        kind: e.kind,
        actorUserId: e.actor.userId,
        actorName: e.actor.name,
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        ticketSubject: ticket.subject,
        messageId: null,
        excerpt: e.note ? excerptOf(e.note) : "",
        escalationId: e.escalationId,
        escalation: {
          level: e.level,
          reason: e.reason,
          reasonLabel: reasonLabel(e.reasonLabels, locale, e.reason),
          outcome: e.outcome,
        },
        createdAt,
      };
    }),
  );
}
