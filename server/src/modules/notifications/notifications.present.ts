import type { EscalationOutcome, Notification } from "@frontline/common";
import type { NotificationRow } from "./notifications.service";

/** Notification row → API shape. */
export function presentNotification(r: NotificationRow): Notification {
  return {
    id: r.id,
    kind: r.kind,
    actor: { id: r.actorUserId, name: r.actorName },
    ticket: { id: r.ticketId, number: r.ticketNumber, subject: r.ticketSubject },
    messageId: r.messageId,
    excerpt: r.excerpt,
    escalation:
      r.escalationId && r.escalation
        ? {
            id: r.escalationId,
            level: r.escalation.level,
            reason: r.escalation.reason,
            reasonLabel: r.escalation.reasonLabel,
            outcome: (r.escalation.outcome as EscalationOutcome | null) ?? null,
          }
        : null,
    readAt: r.readAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}
