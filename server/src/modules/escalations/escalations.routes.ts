import {
  createEscalationInput,
  deEscalateInput,
  escalationReportQuery,
  escalationReportSchema,
  escalationSchema,
  idSchema,
  listEscalationsQuery,
  one,
  pageOf,
  resolveEscalationInput,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { authorize } from "../../platform/authorize";
import { createRouter, ctxOf, jsonBody } from "../../platform/http";
import { idempotent } from "../../platform/idempotency";
import { authSecurity, createdResponses, okResponses } from "../../platform/openapi";
import { canEscalate, canWorkEscalations } from "./escalations.policy";
import {
  createEscalation,
  deEscalate,
  listEscalations,
  resolveEscalation,
  takeEscalation,
  ticketEscalations,
} from "./escalations.service";
import { escalationReport } from "./report.service";

const idParam = z.object({ id: idSchema });
const e = { security: authSecurity, tags: ["Escalations"] };
const escalationResponse = one(escalationSchema);

const routes = {
  create: createRoute({
    ...e,
    method: "post",
    path: "/tickets/{id}/escalations",
    summary: "Escalate a ticket with a reason, optionally to a named supervisor; an escalated ticket goes a level up",
    request: { params: idParam, body: jsonBody(createEscalationInput) },
    responses: createdResponses(escalationResponse, "The escalation"),
  }),
  ofTicket: createRoute({
    ...e,
    method: "get",
    path: "/tickets/{id}/escalations",
    summary: "A ticket's escalations, newest first",
    request: { params: idParam },
    responses: okResponses(z.object({ data: z.array(escalationSchema) }), "The ticket's escalations"),
  }),
  list: createRoute({
    ...e,
    method: "get",
    path: "/escalations",
    summary: "The escalation queue (supervisors and above: all; others: the ones they raised)",
    request: { query: listEscalationsQuery },
    responses: okResponses(pageOf(escalationSchema), "A page of escalations"),
  }),
  report: createRoute({
    ...e,
    method: "get",
    path: "/escalations/report",
    summary: "Escalations raised in a period by reason, type and outcome, with minutes to take and resolve",
    request: { query: escalationReportQuery },
    responses: okResponses(one(escalationReportSchema), "The report"),
  }),
  take: createRoute({
    ...e,
    method: "post",
    path: "/escalations/{id}/take",
    summary: "Take an escalation (supervisors and above; 409 when a colleague has it)",
    request: { params: idParam },
    responses: okResponses(escalationResponse, "The escalation"),
  }),
  resolve: createRoute({
    ...e,
    method: "post",
    path: "/escalations/{id}/resolve",
    summary: "Resolve an escalation with an outcome (supervisors and above)",
    request: { params: idParam, body: jsonBody(resolveEscalationInput) },
    responses: okResponses(escalationResponse, "The escalation"),
  }),
  deEscalate: createRoute({
    ...e,
    method: "post",
    path: "/escalations/{id}/de-escalate",
    summary: "Hand an escalation back to the agent, a level down, with a coaching note (supervisors and above)",
    request: { params: idParam, body: jsonBody(deEscalateInput) },
    responses: okResponses(escalationResponse, "The escalation"),
  }),
};

export const escalationRoutes = createRouter();
// Escalating is a write a client may retry after a timeout.
escalationRoutes.use("/tickets/:id/escalations", idempotent());
escalationRoutes
  .openapi(routes.create, async (c) => {
    const ctx = ctxOf(c);
    authorize(canEscalate(ctx.actor));
    return c.json({ data: await createEscalation(ctx, c.req.valid("param").id, c.req.valid("json")) }, 201);
  })
  .openapi(routes.ofTicket, async (c) => {
    const ctx = ctxOf(c);
    authorize(canEscalate(ctx.actor));
    return c.json({ data: await ticketEscalations(ctx, c.req.valid("param").id) }, 200);
  })
  .openapi(routes.list, async (c) => {
    const ctx = ctxOf(c);
    authorize(canEscalate(ctx.actor));
    return c.json(await listEscalations(ctx, c.req.valid("query")), 200);
  })
  .openapi(routes.report, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWorkEscalations(ctx.actor));
    return c.json({ data: await escalationReport(ctx, c.req.valid("query")) }, 200);
  })
  .openapi(routes.take, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWorkEscalations(ctx.actor));
    return c.json({ data: await takeEscalation(ctx, c.req.valid("param").id) }, 200);
  })
  .openapi(routes.resolve, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWorkEscalations(ctx.actor));
    return c.json({ data: await resolveEscalation(ctx, c.req.valid("param").id, c.req.valid("json")) }, 200);
  })
  .openapi(routes.deEscalate, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWorkEscalations(ctx.actor));
    return c.json({ data: await deEscalate(ctx, c.req.valid("param").id, c.req.valid("json")) }, 200);
  });
