import {
  createSlaPolicyInput,
  idSchema,
  one,
  reorderSlaPoliciesInput,
  slaPolicySchema,
  ticketSlaTargetSchema,
  updateSlaPolicyInput,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { authorize } from "../../platform/authorize";
import { createRouter, ctxOf, jsonBody, jsonResponse } from "../../platform/http";
import { authSecurity, problemResponses } from "../../platform/openapi";
import { canManageSlaPolicies } from "./sla.policy";
import { presentSlaPolicy } from "./sla.present";
import {
  createSlaPolicy,
  deleteSlaPolicy,
  getSlaPolicy,
  listSlaPolicies,
  reorderSlaPolicies,
  updateSlaPolicy,
} from "./sla-policies.service";
import { ticketSla } from "./ticket-sla.service";

const tag = { security: authSecurity, tags: ["SLA"] };
const idParam = z.object({ id: idSchema });
const list = z.object({ data: z.array(slaPolicySchema) });

const routes = {
  list: createRoute({
    ...tag,
    method: "get",
    path: "/sla-policies",
    summary: "SLA policies in the order they are tried: the first that covers a ticket applies",
    responses: { ...problemResponses, 200: jsonResponse(list, "Policies") },
  }),
  create: createRoute({
    ...tag,
    method: "post",
    path: "/sla-policies",
    summary: "Add an SLA policy (admins)",
    request: { body: jsonBody(createSlaPolicyInput) },
    responses: { ...problemResponses, 201: jsonResponse(one(slaPolicySchema), "The policy") },
  }),
  get: createRoute({
    ...tag,
    method: "get",
    path: "/sla-policies/{id}",
    summary: "One SLA policy",
    request: { params: idParam },
    responses: { ...problemResponses, 200: jsonResponse(one(slaPolicySchema), "The policy") },
  }),
  update: createRoute({
    ...tag,
    method: "patch",
    path: "/sla-policies/{id}",
    summary: "Change an SLA policy (admins)",
    request: { params: idParam, body: jsonBody(updateSlaPolicyInput) },
    responses: { ...problemResponses, 200: jsonResponse(one(slaPolicySchema), "The policy") },
  }),
  remove: createRoute({
    ...tag,
    method: "delete",
    path: "/sla-policies/{id}",
    summary: "Delete an SLA policy and the clocks it set (admins)",
    request: { params: idParam },
    responses: { ...problemResponses, 204: { description: "Deleted" } },
  }),
  reorder: createRoute({
    ...tag,
    method: "post",
    path: "/sla-policies/reorder",
    summary: "Set the order policies are tried in (admins)",
    request: { body: jsonBody(reorderSlaPoliciesInput) },
    responses: { ...problemResponses, 200: jsonResponse(list, "Policies in their new order") },
  }),
  ticket: createRoute({
    ...tag,
    method: "get",
    path: "/tickets/{id}/sla",
    summary: "A ticket's SLA targets: due time, minutes left and state (active, paused, met, breached)",
    request: { params: idParam },
    responses: {
      ...problemResponses,
      200: jsonResponse(z.object({ data: z.array(ticketSlaTargetSchema) }), "Targets"),
    },
  }),
};

export const slaRoutes = createRouter()
  .openapi(routes.list, async (c) => c.json({ data: (await listSlaPolicies(ctxOf(c))).map(presentSlaPolicy) }, 200))
  .openapi(routes.create, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageSlaPolicies(ctx.actor));
    return c.json({ data: presentSlaPolicy(await createSlaPolicy(ctx, c.req.valid("json"))) }, 201);
  })
  .openapi(routes.reorder, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageSlaPolicies(ctx.actor));
    return c.json({ data: (await reorderSlaPolicies(ctx, c.req.valid("json").ids)).map(presentSlaPolicy) }, 200);
  })
  .openapi(routes.get, async (c) =>
    c.json({ data: presentSlaPolicy(await getSlaPolicy(ctxOf(c), c.req.valid("param").id)) }, 200),
  )
  .openapi(routes.update, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageSlaPolicies(ctx.actor));
    return c.json(
      { data: presentSlaPolicy(await updateSlaPolicy(ctx, c.req.valid("param").id, c.req.valid("json"))) },
      200,
    );
  })
  .openapi(routes.remove, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageSlaPolicies(ctx.actor));
    await deleteSlaPolicy(ctx, c.req.valid("param").id);
    return c.body(null, 204);
  })
  .openapi(routes.ticket, async (c) => c.json({ data: await ticketSla(ctxOf(c), c.req.valid("param").id) }, 200));
