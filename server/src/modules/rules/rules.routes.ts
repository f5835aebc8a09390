import {
  createRuleInput,
  idSchema,
  one,
  reorderRulesInput,
  ruleListSchema,
  ruleSchema,
  updateRuleInput,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { authorize } from "../../platform/authorize";
import { createRouter, ctxOf, jsonBody, jsonResponse } from "../../platform/http";
import { authSecurity, problemResponses } from "../../platform/openapi";
import { canManageRules, canReadRules } from "./rules.policy";
import { presentRule } from "./rules.present";
import { createRule, deleteRule, getRule, listRules, reorderRules, updateRule } from "./rules.service";

const tag = { security: authSecurity, tags: ["Rules"] };
const idParam = z.object({ id: idSchema });
const list = ruleListSchema;

const routes = {
  list: createRoute({
    ...tag,
    method: "get",
    path: "/rules",
    summary: "Triggers and automations in their order, with when each last acted (supervisors and above)",
    responses: { ...problemResponses, 200: jsonResponse(list, "Rules") },
  }),
  create: createRoute({
    ...tag,
    method: "post",
    path: "/rules",
    summary: "Add a trigger (reacts to events) or an automation (checked every few minutes) (admins)",
    request: { body: jsonBody(createRuleInput) },
    responses: { ...problemResponses, 201: jsonResponse(one(ruleSchema), "The rule") },
  }),
  get: createRoute({
    ...tag,
    method: "get",
    path: "/rules/{id}",
    summary: "One rule",
    request: { params: idParam },
    responses: { ...problemResponses, 200: jsonResponse(one(ruleSchema), "The rule") },
  }),
  update: createRoute({
    ...tag,
    method: "patch",
    path: "/rules/{id}",
    summary: "Change a rule (admins)",
    request: { params: idParam, body: jsonBody(updateRuleInput) },
    responses: { ...problemResponses, 200: jsonResponse(one(ruleSchema), "The rule") },
  }),
  remove: createRoute({
    ...tag,
    method: "delete",
    path: "/rules/{id}",
    summary: "Delete a rule (admins)",
    request: { params: idParam },
    responses: { ...problemResponses, 204: { description: "Deleted" } },
  }),
  reorder: createRoute({
    ...tag,
    method: "post",
    path: "/rules/reorder",
    summary: "Set the order of one kind's rules: the first matching trigger acts first (admins)",
    request: { body: jsonBody(reorderRulesInput) },
    responses: { ...problemResponses, 200: jsonResponse(list, "That kind's rules in their new order") },
  }),
};

export const ruleRoutes = createRouter()
  .openapi(routes.list, async (c) => {
    const ctx = ctxOf(c);
    authorize(canReadRules(ctx.actor));
    return c.json({ data: (await listRules(ctx)).map(presentRule) }, 200);
  })
  .openapi(routes.create, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageRules(ctx.actor));
    return c.json({ data: presentRule(await createRule(ctx, c.req.valid("json"))) }, 201);
  })
  .openapi(routes.reorder, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageRules(ctx.actor));
    const { kind, ids } = c.req.valid("json");
    return c.json({ data: (await reorderRules(ctx, kind, ids)).map(presentRule) }, 200);
  })
  .openapi(routes.get, async (c) => {
    const ctx = ctxOf(c);
    authorize(canReadRules(ctx.actor));
    return c.json({ data: presentRule(await getRule(ctx, c.req.valid("param").id)) }, 200);
  })
  .openapi(routes.update, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageRules(ctx.actor));
    return c.json({ data: presentRule(await updateRule(ctx, c.req.valid("param").id, c.req.valid("json"))) }, 200);
  })
  .openapi(routes.remove, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageRules(ctx.actor));
    await deleteRule(ctx, c.req.valid("param").id);
    return c.body(null, 204);
  });
