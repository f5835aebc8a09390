import { type Locale, localeSchema, reasonLabel } from "@frontline/common";
import type { OrgTx } from "../../platform/tenancy";
import { type EscalationNotice, escalationStatus } from "../escalations";
import { activeStaff } from "../staff";
import { findTicket } from "../tickets";
import { mayBeNotified } from "./notifications.policy";
import { excerptOf, MAIL_ESCALATION_NOTICE, type NotificationRow, recordNotices } from "./notifications.service";

/** A step's note is kept whole up to this length: a coaching note is the point of its notice. */
const NOTE_LENGTH = 1000;

/**
 * Tells the people an escalation's step names (active colleagues other than whoever took the step),
 * keeping the reason as labelled in each one's own language and the outcome as it was, like a mail,
 * and queues each one's mail notice in the step's transaction. Mail goes exactly where the bell does.
 */
export async function notifyEscalation(s: OrgTx, e: EscalationNotice): Promise<void> {
  const staff = await activeStaff(s, e.recipientIds);
  const active = new Set(staff.map((p) => p.id));
  const recipients = staff.filter((p) => mayBeNotified(p.id, e.actor.userId, active));
  if (recipients.length === 0) return;
  const ticket = await findTicket(s, e.ticketId);
  if (!ticket) return;
  await recordNotices(
    s,
    recipients.map((p) => {
      const locale: Locale = localeSchema.catch("en").parse(p.locale);
      return {
        userId: p.id,
        kind: e.kind,
        actorUserId: e.actor.userId,
        actorName: e.actor.name,
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        ticketSubject: ticket.subject,
        messageId: null,
        excerpt: e.note ? excerptOf(e.note, NOTE_LENGTH) : "",
        escalationId: e.escalationId,
        escalation: {
          type: e.type,
          level: e.level,
          reason: e.reason,
          reasonLabel: reasonLabel(e.reasonLabels, locale, e.reason),
          outcome: e.outcome,
        },
      };
    }),
    MAIL_ESCALATION_NOTICE,
  );
}

/**
 * Whether an escalation notice still says what is happening when its mail is due. "Handed to you"
 * is stale once someone took the escalation, and "taken" once it was resolved: that later step's
 * own notice (and mail) tells the agent, so a quick supervisor does not send two mails at once.
 */
export async function escalationNoticeCurrent(s: OrgTx, n: NotificationRow): Promise<boolean> {
  if (n.kind !== "escalation_requested" && n.kind !== "escalation_taken") return true;
  if (!n.escalationId) return false;
  const status = await escalationStatus(s, n.escalationId);
  return n.kind === "escalation_requested" ? status === "open" : status === "taken";
}
