import { type Locale, localeSchema } from "@frontline/common";
import { and, eq } from "drizzle-orm";
import { publicBaseUrl } from "../../platform/config";
import type { Ctx, Deps } from "../../platform/context";
import { randomToken, sha256 } from "../../platform/ids";
import type { JobHandler } from "../../platform/jobs";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { headerSafe, type MailTransport, senderOf } from "../channels";
import { findCustomer } from "../customers";
import { currentOrganization } from "../orgs";
import { findTicket, threadMailIds } from "../tickets";
import { settingsOf } from "./settings.service";
import { surveyMail, surveyPageLink } from "./survey-mail";
import { surveyRequests } from "./surveys.tables";

const DAY_MS = 86_400_000;

/** The first of the candidates that is a language Frontline speaks, else English. */
export const localeOf = (...candidates: (string | null | undefined)[]): Locale =>
  localeSchema.catch("en").parse(candidates.find((c) => localeSchema.safeParse(c).success));

type RequestRow = typeof surveyRequests.$inferSelect;

async function setStatus(s: OrgTx, id: string, set: Partial<RequestRow>): Promise<void> {
  await s.tx
    .update(surveyRequests)
    .set(set)
    .where(and(eq(surveyRequests.orgId, s.orgId), eq(surveyRequests.id, id)));
}

/**
 * Prepares a due survey's mail, minting its token (only the hash is kept), or decides it is not to
 * be sent: the ticket was reopened (or merged, or is gone), the customer has no address, surveys
 * were switched off, or it waited past its expiry for a relay. Undefined when there is nothing to send.
 */
async function prepare(deps: Deps, s: OrgTx, requestId: string, now: Date, baseUrl: string) {
  const [req] = await s.tx
    .select()
    .from(surveyRequests)
    .where(and(eq(surveyRequests.orgId, s.orgId), eq(surveyRequests.id, requestId)))
    .for("update");
  // Sent or skipped by an earlier run; or solved again since, and a later job carries the new time.
  if (req?.status !== "scheduled" || req.scheduledFor.getTime() > now.getTime()) return undefined;
  const ticket = await findTicket(s, req.ticketId);
  const settings = await settingsOf(s);
  const customer = ticket ? await findCustomer(s, ticket.requesterId) : undefined;
  const stillSolved = ticket && !ticket.mergedIntoId && (ticket.status === "solved" || ticket.status === "closed");
  if (!stillSolved || !customer?.email || !settings.enabled || req.expiresAt.getTime() <= now.getTime()) {
    await setStatus(s, req.id, { status: "skipped" });
    return undefined;
  }
  const org = await currentOrganization(s);
  const locale = localeOf(ticket.language, customer.locale, org?.defaultLocale);
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + settings.expiresDays * DAY_MS);
  await setStatus(s, req.id, { tokenHash: sha256(token), language: locale, expiresAt });
  const from = senderOf(deps, org);
  const words = surveyMail({
    locale,
    customerName: headerSafe(customer.name),
    orgName: headerSafe(org?.name ?? from.name),
    ticketNumber: ticket.number,
    ticketSubject: headerSafe(ticket.subject),
    link: surveyPageLink(baseUrl, token),
    expiresAt,
  });
  // Threaded under the conversation, so the customer's mail client shows it with the replies.
  const thread = await threadMailIds(s, ticket.id);
  return {
    from,
    to: { name: headerSafe(customer.name), address: headerSafe(customer.email) },
    subject: headerSafe(words.subject),
    text: words.text,
    html: words.html,
    ...(thread.length ? { inReplyTo: thread[thread.length - 1]!.mailId, references: thread.map((t) => t.mailId) } : {}),
    headers: {
      "Auto-Submitted": "auto-generated",
      "Content-Language": locale,
      "X-Frontline-Ticket": String(ticket.number),
    },
  };
}

/**
 * Sends a ticket's survey when it falls due, through the same relay as replies. A retry after a
 * failed send mints a new token, so only the link of the mail that went out works; the last failed
 * attempt marks the survey failed.
 */
export function sendSurveyHandler(
  deps: Deps,
  transport: MailTransport,
  baseUrl: () => string = () => publicBaseUrl(deps.config),
): JobHandler {
  return async (ctx: Ctx, payload, job, now) => {
    const { requestId } = payload as { requestId: string };
    const mail = await inOrg(ctx.database, ctx.orgId, (s) => prepare(deps, s, requestId, now, baseUrl()));
    if (!mail) return;
    try {
      await transport.send(mail);
    } catch (err) {
      if (job.attempts >= job.maxAttempts) {
        await inOrg(ctx.database, ctx.orgId, (s) => setStatus(s, requestId, { status: "failed" }));
      }
      throw err;
    }
    await inOrg(ctx.database, ctx.orgId, (s) => setStatus(s, requestId, { status: "sent", sentAt: now }));
  };
}
