import { type EscalationOutcome, type Locale, localeSchema } from "@frontline/common";
import type { Ctx, Deps } from "../../platform/context";
import type { JobHandler } from "../../platform/jobs";
import { inOrg } from "../../platform/tenancy";
import { headerSafe, type MailTransport } from "../channels";
import { findUser } from "../staff";
import { escalationNoticeCurrent } from "./escalation-notices";
import { escalationNotice } from "./escalation-texts";
import { type MentionFacts, mentionNotice, ruleNotice } from "./notice-texts";
import { findNotification, markMailed, type NotificationRow } from "./notifications.service";

// The words of each kind of notice, in the recipient's language.
function wordsOf(n: NotificationRow, locale: Locale, facts: MentionFacts): { subject: string; text: string } {
  if (n.kind === "mention") return mentionNotice(locale, facts);
  if (n.kind === "rule") return ruleNotice(locale, facts);
  return escalationNotice(locale, {
    ...facts,
    kind: n.kind,
    type: n.escalation?.type,
    reasonLabel: n.escalation?.reasonLabel ?? "",
    outcome: (n.escalation?.outcome as EscalationOutcome | null | undefined) ?? null,
  });
}

/**
 * Mails a notice (a mention, a rule's, an escalation step's) to its recipient, in their own language.
 * Nothing is sent without a relay, once the notice was read in the app or mailed before, to someone
 * no longer active, or for an escalation step that a later one has overtaken.
 */
export function mailNoticeHandler(deps: Deps, transport: MailTransport | undefined): JobHandler {
  return async (ctx: Ctx, payload) => {
    if (!transport) return;
    const { notificationId } = payload as { notificationId: string };
    const mail = await inOrg(ctx.database, ctx.orgId, async (s) => {
      const n = await findNotification(s, notificationId);
      if (!n || n.readAt || n.mailedAt || !(await escalationNoticeCurrent(s, n))) return undefined;
      const recipient = await findUser(s, n.userId);
      if (!recipient?.active) return undefined;
      const locale: Locale = localeSchema.safeParse(recipient.locale).data ?? "en";
      const url = deps.config.PUBLIC_URL ? new URL(`/tickets/${n.ticketId}`, deps.config.PUBLIC_URL).href : null;
      // A name or subject is one line in the body too, so a line break in it cannot fake the mail's layout.
      const notice = wordsOf(n, locale, {
        actorName: headerSafe(n.actorName),
        ticketNumber: n.ticketNumber,
        ticketSubject: headerSafe(n.ticketSubject),
        excerpt: n.excerpt,
        url,
      });
      return {
        from: headerSafe(deps.config.MAIL_FROM),
        to: { name: headerSafe(recipient.name), address: headerSafe(recipient.email) },
        subject: headerSafe(notice.subject),
        text: notice.text,
        headers: { "Content-Language": locale, "Auto-Submitted": "auto-generated" },
      };
    });
    if (!mail) return;
    await transport.send(mail);
    await inOrg(ctx.database, ctx.orgId, (s) => markMailed(s, notificationId));
  };
}
