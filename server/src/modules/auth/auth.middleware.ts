import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { AppError } from "../../platform/errors";
import type { AppEnv } from "../../platform/http";
import { safeEqual } from "../../platform/ids";
import { SESSION_COOKIES } from "./cookies";
import { resolveSession } from "./sessions.service";
import { resolveApiToken } from "./tokens.service";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the caller from `Authorization: Bearer` or the session cookie. Cookie-authenticated writes
 * must carry the session's CSRF token in `X-CSRF-Token`; bearer requests need none (no ambient credential).
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { database, config } = c.get("deps");
    const header = c.req.header("authorization");
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const auth = match ? await resolveApiToken(database, match[1]!) : null;
      if (!auth) throw new AppError("unauthenticated", "The API token is invalid, expired or revoked");
      c.set("auth", auth);
      return next();
    }
    const token = SESSION_COOKIES.map((name) => getCookie(c, name)).find(Boolean);
    if (!token || token.length > 200) throw new AppError("unauthenticated", "Sign in first");
    const auth = await resolveSession(database, config, token);
    if (!auth) throw new AppError("unauthenticated", "Your session has ended; sign in again");
    if (!SAFE_METHODS.has(c.req.method)) {
      const sent = c.req.header("x-csrf-token") ?? "";
      if (!auth.csrfToken || !safeEqual(sent, auth.csrfToken)) {
        throw new AppError("csrf_failed", "Missing or wrong X-CSRF-Token header");
      }
    }
    c.set("auth", auth);
    return next();
  };
}
