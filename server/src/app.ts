import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { auditRoutes, recordAudit } from "./modules/audit";
import { authenticate, authRoutes, publicAuthRoutes } from "./modules/auth";
import { calendarRoutes } from "./modules/calendars";
import { channelRoutes } from "./modules/channels";
import { customFieldRoutes } from "./modules/custom-fields";
import { customerRoutes } from "./modules/customers";
import { escalationRoutes, escalationSettingsRoutes } from "./modules/escalations";
import { metricsRoutes } from "./modules/metrics";
import { notificationRoutes } from "./modules/notifications";
import { organizationRateLimit } from "./modules/orgs";
import { portalRoutes } from "./modules/portal";
import { exportRoutes, scheduleRoutes } from "./modules/reports";
import { routingRoutes, routingSettingsRoutes } from "./modules/routing";
import { ruleRoutes } from "./modules/rules";
import { searchRoutes } from "./modules/search";
import { slaRoutes } from "./modules/sla";
import { staffRoutes } from "./modules/staff";
import { SURVEY_TOKEN_PATHS, surveyPublicRoutes, surveySettingsRoutes } from "./modules/surveys";
import { attachmentRoutes, ticketRoutes, viewRoutes } from "./modules/tickets";
import { wallboardRoutes } from "./modules/wallboard";
import type { Deps } from "./platform/context";
import { docsPage } from "./platform/docs-page";
import { AppError } from "./platform/errors";
import { type AppEnv, createRouter, problemResponse } from "./platform/http";
import { RateLimiter } from "./platform/rate-limit";
import { limitByAddress, limitByOrganization, type RequestLimits } from "./platform/rate-limit-http";
import { inOrg } from "./platform/tenancy";
import { webAssets } from "./platform/web-assets";

export interface AppOptions {
  /** Where the built web app lives; tests point it elsewhere. */
  webDist?: string;
  /** Shared by every node through the database; tests give each app its own namespace, or one for "two nodes". */
  limiter?: RateLimiter;
}

/** The rate limiter a node's application counts in; the process closes it last, so no count is lost. */
export function rateLimiterFor(deps: Deps): RateLimiter {
  const { config } = deps;
  // The embedded database has one process by construction (its folder is locked): nothing to share often.
  const syncEveryMs =
    deps.database.kind === "pglite" ? Math.max(5000, config.RATE_LIMIT_SYNC_MS) : config.RATE_LIMIT_SYNC_MS;
  return new RateLimiter(deps.database, { syncEveryMs, log: deps.log });
}

