import type { Context } from "hono";
import { authorize } from "../../platform/authorize";
import { AppError } from "../../platform/errors";
import { type AppEnv, assertSameOrigin, createRouter, ctxOf } from "../../platform/http";
import type { RateLimiter } from "../../platform/rate-limit";
import { answerSurvey, readSurvey, type SurveyCaller } from "./public-survey";
import { getSurveySettings, updateSurveySettings } from "./settings.service";
import { canChangeSurveySettings, canReadSurveySettings } from "./surveys.policy";
import { surveySpec as spec } from "./surveys.spec";

/** The survey settings, for staff. */
export const surveySettingsRoutes = createRouter()
  .openapi(spec.settings, async (c) => {
    const ctx = ctxOf(c);
    authorize(canReadSurveySettings(ctx.actor));
    return c.json({ data: await getSurveySettings(ctx) }, 200);
  })
  .openapi(spec.updateSettings, async (c) => {
    const ctx = ctxOf(c);
    authorize(canChangeSurveySettings(ctx.actor));
    return c.json({ data: await updateSurveySettings(ctx, c.req.valid("json")) }, 200);
  });

/** Per client address, a quarter of an hour: page loads, and answers (a customer changes theirs a few times). */
const LIMITS = { read: { max: 60, window: 900 }, answer: { max: 30, window: 900 } } as const;

async function caller(c: Context<AppEnv>, limiter: RateLimiter, kind: keyof typeof LIMITS): Promise<SurveyCaller> {
  const ip = c.get("ip");
  const verdict = await limiter.hit(`survey:${kind}:${ip}`, LIMITS[kind].max, LIMITS[kind].window);
  if (!verdict.allowed) {
    throw new AppError("rate_limited", "Too many requests; try again later", undefined, {
      "Retry-After": String(verdict.retryAfterSeconds),
    });
  }
  return { deps: c.get("deps"), requestId: c.get("requestId"), ip };
}

/** The survey page's API; the mailed token is the only credential, so these mount before staff authentication. */
export function surveyPublicRoutes(limiter: RateLimiter) {
  return createRouter()
    .openapi(spec.read, async (c) => {
      const survey = await readSurvey(await caller(c, limiter, "read"), c.req.valid("param").token);
      return c.json({ data: survey }, 200);
    })
    .openapi(spec.answer, async (c) => {
      // No session to carry a CSRF token: like the portal's forms, refuse posts from other sites' pages.
      assertSameOrigin(c);
      const p = await caller(c, limiter, "answer");
      const { survey, created } = await answerSurvey(p, c.req.valid("param").token, c.req.valid("json"));
      return created ? c.json({ data: survey }, 201) : c.json({ data: survey }, 200);
    });
}
