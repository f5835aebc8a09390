import type { Context, MiddlewareHandler } from "hono";
import { AppError } from "./errors";
import type { AppEnv } from "./http";
import { sha256 } from "./ids";
import { type BucketRule, InFlight, type RateLimiter, type Verdict } from "./rate-limit";

/** The per-request limits, from configuration. */
export interface RequestLimits {
  orgPerMinute: number;
  /** Requests an organisation may always have in flight on one node (see InFlight). */
  orgInFlight: number;
  ipPerMinute: number;
  burstSeconds: number;
}

/** An organisation's own limit per minute, or null for the default (orgs module, wired in app.ts). */
export type OrgLimitLookup = (orgId: string) => Promise<number | null>;

const rule = (perMinute: number, burstSeconds: number): BucketRule => ({
  perMinute,
  burst: Math.max(1, Math.round((perMinute / 60) * burstSeconds)),
});

/** Draft IETF RateLimit-* headers: the limit per minute, what is left of the burst, seconds until all is back. */
function headersOf(v: Verdict): Record<string, string> {
  return {
    "RateLimit-Limit": String(v.limit),
    "RateLimit-Remaining": String(v.remaining),
    "RateLimit-Reset": String(v.resetSeconds),
  };
}

function refuse(v: Verdict, detail: string): AppError {
  return new AppError("rate_limited", detail, undefined, {
    ...headersOf(v),
    "Retry-After": String(v.retryAfterSeconds),
  });
}

function setHeaders(c: Context<AppEnv>, v: Verdict): void {
  for (const [name, value] of Object.entries(headersOf(v))) c.res.headers.set(name, value);
}

/** Every request counts against its client address (when there is one); decided in memory. */
export function limitByAddress(limiter: RateLimiter, limits: RequestLimits): MiddlewareHandler<AppEnv> {
  const r = rule(limits.ipPerMinute, limits.burstSeconds);
  return async (c, next) => {
    const ip = c.get("ip");
    if (!ip || c.req.path === "/healthz") return next();
    const v = limiter.take(`ip:${ip}`, r);
    if (!v.allowed) throw refuse(v, "Too many requests from this address; try again later");
    await next();
    if (!c.res.headers.has("RateLimit-Limit")) setHeaders(c, v);
  };
}

/**
 * Every authenticated request counts against its organisation. `before` runs ahead of authentication:
 * a credential already seen belongs to a known organisation, so while that organisation is over its limit
 * the request is refused without touching the database (the noisy tenant costs the others nothing).
 * `after` runs once the caller is known and does the counting.
 */
export function limitByOrganization(limiter: RateLimiter, limits: RequestLimits, lookup: OrgLimitLookup) {
  const known = new Map<string, string>(); // digest of a credential → its organisation
  const ownLimits = new OrgLimits(lookup, limits.orgPerMinute);
  const inFlight = new InFlight(limits.orgInFlight);
  const credential = (c: Context<AppEnv>) => c.req.header("authorization") ?? c.req.header("cookie");

  // Requests that took their place in flight before authentication (their organisation was known).
  const placed = new WeakSet<Context<AppEnv>>();
  const busy = () =>
    new AppError("rate_limited", "Too many requests of this organisation at once; try again", undefined, {
      "Retry-After": "1",
    });
  // A live stream stays open for hours: it is not a request competing for the node.
  const isStream = (c: Context<AppEnv>) => c.req.path.endsWith("/stream");

  const before: MiddlewareHandler<AppEnv> = async (c, next) => {
    const cred = credential(c);
    const orgId = cred ? known.get(sha256(cred)) : undefined;
    if (!orgId) return next();
    const full = limiter.isFull(`org:${orgId}`);
    if (full) throw refuse(full, "Too many requests for this organisation; try again later");
    if (isStream(c)) return next();
    // The place is taken here, so a flood of a known organisation waits on no session or token lookup.
    if (!inFlight.enter(orgId)) throw busy();
    placed.add(c);
    try {
      await next();
    } finally {
      inFlight.leave(orgId);
    }
  };

  const after: MiddlewareHandler<AppEnv> = async (c, next) => {
    const auth = c.get("auth");
    if (!auth) return next();
    const perMinute = await ownLimits.of(auth.orgId);
    const v = limiter.take(`org:${auth.orgId}`, rule(perMinute, limits.burstSeconds));
    const cred = credential(c);
    if (cred) {
      if (known.size >= 50_000) known.clear();
      known.set(sha256(cred), auth.orgId);
    }
    if (!v.allowed) throw refuse(v, "Too many requests for this organisation; try again later");
    if (placed.has(c) || isStream(c)) {
      await next();
    } else {
      if (!inFlight.enter(auth.orgId)) throw refuse({ ...v, retryAfterSeconds: 1 }, busy().message);
      try {
        await next();
      } finally {
        inFlight.leave(auth.orgId);
      }
    }
    setHeaders(c, v);
  };

  return { before, after };
}

/** Each organisation's limit, read once and then refreshed in the background every minute. */
class OrgLimits {
  private readonly cache = new Map<string, { perMinute: number; readAt: number }>();
  private readonly loading = new Map<string, Promise<number>>();

  constructor(
    private readonly lookup: OrgLimitLookup,
    private readonly fallback: number,
  ) {}

  async of(orgId: string): Promise<number> {
    const hit = this.cache.get(orgId);
    if (!hit) return this.load(orgId);
    if (Date.now() - hit.readAt > 60_000) this.load(orgId).catch(() => {});
    return hit.perMinute;
  }

  private load(orgId: string): Promise<number> {
    let p = this.loading.get(orgId);
    if (!p) {
      p = this.lookup(orgId)
        .then((own) => {
          const perMinute = own ?? this.fallback;
          if (this.cache.size >= 100_000) this.cache.clear();
          this.cache.set(orgId, { perMinute, readAt: Date.now() });
          return perMinute;
        })
        .finally(() => this.loading.delete(orgId));
      this.loading.set(orgId, p);
    }
    return p;
  }
}
