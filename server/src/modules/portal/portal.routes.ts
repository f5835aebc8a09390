import { localeSchema, portalReplyInput, portalRequestInput, portalSignedInRequestInput } from "@frontline/common";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../platform/errors";
import { type AppEnv, assertSameOrigin, createRouter } from "../../platform/http";
import { safeEqual } from "../../platform/ids";
import type { RateLimiter } from "../../platform/rate-limit";
import { organizationBySlug } from "../orgs";
import { downloadHeaders } from "../tickets";
import { presentPortalCustomer, presentPortalMessage, presentPortalTicket } from "./portal.present";
import {
  listMyTickets,
  myAttachment,
  myTicket,
  type PortalCtx,
  portalMe,
  replyToMyTicket,
  requestSignInLink,
  requireSession,
  signInWithLink,
  signOutOfPortal,
  submitRequest,
  updatePortalMe,
} from "./portal.service";
import { portalSpec as spec } from "./portal.spec";
import { readPortalForm } from "./portal-form";
import { clearPortalCookie, portalCookie, resolvePortalSession, setPortalCookie } from "./portal-sessions";
import {
  askForSupervisorOnMyTicket,
  confirmMailedSupervisorLink,
  previewMailedSupervisorLink,
} from "./portal-supervisor";

/** Per client address: requests and link mails an hour, and sign-in attempts a quarter of an hour. */
const LIMITS = {
  request: { max: 20, window: 3600 },
  link: { max: 20, window: 3600 },
  linkPerEmail: { max: 5, window: 900 },
  signIn: { max: 30, window: 900 },
  supervisorLink: { max: 30, window: 900 },
} as const;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The portal of the organisation named in the path, and the signed-in customer if any. A signed-in
 * write must carry the session's CSRF token; an anonymous one must not come from another site's page.
 */
async function portalOf(c: Context<AppEnv>, slug: string, opts: { signingIn?: boolean } = {}): Promise<PortalCtx> {
  const deps = c.get("deps");
  const org = await organizationBySlug(deps.database, slug);
  if (!org) throw new AppError("not_found", "No such portal");
  const token = portalCookie(c);
  const session = token ? await resolvePortalSession(deps.database, org.orgId, token) : null;
  if (!SAFE_METHODS.has(c.req.method)) {
    // Signing in (again) proves itself with the mailed token; like staff sign-in it only must not
    // come from another site's page.
    if (session && !opts.signingIn) {
      if (!safeEqual(c.req.header("x-csrf-token") ?? "", session.csrfToken)) {
        throw new AppError("csrf_failed", "Missing or wrong X-CSRF-Token header");
      }
    } else assertSameOrigin(c);
  }
  return {
    deps,
    org,
    session,
    requestId: c.get("requestId"),
    ip: c.get("ip"),
    userAgent: c.req.header("user-agent") ?? null,
  };
}

async function limit(limiter: RateLimiter, key: string, rule: { max: number; window: number }): Promise<void> {
  const verdict = await limiter.hit(key, rule.max, rule.window);
  if (!verdict.allowed) {
    throw new AppError("rate_limited", "Too many requests; try again later", undefined, {
      "Retry-After": String(verdict.retryAfterSeconds),
    });
  }
}

