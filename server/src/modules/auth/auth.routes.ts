import {
  apiTokenSchema,
  changePasswordInput,
  createApiTokenInput,
  createdApiTokenSchema,
  idSchema,
  loginInput,
  meSchema,
  one,
  pageOf,
  pageQuerySchema,
  updateMeInput,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { assertSameOrigin, createRouter, ctxOf, jsonBody, jsonResponse } from "../../platform/http";
import { authSecurity, problemResponses } from "../../platform/openapi";
import type { RateLimiter } from "../../platform/rate-limit";
import { changeOwnPassword, updateOwnProfile } from "../staff";
import { presentApiToken } from "./auth.present";
import { clearSessionCookie, setSessionCookie } from "./cookies";
import { login } from "./login.service";
import { loadMe } from "./me.service";
import { endSession } from "./sessions.service";
import { createApiToken, listApiTokens, revokeApiToken } from "./tokens.service";

const noContent = { 204: { description: "Done" } };
const authed = { security: authSecurity };

const routes = {
  login: createRoute({
    method: "post",
    path: "/auth/login",
    tags: ["Auth"],
    summary: "Sign in; sets the session cookie",
    request: { body: jsonBody(loginInput) },
    responses: { ...problemResponses, 200: jsonResponse(one(meSchema), "Signed in") },
  }),
  logout: createRoute({
    ...authed,
    method: "post",
    path: "/auth/logout",
    tags: ["Auth"],
    summary: "End this session",
    responses: { ...problemResponses, ...noContent },
  }),
  me: createRoute({
    ...authed,
    method: "get",
    path: "/me",
    tags: ["Auth"],
    summary: "The signed-in user",
    responses: { ...problemResponses, 200: jsonResponse(one(meSchema), "The signed-in user") },
  }),
  updateMe: createRoute({
    ...authed,
    method: "patch",
    path: "/me",
    tags: ["Auth"],
    summary: "Change own name, language or time zone",
    request: { body: jsonBody(updateMeInput) },
    responses: { ...problemResponses, 200: jsonResponse(one(meSchema), "The signed-in user") },
  }),
  password: createRoute({
    ...authed,
    method: "post",
    path: "/me/password",
    tags: ["Auth"],
    summary: "Change own password",
    request: { body: jsonBody(changePasswordInput) },
    responses: { ...problemResponses, ...noContent },
  }),
  listTokens: createRoute({
    ...authed,
    method: "get",
    path: "/api-tokens",
    tags: ["API tokens"],
    summary: "List own API tokens (admins: all=true for every token)",
    request: { query: pageQuerySchema.extend({ all: z.enum(["true", "false"]).optional() }) },
    responses: { ...problemResponses, 200: jsonResponse(pageOf(apiTokenSchema), "A page of tokens") },
  }),
  createToken: createRoute({
    ...authed,
    method: "post",
    path: "/api-tokens",
    tags: ["API tokens"],
    summary: "Create an API token; the secret is shown once",
    request: { body: jsonBody(createApiTokenInput) },
    responses: { ...problemResponses, 201: jsonResponse(one(createdApiTokenSchema), "The token, with its secret") },
  }),
  revokeToken: createRoute({
    ...authed,
    method: "delete",
    path: "/api-tokens/{id}",
    tags: ["API tokens"],
    summary: "Revoke an API token",
    request: { params: z.object({ id: idSchema }) },
    responses: { ...problemResponses, ...noContent },
  }),
};

/** Routes that need no session: only sign-in. */
export function publicAuthRoutes(limiter: RateLimiter) {
  return createRouter().openapi(routes.login, async (c) => {
    const deps = c.get("deps");
    // Sign-in from another site's page is refused (login CSRF).
    assertSameOrigin(c);
    const result = await login(deps, limiter, c.req.valid("json"), {
      ip: c.get("ip"),
      userAgent: c.req.header("user-agent") ?? null,
      requestId: c.get("requestId"),
    });
    setSessionCookie(c, result.token);
    return c.json({ data: await loadMe(deps.database, result.orgId, result.userId, result.csrfToken) }, 200);
  });
}

export const authRoutes = createRouter()
  .openapi(routes.logout, async (c) => {
    await endSession(ctxOf(c));
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .openapi(routes.me, async (c) => {
    const ctx = ctxOf(c);
    return c.json({ data: await loadMe(ctx.database, ctx.orgId, ctx.actor.userId!, c.get("auth")!.csrfToken) }, 200);
  })
  .openapi(routes.updateMe, async (c) => {
    const ctx = ctxOf(c);
    await updateOwnProfile(ctx, c.req.valid("json"));
    return c.json({ data: await loadMe(ctx.database, ctx.orgId, ctx.actor.userId!, c.get("auth")!.csrfToken) }, 200);
  })
  .openapi(routes.password, async (c) => {
    const { currentPassword, newPassword } = c.req.valid("json");
    await changeOwnPassword(ctxOf(c), currentPassword, newPassword);
    return c.body(null, 204);
  })
  .openapi(routes.listTokens, async (c) => {
    const q = c.req.valid("query");
    const { page, nextCursor } = await listApiTokens(ctxOf(c), { ...q, all: q.all === "true" });
    return c.json({ data: page.map(presentApiToken), nextCursor }, 200);
  })
  .openapi(routes.createToken, async (c) => {
    const { row, token } = await createApiToken(ctxOf(c), c.req.valid("json"));
    return c.json({ data: { ...presentApiToken(row), token } }, 201);
  })
  .openapi(routes.revokeToken, async (c) => {
    await revokeApiToken(ctxOf(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
