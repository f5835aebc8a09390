import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { type AppEnv, isHttps } from "../../platform/http";

const SECURE_NAME = "__Host-frontline_session";
const PLAIN_NAME = "frontline_session";

/** Cookie names a session may arrive under: `__Host-` over https, a plain name over http (local use). */
export const SESSION_COOKIES = [SECURE_NAME, PLAIN_NAME];

/** Sets the session cookie: HttpOnly, SameSite=Lax, and Secure with the `__Host-` prefix over https. */
export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  const secure = isHttps(c);
  const maxAge = c.get("deps").config.SESSION_MAX_HOURS * 3600;
  setCookie(c, secure ? SECURE_NAME : PLAIN_NAME, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure,
    path: "/",
    maxAge,
  });
}

/** Removes the session cookie under either name. */
export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, PLAIN_NAME, { path: "/" });
  deleteCookie(c, SECURE_NAME, { path: "/", secure: true });
}
