import { type Locale, localeSchema } from "@frontline/common";
import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import { publicBaseUrl } from "../../platform/config";
import type { Ctx, Deps } from "../../platform/context";
import { newId, randomToken, sha256 } from "../../platform/ids";
import { enqueueJob, type JobHandler, PermanentJobError } from "../../platform/jobs";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { headerSafe, type MailTransport, senderOf } from "../channels";
import { findCustomer } from "../customers";
import { currentOrganization } from "../orgs";
import { findTicket } from "../tickets";
import { portalLinks } from "./portal.tables";
import { linkMail } from "./portal-mail-text";

export const SEND_PORTAL_LINK = "portal.send_link";

/** At most this many link mails reach one customer per hour, however often the form is used. */
export const LINKS_PER_HOUR = 5;
const TTL_MINUTES = { sign_in: 30, request_received: 7 * 24 * 60 } as const;

type Reason = keyof typeof TTL_MINUTES;

/**
 * Queues a sign-in link for a customer, unless they were sent LINKS_PER_HOUR in the last hour
 * (then nothing is sent: anonymous forms cannot be used to flood someone's mailbox). Inside the
 * caller's transaction; answers whether a mail was queued.
 */
export async function queueLink(
  s: OrgTx,
  link: { customerId: string; ticketId?: string | null; reason: Reason; locale: Locale },
): Promise<boolean> {
  const [recent] = await s.tx
    .select({ n: count() })
    .from(portalLinks)
    .where(
      and(
        eq(portalLinks.orgId, s.orgId),
        eq(portalLinks.customerId, link.customerId),
        gt(portalLinks.createdAt, sql`now() - interval '1 hour'`),
      ),
    );
  if (Number(recent?.n ?? 0) >= LINKS_PER_HOUR) return false;
  const id = newId();
  await s.tx.insert(portalLinks).values({
    orgId: s.orgId,
    id,
    customerId: link.customerId,
    ticketId: link.ticketId ?? null,
    reason: link.reason,
    locale: link.locale,
  });
  await enqueueJob(s, SEND_PORTAL_LINK, { linkId: id }, { maxAttempts: 10 });
  return true;
}

/** Uses a link's token once: the customer (and the request it was about), or undefined if unknown, used or expired. */
export async function useLink(
  s: OrgTx,
  token: string,
): Promise<{ customerId: string; ticketId: string | null } | undefined> {
  const [row] = await s.tx
    .update(portalLinks)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(portalLinks.orgId, s.orgId),
        eq(portalLinks.tokenHash, sha256(token)),
        isNull(portalLinks.usedAt),
        gt(portalLinks.expiresAt, sql`now()`),
      ),
    )
    .returning({ customerId: portalLinks.customerId, ticketId: portalLinks.ticketId });
  return row;
}

/**
 * Mints a link's secret and mails it. Only the hash is stored; a retry after a failed send mints a
 * new one, so a link that may have gone out half-way never works alongside the one that did.
 */
export function sendLinkHandler(
  deps: Deps,
  transport: MailTransport,
  baseUrl: () => string = () => publicBaseUrl(deps.config),
): JobHandler {
  return async (ctx: Ctx, payload) => {
    const { linkId } = payload as { linkId: string };
    const mail = await inOrg(ctx.database, ctx.orgId, async (s) => {
      const [link] = await s.tx
        .select()
        .from(portalLinks)
        .where(and(eq(portalLinks.orgId, s.orgId), eq(portalLinks.id, linkId)));
      if (!link || link.usedAt) throw new PermanentJobError("The link is gone or already used");
      const customer = await findCustomer(s, link.customerId);
      if (!customer?.email) throw new PermanentJobError("The customer has no email address");
      const org = (await currentOrganization(s))!;
      const ticket = link.ticketId ? await findTicket(s, link.ticketId) : undefined;
      const token = randomToken(32);
      const now = new Date();
      await s.tx
        .update(portalLinks)
        .set({
          tokenHash: sha256(token),
          sentAt: now,
          expiresAt: new Date(now.getTime() + TTL_MINUTES[link.reason] * 60_000),
        })
        .where(and(eq(portalLinks.orgId, s.orgId), eq(portalLinks.id, link.id)));
      const portal = `${baseUrl()}/portal/${org.slug}`;
      const locale = localeSchema.catch("en").parse(link.locale);
      const { subject, text } = linkMail(locale, link.reason, {
        org: org.name,
        name: customer.name || customer.email,
        // The secret rides in the fragment: browsers never send it to a server, so no log holds it.
        link: `${portal}/sign-in#token=${token}`,
        portal,
        number: ticket?.number,
        subject: ticket?.subject,
      });
      const from = senderOf(deps, org);
      return {
        from,
        to: { name: headerSafe(customer.name), address: headerSafe(customer.email) },
        subject: headerSafe(subject),
        text,
        headers: {
          "Auto-Submitted": "auto-generated",
          ...(ticket ? { "X-Frontline-Ticket": String(ticket.number) } : {}),
        },
      };
    });
    await transport.send(mail);
  };
}