/** Builds the HTTP application: middleware, module routes, docs, web app, one error handler. */
export function createApp(deps: Deps, opts: AppOptions = {}) {
  const { config } = deps;
  const limiter = opts.limiter ?? rateLimiterFor(deps);
  const limits: RequestLimits = {
    orgPerMinute: config.RATE_LIMIT_ORG_PER_MINUTE,
    orgInFlight: config.RATE_LIMIT_ORG_IN_FLIGHT ?? config.DB_POOL_SIZE,
    ipPerMinute: config.RATE_LIMIT_IP_PER_MINUTE,
    burstSeconds: config.RATE_LIMIT_BURST_SECONDS,
  };
  const perOrg = limitByOrganization(limiter, limits, (orgId) => organizationRateLimit(deps.database, orgId));
  const app = createRouter();

  app.use(requestId({ headerName: "X-Request-Id", generator: () => crypto.randomUUID() }));
  app.use(async (c, next) => {
    c.set("deps", deps);
    c.set("ip", clientIp(c, deps.config.TRUST_PROXY));
    c.set("log", deps.log.child({ requestId: c.get("requestId") }));
    const started = performance.now();
    const path = loggedPath(c.req.path);
    c.get("log").debug({ method: c.req.method, path }, "request started");
    await next();
    const auth = c.get("auth");
    c.get("log").info(
      {
        method: c.req.method,
        path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        orgId: auth?.orgId,
        userId: auth?.actor.userId,
      },
      "request",
    );
  });
  // Decided in memory, ahead of any database work: a flood is refused at the door.
  app.use(limitByAddress(limiter, limits));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: "same-origin",
    }),
  );
  const tooLarge = () =>
    new AppError("payload_too_large", `The request body is over ${deps.config.BODY_LIMIT_BYTES} bytes`);
  const jsonLimit = bodyLimit({
    maxSize: deps.config.BODY_LIMIT_BYTES,
    onError: () => {
      throw tooLarge();
    },
  });
  // Raw mail, file uploads and the portal's forms have their own, larger limits (see their routes).
  const ownLimits = new Set(["/api/v1/channels/email/inbound", "/api/v1/attachments"]);
  const hasOwnLimit = (path: string) => ownLimits.has(path) || path.startsWith("/api/v1/portal/");
  app.use("/api/*", (c, next) => {
    if (hasOwnLimit(c.req.path) || c.req.method === "GET" || c.req.method === "HEAD") return next();
    // A declared length is enough to judge by (Node's parser reads no more than it), and leaves the
    // body unread for the route to take straight from the socket. Asking the request for its body
    // stream here, as the general limit does, makes the web-standard Request and its stream for
    // every request: most of the cost of reading a small JSON body.
    const declared = c.req.header("content-length");
    if (declared !== undefined && c.req.header("transfer-encoding") === undefined) {
      if (Number(declared) > deps.config.BODY_LIMIT_BYTES) throw tooLarge();
      return next();
    }
    return jsonLimit(c, next);
  });

  app.get("/healthz", (c) => c.json({ status: "ok" }));

  const v1 = createRouter();
  v1.route("/", publicAuthRoutes(limiter));
  v1.route("/", portalRoutes(limiter));
  v1.route("/", surveyPublicRoutes(limiter));
  v1.use("*", perOrg.before);
  v1.use("*", authenticate());
  v1.use("*", perOrg.after);
  v1.route("/", authRoutes);
  v1.route("/", staffRoutes);
  v1.route("/", auditRoutes);
  v1.route("/", customFieldRoutes);
  v1.route("/", customerRoutes);
  v1.route("/", ticketRoutes);
  v1.route("/", attachmentRoutes);
  v1.route("/", viewRoutes);
  v1.route("/", channelRoutes);
  v1.route("/", searchRoutes);
  v1.route("/", slaRoutes);
  v1.route("/", notificationRoutes);
  v1.route("/", calendarRoutes);
  v1.route("/", routingRoutes);
  v1.route("/", routingSettingsRoutes);
  v1.route("/", ruleRoutes);
  v1.route("/", escalationRoutes);
  v1.route("/", metricsRoutes);
  v1.route("/", exportRoutes);
  v1.route("/", scheduleRoutes);
  v1.route("/", escalationSettingsRoutes);
  v1.route("/", wallboardRoutes);
  v1.route("/", surveySettingsRoutes);
  app.route("/api/v1", v1);

  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "frontline_session",
    description: "Session cookie from POST /api/v1/auth/login; writes also need the X-CSRF-Token header.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.openAPIRegistry.registerComponent("securitySchemes", "portalSession", {
    type: "apiKey",
    in: "cookie",
    name: "frontline_portal",
    description: "A customer's portal session from POST /api/v1/portal/{slug}/session; writes also need X-CSRF-Token.",
  });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Frontline API", version: "1", description: "Customer-service operations platform." },
  });
  app.route("/api/docs", docsPage());
  app.all("/api/*", () => {
    throw new AppError("not_found", "No such API route");
  });
  app.route("/", webAssets(opts.webDist));

  app.notFound((c) => problemResponse(new AppError("not_found", "No such route"), c as Context<AppEnv>));
  app.onError(async (err, c) => {
    if (err instanceof AppError && err.code === "forbidden") await auditDenied(c as Context<AppEnv>);
    return problemResponse(err, c as Context<AppEnv>);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;

/** A refused request is itself an audit event: who tried what. */
async function auditDenied(c: Context<AppEnv>): Promise<void> {
  const auth = c.get("auth");
  if (!auth) return;
  try {
    await inOrg(c.get("deps").database, auth.orgId, (s) =>
      recordAudit(
        s,
        { actor: auth.actor, requestId: c.get("requestId"), ip: c.get("ip") },
        {
          action: "access.denied",
          entityType: "route",
          entityId: `${c.req.method} ${c.req.routePath}`,
        },
      ),
    );
  } catch (err) {
    c.get("log").error({ err }, "could not record a refused request");
  }
}

/** A path as logs show it: a survey link's token is a credential, so it never reaches a log line. */
function loggedPath(path: string): string {
  const prefix = SURVEY_TOKEN_PATHS.find((p) => path.startsWith(p));
  return prefix ? `${prefix}…` : path;
}

function clientIp(c: Context<AppEnv>, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  // An in-process request (app.fetch, as the tests send) has no socket: asking would throw, and a
  // thrown error's stack costs more than the rest of this middleware.
  const env = c.env as { incoming?: unknown; server?: { incoming?: unknown } } | undefined;
  if (!env?.incoming && !env?.server?.incoming) return null;
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}
