import { type Locale, localeSchema } from "@frontline/common";
import type { Ctx, Deps } from "../../platform/context";
import type { JobHandler } from "../../platform/jobs";
import { inOrg } from "../../platform/tenancy";
import { headerSafe, type MailTransport } from "../channels";
import { findUser } from "../staff";
import { mentionNotice, ruleNotice } from "./notice-texts";
import { findNotification, markMailed } from "./notifications.service";

// The kinds of notice that are mailed, each with its words; escalation notices are not (yet).
const TEXTS = { mention: mentionNotice, rule: ruleNotice } as const;

/**
 * Mails a notice (a mention, a rule's) to its recipient, in their own language. Nothing is sent
 * without a relay, once the notice was read in the app or mailed before, or to someone no longer active.
 */
export function mailNoticeHandler(deps: Deps, transport: MailTransport | undefined): JobHandler {
  return async (ctx: Ctx, payload) => {
    if (!transport) return;
    const { notificationId } = payload as { notificationId: string };
    const mail = await inOrg(ctx.database, ctx.orgId, async (s) => {
      const n = await findNotification(s, notificationId);
      if (!n || n.readAt || n.mailedAt || !(n.kind in TEXTS)) return undefined;
      const recipient = await findUser(s, n.userId);
      if (!recipient?.active) return undefined;
      const locale: Locale = localeSchema.safeParse(recipient.locale).data ?? "en";
      const url = deps.config.PUBLIC_URL ? new URL(`/tickets/${n.ticketId}`, deps.config.PUBLIC_URL).href : null;
      const notice = TEXTS[n.kind as keyof typeof TEXTS](locale, {
        actorName: n.actorName,
        ticketNumber: n.ticketNumber,
        ticketSubject: n.ticketSubject,
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
