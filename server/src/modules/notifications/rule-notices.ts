import type { OrgTx } from "../../platform/tenancy";
import { activeStaff } from "../staff";
import { findTicket } from "../tickets";
import { mayBeNotified } from "./notifications.policy";
import { excerptOf, MAIL_RULE_NOTICE, recordNotices } from "./notifications.service";

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
  const inserted = await recordNotices(
    s,
    recipients.map((userId) => ({
      userId,
      kind: "rule" as const,
      actorUserId: null,
      actorName: n.ruleName,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      ticketSubject: ticket.subject,
      messageId: null,
      excerpt: excerptOf(n.text, RULE_TEXT_LENGTH),
    })),
    MAIL_RULE_NOTICE,
  );
  return inserted.map((r) => r.userId);
}
