import { type Locale, localeSchema } from "@frontline/common";
import { publicBaseUrl } from "../../platform/config";
import type { Ctx, Deps } from "../../platform/context";
import { type JobHandler, PermanentJobError } from "../../platform/jobs";
import { inOrg } from "../../platform/tenancy";
import { findCustomer } from "../customers";
import { supervisorRequestFooter } from "../escalations";
import { currentOrganization } from "../orgs";
import { findMessage, findTicket, mergeMessageMeta, messageFiles, threadMailIds } from "../tickets";
import { rememberOutgoingMailId } from "./email-in";
import { portalFooter, portalTicketLink } from "./portal-footer";
import { type MailTransport, smtpTransport } from "./smtp-transport";

export const SEND_REPLY = "email.send_reply";

/** Strips line breaks and control characters from a header value: no header can be injected. */
export const headerSafe = (value: string): string => value.replace(/\p{Cc}+/gu, " ").trim();

/** The domain our Message-IDs are minted under: the sender's. */
function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  const domain = at >= 0 ? address.slice(at + 1).replace(/[>\s].*$/, "") : "";
  return domain || "localhost";
}

/** Parses `Name <addr>` or a bare address. */
function splitAddress(value: string): { name: string; address: string } {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value);
  return m ? { name: m[1]!.replace(/^"|"$/g, ""), address: m[2]! } : { name: "", address: value.trim() };
}

/** Who an organisation's mail comes from: its support address, else the configured MAIL_FROM. */
export function senderOf(
  deps: Pick<Deps, "config">,
  org: { name: string; supportEmail: string | null } | undefined,
): { name: string; address: string } {
  const from = org?.supportEmail ? { name: org.name, address: org.supportEmail } : splitAddress(deps.config.MAIL_FROM);
  return { name: headerSafe(from.name), address: headerSafe(from.address) };
}

/**
 * Sends an agent's public reply to the requester by mail, threaded under the conversation
 * (In-Reply-To/References), with the ticket number in the subject so the answer finds its ticket,
 * and a footer in the customer's language: a link to ask for a supervisor, and the request's page in
 * the customer portal. `baseUrl` is where
 * links point (PUBLIC_URL, else the port this process listens on).
 */
export function sendReplyHandler(
  deps: Deps,
  transport: MailTransport,
  baseUrl: () => string = () => publicBaseUrl(deps.config),
): JobHandler {
  return async (ctx: Ctx, payload) => {
    const { ticketId, messageId } = payload as { ticketId: string; messageId: string };
    const mail = await inOrg(ctx.database, ctx.orgId, async (s) => {
      const ticket = await findTicket(s, ticketId);
      const message = ticket ? await findMessage(s, ticketId, messageId) : undefined;
      if (!ticket || !message) throw new PermanentJobError("The ticket or message no longer exists");
      const requester = await findCustomer(s, ticket.requesterId);
      if (!requester?.email) throw new PermanentJobError("The requester has no email address");
      const from = senderOf(deps, await currentOrganization(s));
      const thread = (await threadMailIds(s, ticketId)).filter((t) => t.messageId !== messageId);
      const files = await messageFiles(s, messageId);
      const ownId = `<${messageId}@${domainOf(from.address)}>`;
      // A new link per mail: only its hash is stored, so the job that sends it is the only one to know it.
      const supervisor = await supervisorRequestFooter(s, ticketId, baseUrl());
      const org = await currentOrganization(s);
      const locale = [ticket.language, requester.locale, org?.defaultLocale, "en"].find(
        (l) => localeSchema.safeParse(l).success,
      ) as Locale;
      const portal = org ? portalFooter(locale, portalTicketLink(baseUrl(), org.slug, ticket.id)) : undefined;
      const lines = [supervisor, portal].filter((f) => f !== undefined);
      const footer = lines.length
        ? { text: lines.map((f) => f.text).join("\n"), html: lines.map((f) => f.html).join("\n") }
        : undefined;
      return {
        from: { name: headerSafe(from.name), address: headerSafe(from.address) },
        replyTo: { name: headerSafe(from.name), address: headerSafe(from.address) },
        to: { name: headerSafe(requester.name), address: headerSafe(requester.email) },
        subject: headerSafe(`Re: ${ticket.subject} [#${ticket.number}]`),
        text: footer ? `${message.bodyText}\n\n${footer.text}\n` : message.bodyText,
        ...(message.bodyHtml ? { html: footer ? `${message.bodyHtml}\n${footer.html}` : message.bodyHtml } : {}),
        messageId: ownId,
        ...(thread.length
          ? { inReplyTo: thread[thread.length - 1]!.mailId, references: thread.map((t) => t.mailId) }
          : {}),
        headers: { "X-Frontline-Ticket": String(ticket.number) },
        attachments: files.map((f) => ({
          filename: f.filename,
          content: f.content,
          contentType: f.contentType,
          ...(f.contentId ? { cid: f.contentId } : {}),
        })),
      };
    });
    await transport.send(mail);
    await inOrg(ctx.database, ctx.orgId, async (s) => {
      await rememberOutgoingMailId(s, mail.messageId.replace(/^<|>$/g, ""), ticketId, messageId);
      await mergeMessageMeta(s, messageId, {
        mail: { messageId: mail.messageId, to: mail.to.address, sentAt: new Date().toISOString() },
      });
    });
  };
}

export { smtpTransport };
