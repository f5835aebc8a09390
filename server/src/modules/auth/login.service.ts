import type { LoginInput } from "@frontline/common";
import type { Deps } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { verifyPassword } from "../../platform/passwords";
import type { RateLimiter } from "../../platform/rate-limit";
import { inLookup, inOrg } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { loginCandidates } from "../staff";
import { createSession } from "./sessions.service";

export interface LoginRequest {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * Signs a user in. Every failure looks the same (no hint whether the email exists) and takes the
 * same time; attempts are limited per email and per address.
 */
export async function login(deps: Deps, limiter: RateLimiter, input: LoginInput, req: LoginRequest) {
  const { LOGIN_MAX_ATTEMPTS: max, LOGIN_WINDOW_SECONDS: window } = deps.config;
  for (const key of [`login:email:${input.email}`, `login:ip:${req.ip ?? "unknown"}`]) {
    const limit = key.startsWith("login:ip") ? max * 5 : max;
    const verdict = await limiter.hit(key, limit, window);
    if (!verdict.allowed) {
      throw new AppError("rate_limited", "Too many sign-in attempts; try again later", undefined, {
        "Retry-After": String(verdict.retryAfterSeconds),
      });
    }
  }
  const candidates = await inLookup(deps.database, { loginEmail: input.email }, (tx) =>
    loginCandidates(tx, input.email),
  );
  let match: (typeof candidates)[number] | undefined;
  for (const c of candidates) {
    if (c.active && (await verifyPassword(c.passwordHash, input.password))) {
      match = c;
      break;
    }
  }
  if (candidates.length === 0) await verifyPassword(null, input.password);
  if (!match) {
    for (const c of candidates) {
      const ctx = { actor: anonymous(input.email), requestId: req.requestId, ip: req.ip };
      await inOrg(deps.database, c.orgId, (s) =>
        recordAudit(s, ctx, { action: "auth.login_failed", entityType: "user", entityId: c.id }),
      );
    }
    throw new AppError("invalid_credentials", "The email or password is wrong");
  }
  await limiter.reset(`login:email:${input.email}`);
  const session = await createSession(deps.database, deps.config, {
    orgId: match.orgId,
    userId: match.id,
    ip: req.ip,
    userAgent: req.userAgent,
  });
  const actor = { type: "user" as const, userId: match.id, name: match.name, role: match.role };
  await inOrg(deps.database, match.orgId, (s) =>
    recordAudit(
      s,
      { actor, requestId: req.requestId, ip: req.ip },
      {
        action: "auth.login",
        entityType: "session",
        entityId: session.id,
      },
    ),
  );
  return { orgId: match.orgId, userId: match.id, ...session };
}

function anonymous(email: string) {
  return { type: "anonymous" as const, userId: null, name: email, role: "agent" as const };
}
