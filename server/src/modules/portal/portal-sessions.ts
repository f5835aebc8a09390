import { and, eq, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Database } from "../../platform/db";
import { type AppEnv, isHttps } from "../../platform/http";
import { newId, randomToken, sha256 } from "../../platform/ids";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { liveCustomer } from "../customers";
import { portalSessions } from "./portal.tables";

// Customers sign in with a mailed link, never a password; their session is separate from staff
// sessions (its own cookie and table), so a portal cookie can never act on the staff API.

const SECURE_NAME = "__Host-frontline_portal";
const PLAIN_NAME = "frontline_portal";
/** A portal session ends this long after sign-in, whatever the activity. */
export const PORTAL_SESSION_DAYS = 30;
/** … and after this long without a visit. */
export const PORTAL_IDLE_DAYS = 7;
const DAY = 86_400_000;

/** The customer a portal request acts for. */
export interface PortalSession {
  sessionId: string;
  customerId: string;
  csrfToken: string;
}

/** Starts a session for a customer inside the caller's transaction; the token goes only into the cookie. */
export async function createPortalSession(
  s: OrgTx,
  init: { customerId: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  await s.tx.insert(portalSessions).values({
    orgId: s.orgId,
    id: newId(),
    customerId: init.customerId,
    tokenHash: sha256(token),
    csrfToken,
    ip: init.ip,
    userAgent: init.userAgent?.slice(0, 300) ?? null,
    expiresAt: new Date(Date.now() + PORTAL_SESSION_DAYS * DAY),
  });
  return { token, csrfToken };
}

/** The live session of a cookie token in this organisation, or null (unknown, ended, idle or expired). */
export async function resolvePortalSession(
  database: Database,
  orgId: string,
  token: string,
): Promise<PortalSession | null> {
  return inOrg(database, orgId, async (s) => {
    const [row] = await s.tx
      .select()
      .from(portalSessions)
      .where(and(eq(portalSessions.orgId, s.orgId), eq(portalSessions.tokenHash, sha256(token))));
    const now = Date.now();
    if (!row || row.revokedAt || row.expiresAt.getTime() <= now) return null;
    if (row.lastSeenAt.getTime() + PORTAL_IDLE_DAYS * DAY <= now) return null;
    // A customer merged into another since signing in now acts as the one they became.
    const customer = await liveCustomer(s, row.customerId);
    if (!customer) return null;
    if (now - row.lastSeenAt.getTime() > 60_000) {
      await s.tx
        .update(portalSessions)
        .set({ lastSeenAt: new Date(now) })
        .where(and(eq(portalSessions.orgId, s.orgId), eq(portalSessions.id, row.id)));
    }
    return { sessionId: row.id, customerId: customer.id, csrfToken: row.csrfToken };
  });
}

/** Ends a portal session on the server. */
export async function endPortalSession(s: OrgTx, sessionId: string): Promise<void> {
  await s.tx
    .update(portalSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(portalSessions.orgId, s.orgId), eq(portalSessions.id, sessionId), isNull(portalSessions.revokedAt)));
}

/** The portal cookie's token, if one was sent. */
export function portalCookie(c: Context<AppEnv>): string | undefined {
  const token = getCookie(c, SECURE_NAME) ?? getCookie(c, PLAIN_NAME);
  return token && token.length <= 200 ? token : undefined;
}

/** Sets the portal cookie: HttpOnly, SameSite=Lax, and Secure with the `__Host-` prefix over https. */
export function setPortalCookie(c: Context<AppEnv>, token: string): void {
  const secure = isHttps(c);
  setCookie(c, secure ? SECURE_NAME : PLAIN_NAME, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure,
    path: "/",
    maxAge: PORTAL_SESSION_DAYS * 86_400,
  });
}

/** Removes the portal cookie under either name. */
export function clearPortalCookie(c: Context<AppEnv>): void {
  deleteCookie(c, PLAIN_NAME, { path: "/" });
  deleteCookie(c, SECURE_NAME, { path: "/", secure: true });
}