/** The portal's routes; they need no staff session and are mounted before staff authentication. */
export function portalRoutes(limiter: RateLimiter) {
  const router = createRouter();
  // Requests with files have the size of a mail; everything else the size of any JSON request.
  router.use("/portal/*", async (c, next) => {
    const { config } = c.get("deps");
    const multipart = (c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/");
    return bodyLimit({
      maxSize: multipart ? config.MAIL_MAX_BYTES : config.BODY_LIMIT_BYTES,
      onError: () => {
        throw new AppError("payload_too_large", "The request body is too large");
      },
    })(c, next);
  });

  return router
    .openapi(spec.org, async (c) => {
      const { org } = await portalOf(c, c.req.valid("param").slug);
      const defaultLocale = localeSchema.catch("en").parse(org.defaultLocale);
      return c.json({ data: { name: org.name, slug: org.slug, defaultLocale } }, 200);
    })
    .openapi(spec.submit, async (c) => {
      const p = await portalOf(c, c.req.valid("param").slug);
      await limit(limiter, `portal:request:${p.org.orgId}:${p.ip}`, LIMITS.request);
      const { input, files } = p.session
        ? await readPortalForm(c, portalSignedInRequestInput)
        : await readPortalForm(c, portalRequestInput);
      return c.json({ data: await submitRequest(p, input, files) }, 201);
    })
    .openapi(spec.signInLink, async (c) => {
      const p = await portalOf(c, c.req.valid("param").slug);
      const { email, locale } = c.req.valid("json");
      await limit(limiter, `portal:link:${p.org.orgId}:${p.ip}`, LIMITS.link);
      await limit(limiter, `portal:link:${p.org.orgId}:${email}`, LIMITS.linkPerEmail);
      await requestSignInLink(p, email, locale);
      return c.body(null, 202);
    })
    .openapi(spec.signIn, async (c) => {
      const p = await portalOf(c, c.req.valid("param").slug, { signingIn: true });
      await limit(limiter, `portal:sign-in:${p.ip}`, LIMITS.signIn);
      const session = await signInWithLink(p, c.req.valid("json").token);
      setPortalCookie(c, session.token);
      return c.json(
        {
          data: { customer: presentPortalCustomer(session.customer, session.csrfToken), ticketId: session.ticketId },
        },
        200,
      );
    })
    .openapi(spec.signOut, async (c) => {
      const p = await portalOf(c, c.req.valid("param").slug);
      await signOutOfPortal(p);
      clearPortalCookie(c);
      return c.body(null, 204);
    })
    .openapi(spec.me, async (c) => {
      const p = await portalOf(c, c.req.valid("param").slug);
      return c.json({ data: presentPortalCustomer(await portalMe(p), requireSession(p).csrfToken) }, 200);
    })
    .openapi(spec.updateMe, async (c) => {
      const p = await portalOf(c, c.req.valid("param").slug);
      const customer = await updatePortalMe(p, c.req.valid("json"));
      return c.json({ data: presentPortalCustomer(customer, requireSession(p).csrfToken) }, 200);
    })
    .openapi(spec.tickets, async (c) => {
      const p = await portalOf(c, c.req.valid("param").slug);
      const { page, nextCursor, merged } = await listMyTickets(p, c.req.valid("query"));
      return c.json({ data: page.map((t) => presentPortalTicket(t, merged)), nextCursor }, 200);
    })
    .openapi(spec.ticket, async (c) => {
      const { slug, id } = c.req.valid("param");
      const detail = await myTicket(await portalOf(c, slug), id);
      return c.json({ data: presentDetail(slug, detail) }, 200);
    })
    .openapi(spec.reply, async (c) => {
      const { slug, id } = c.req.valid("param");
      const p = await portalOf(c, slug);
      requireSession(p);
      const { input, files } = await readPortalForm(c, portalReplyInput);
      return c.json({ data: presentDetail(slug, await replyToMyTicket(p, id, input.body, files)) }, 201);
    })
    .openapi(spec.askForSupervisor, async (c) => {
      const { slug, id } = c.req.valid("param");
      const p = await portalOf(c, slug);
      requireSession(p);
      const answer = await askForSupervisorOnMyTicket(p, id);
      return answer.created ? c.json({ data: answer }, 201) : c.json({ data: answer }, 200);
    })
    .openapi(spec.supervisorLink, async (c) => {
      // The mailed token proves itself, as a sign-in link's does: no portal session is needed.
      const p = await portalOf(c, c.req.valid("param").slug, { signingIn: true });
      await limit(limiter, `portal:supervisor-link:${p.ip}`, LIMITS.supervisorLink);
      return c.json({ data: await previewMailedSupervisorLink(p, c.req.valid("json").token) }, 200);
    })
    .openapi(spec.confirmSupervisorLink, async (c) => {
      const p = await portalOf(c, c.req.valid("param").slug, { signingIn: true });
      await limit(limiter, `portal:supervisor-link:${p.ip}`, LIMITS.supervisorLink);
      const answer = await confirmMailedSupervisorLink(p, c.req.valid("json").token);
      return answer.created ? c.json({ data: answer }, 201) : c.json({ data: answer }, 200);
    })
    .openapi(spec.attachment, async (c) => {
      const { slug, id } = c.req.valid("param");
      const file = await myAttachment(await portalOf(c, slug), id);
      return c.body(new Uint8Array(file.content), 200, downloadHeaders(file));
    });
}

function presentDetail(slug: string, d: Awaited<ReturnType<typeof myTicket>>) {
  return {
    ticket: presentPortalTicket(d.ticket, d.merged),
    messages: d.messages.map((m) => presentPortalMessage(slug, m)),
    supervisorRequested: d.supervisorRequested,
  };
}
