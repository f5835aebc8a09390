import { newId } from "../../platform/ids";
import { enqueueJob } from "../../platform/jobs";
import type { OrgTx } from "../../platform/tenancy";
import { activeStaff } from "../staff";
import { findTicket } from "../tickets";
import { mayBeNotified } from "./notifications.policy";
import { excerptOf, MAIL_DELAY_MS, MAIL_RULE_NOTICE } from "./notifications.service";
import { notifications } from "./notifications.tables";

/** A rule's text is kept whole up to this length: it is the notice, not an excerpt of something else. */
const RULE_TEXT_LENGTH = 1000;

/** What a rule asks to tell colleagues about a ticket: the rule's name, its rendered text, and who. */
export interface RuleNotice {
  ruleName: string;
  ticketId: string;
  recipientIds: readonly string[];
  text: string;
}

/**
 * Puts a rule's notice in the bell of each active colleague named (each once), and queues its mail
 * notice like a mention's, in the caller's transaction. Answers whom it reached.
 */
export async function notifyFromRule(s: OrgTx, n: RuleNotice): Promise<string[]> {
  const staff = await activeStaff(s, [...new Set(n.recipientIds)]);
  const active = new Set(staff.map((p) => p.id));
  // A rule has no author of its own to leave out.
  const recipients = [...active].filter((id) => mayBeNotified(id, null, active));
  const ticket = recipients.length > 0 ? await findTicket(s, n.ticketId) : undefined;
  if (!ticket) return [];
  // Set here rather than by the database: list cursors carry milliseconds, as Date does.
  const createdAt = new Date();
  const inserted = await s.tx
    .insert(notifications)
    .values(
      recipients.map((userId) => ({
        orgId: s.orgId,
        id: newId(),
        userId,
        kind: "rule" as const,
        actorUserId: null,
        actorName: n.ruleName,
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        ticketSubject: ticket.subject,
        messageId: null,
        excerpt: excerptOf(n.text, RULE_TEXT_LENGTH),
        createdAt,
      })),
    )
    .returning({ id: notifications.id, userId: notifications.userId });
  const runAt = new Date(createdAt.getTime() + MAIL_DELAY_MS);
  for (const { id } of inserted) await enqueueJob(s, MAIL_RULE_NOTICE, { notificationId: id }, { runAt });
  return inserted.map((r) => r.userId);
}
