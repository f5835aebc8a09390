import { OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Actor, Ctx, Deps } from "./context";
import { pgErrorCode } from "./db-errors";
import { AppError, type FieldErrors, problemBody } from "./errors";
import type { Logger } from "./logger";

export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    deps: Deps;
    ip: string | null;
    auth?: { orgId: string; actor: Actor; csrfToken: string | null };
  };
}

/** A router whose validation failures become the one problem shape with per-field messages. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error as z.ZodError);
    },
  });
}

/** Turns zod issues into `{ field: [messages] }`; unknown keys are named as such. */
export function validationError(error: z.ZodError): AppError {
  // No prototype: a client's key named "__proto__" must become a field, not reach Object.prototype.
  const fields: FieldErrors = Object.create(null);
  const add = (key: string, message: string) => {
    fields[key] = [...(fields[key] ?? []), message];
  };
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add([...issue.path, key].join("."), "Unknown field");
    } else {
      add(issue.path.length ? issue.path.join(".") : "body", issue.message);
    }
  }
  const names = Object.keys(fields);
  return new AppError("validation_failed", `Invalid value for ${names.join(", ")}`, fields);
}

/** The service context of an authenticated request; throws 401 when there is none. */
export function ctxOf(c: Context<AppEnv>): Ctx {
  const auth = c.get("auth");
  if (!auth) throw new AppError("unauthenticated");
  const deps = c.get("deps");
  return {
    ...deps,
    log: c.get("log"),
    orgId: auth.orgId,
    actor: auth.actor,
    requestId: c.get("requestId"),
    ip: c.get("ip"),
  };
}

/** Maps any thrown value to a problem+json response; only unexpected errors are logged as errors. */
export function problemResponse(err: unknown, c: Context<AppEnv>): Response {
  const appErr = toAppError(err);
  if (appErr.code === "internal_error") c.get("log")?.error({ err }, "unhandled error");
  const headers: Record<string, string> = { "content-type": "application/problem+json", ...appErr.headers };
  // A Response built here skips the headers middleware prepared with c.header(), so the request id is set again.
  const requestId = c.get("requestId");
  if (requestId) headers["x-request-id"] = requestId;
  return new Response(JSON.stringify(problemBody(appErr, requestId)), { status: appErr.status, headers });
}

/** SQLSTATEs for malformed values: bad encoding (NUL), invalid text for a type, unsupported JSON escape. */
const CLIENT_DATA_ERRORS = new Set(["22021", "22P02", "22P05"]);

/** SQLSTATEs of a lost race: deadlock detected, serialization failure. */
const RACE_ERRORS = new Set(["40P01", "40001"]);

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError("payload_too_large", "The request body is too large");
    if (err.status === 400 && /json/i.test(err.message))
      return new AppError("malformed_json", "The body is not valid JSON");
    if (err.status === 400) return new AppError("bad_request", err.message || undefined);
    if (err.status === 401) return new AppError("unauthenticated");
    if (err.status === 403) return new AppError("forbidden", err.message || undefined);
    if (err.status === 404) return new AppError("not_found");
    if (err.status === 415) return new AppError("unsupported_media_type");
  }
  // Two writes that lock the same rows in opposite orders: the database gives up on one, which may
  // simply be sent again.
  if (RACE_ERRORS.has(pgErrorCode(err) ?? "")) {
    return new AppError("conflict", "This change collided with another one made at the same moment; try again");
  }
  // A value the database cannot hold (a NUL character, a forged cursor id) is the client's doing, not a 500.
  if (CLIENT_DATA_ERRORS.has(pgErrorCode(err) ?? "")) {
    return new AppError("bad_request", "The request holds a value that cannot be stored or compared");
  }
  return new AppError("internal_error", "Something went wrong on our side");
}

/** The body part of a route definition: JSON, required, validated by `schema`. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { "application/json": { schema } }, required: true } as const;
}

/** A response part of a route definition. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { content: { "application/json": { schema } }, description } as const;
}

/** True when this request reached us over https (directly, through a trusted proxy, or by configuration). */
export function isHttps(c: Context<AppEnv>): boolean {
  const { config } = c.get("deps");
  if (config.PUBLIC_URL?.startsWith("https:")) return true;
  if (config.TRUST_PROXY && c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https") return true;
  return new URL(c.req.url).protocol === "https:";
}

/** Refuses a browser request sent from another site's page; requests without Origin are not browsers. */
export function assertSameOrigin(c: Context<AppEnv>): void {
  const origin = c.req.header("origin");
  if (!origin) return;
  const publicUrl = c.get("deps").config.PUBLIC_URL;
  const allowed = new Set([new URL(c.req.url).origin, ...(publicUrl ? [new URL(publicUrl).origin] : [])]);
  if (!allowed.has(origin)) throw new AppError("csrf_failed", "Requests from another site's page are not allowed");
}
