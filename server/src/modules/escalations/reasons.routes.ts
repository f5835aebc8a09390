import {
  createReasonInput,
  escalationPhrasesSchema,
  escalationReasonSchema,
  one,
  reasonCodeSchema,
  updatePhrasesInput,
  updateReasonInput,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { authorize } from "../../platform/authorize";
import { createRouter, ctxOf, jsonBody } from "../../platform/http";
import { authSecurity, createdResponses, okResponses } from "../../platform/openapi";
import { canEscalate, canManageEscalationSettings } from "./escalations.policy";
import { presentReason } from "./escalations.present";
import { createReason, listPhrases, listReasons, updatePhrases, updateReason } from "./reasons.service";

const r = { security: authSecurity, tags: ["Escalations"] };
const reasonResponse = one(escalationReasonSchema);

const routes = {
  list: createRoute({
    ...r,
    method: "get",
    path: "/escalation-reasons",
    summary: "The organisation's escalation reasons, in order (retired ones included)",
    responses: okResponses(z.object({ data: z.array(escalationReasonSchema) }), "The reasons"),
  }),
  create: createRoute({
    ...r,
    method: "post",
    path: "/escalation-reasons",
    summary: "Add an escalation reason (admins)",
    request: { body: jsonBody(createReasonInput) },
    responses: createdResponses(reasonResponse, "The reason"),
  }),
  update: createRoute({
    ...r,
    method: "patch",
    path: "/escalation-reasons/{code}",
    summary: "Relabel, retire or move an escalation reason (admins); reasons are never deleted",
    request: { params: z.object({ code: reasonCodeSchema }), body: jsonBody(updateReasonInput) },
    responses: okResponses(reasonResponse, "The reason"),
  }),
  phrases: createRoute({
    ...r,
    method: "get",
    path: "/escalation-phrases",
    summary: "Per language, the phrases that, in a customer's message, ask for a supervisor (admins)",
    responses: okResponses(one(escalationPhrasesSchema), "The phrases"),
  }),
  updatePhrases: createRoute({
    ...r,
    method: "patch",
    path: "/escalation-phrases",
    summary: "Replace the phrases of some languages, or (null) return them to the defaults (admins)",
    request: { body: jsonBody(updatePhrasesInput) },
    responses: okResponses(one(escalationPhrasesSchema), "The phrases"),
  }),
};

export const escalationSettingsRoutes = createRouter()
  .openapi(routes.list, async (c) => {
    const ctx = ctxOf(c);
    authorize(canEscalate(ctx.actor));
    return c.json({ data: (await listReasons(ctx)).map(presentReason) }, 200);
  })
  .openapi(routes.create, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageEscalationSettings(ctx.actor));
    return c.json({ data: presentReason(await createReason(ctx, c.req.valid("json"))) }, 201);
  })
  .openapi(routes.update, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageEscalationSettings(ctx.actor));
    const reason = await updateReason(ctx, c.req.valid("param").code, c.req.valid("json"));
    return c.json({ data: presentReason(reason) }, 200);
  })
  .openapi(routes.phrases, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageEscalationSettings(ctx.actor));
    return c.json({ data: await listPhrases(ctx) }, 200);
  })
  .openapi(routes.updatePhrases, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageEscalationSettings(ctx.actor));
    return c.json({ data: await updatePhrases(ctx, c.req.valid("json")) }, 200);
  });
