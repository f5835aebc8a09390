import {
  idSchema,
  listRoutingAgentsQuery,
  one,
  pageOf,
  presenceSchema,
  queueEntrySchema,
  routingAgentSchema,
  routingQueueQuery,
  setPresenceInput,
  updateRoutingAgentInput,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { authorize } from "../../platform/authorize";
import { createRouter, ctxOf, jsonBody } from "../../platform/http";
import { authSecurity, okResponses } from "../../platform/openapi";
import { getAgent, getOwnPresence, listAgents, setPresence, updateAgent } from "./agents.service";
import { listQueue, presentQueueEntry } from "./queue.service";
import { canRunTheFloor, hasOwnPresence, maySetPresenceOf } from "./routing.policy";
import { presentAgent, presentPresence } from "./routing.present";

const idParam = z.object({ id: idSchema });
const r = { security: authSecurity, tags: ["Routing"] };

const routes = {
  ownPresence: createRoute({
    ...r,
    method: "get",
    path: "/me/presence",
    summary: "The caller's presence",
    responses: okResponses(one(presenceSchema), "The presence"),
  }),
  setOwnPresence: createRoute({
    ...r,
    method: "put",
    path: "/me/presence",
    summary: "Go online, away or offline",
    request: { body: jsonBody(setPresenceInput) },
    responses: okResponses(one(presenceSchema), "The presence"),
  }),
  agents: createRoute({
    ...r,
    method: "get",
    path: "/routing/agents",
    summary: "Active staff (of a team) with presence, open load, capacity, skills and languages (supervisors+)",
    request: { query: listRoutingAgentsQuery },
    responses: okResponses(pageOf(routingAgentSchema), "A page of agents"),
  }),
  agent: createRoute({
    ...r,
    method: "get",
    path: "/routing/agents/{id}",
    summary: "One staff member as routing sees them (supervisors+, or themselves)",
    request: { params: idParam },
    responses: okResponses(one(routingAgentSchema), "The agent"),
  }),
  updateAgent: createRoute({
    ...r,
    method: "patch",
    path: "/routing/agents/{id}",
    summary: "Change an agent's skills, languages or capacity (their team's supervisors, managers, admins)",
    request: { params: idParam, body: jsonBody(updateRoutingAgentInput) },
    responses: okResponses(one(routingAgentSchema), "The agent"),
  }),
  setPresence: createRoute({
    ...r,
    method: "put",
    path: "/routing/agents/{id}/presence",
    summary: "Set someone's presence (themselves, or their team's supervisors, managers, admins)",
    request: { params: idParam, body: jsonBody(setPresenceInput) },
    responses: okResponses(one(presenceSchema), "The presence"),
  }),
  queue: createRoute({
    ...r,
    method: "get",
    path: "/routing/queue",
    summary: "A team's waiting tickets, oldest first, with why each waits (supervisors+)",
    request: { query: routingQueueQuery },
    responses: okResponses(pageOf(queueEntrySchema), "A page of waiting tickets"),
  }),
};

export const routingRoutes = createRouter()
  .openapi(routes.ownPresence, async (c) => {
    const ctx = ctxOf(c);
    authorize(hasOwnPresence(ctx.actor), "Only a staff member has a presence");
    return c.json({ data: presentPresence(ctx.actor.userId!, await getOwnPresence(ctx)) }, 200);
  })
  .openapi(routes.setOwnPresence, async (c) => {
    const ctx = ctxOf(c);
    authorize(hasOwnPresence(ctx.actor), "Only a staff member has a presence");
    const userId = ctx.actor.userId!;
    return c.json({ data: presentPresence(userId, await setPresence(ctx, userId, c.req.valid("json").status)) }, 200);
  })
  .openapi(routes.agents, async (c) => {
    const ctx = ctxOf(c);
    authorize(canRunTheFloor(ctx.actor));
    const { page, nextCursor } = await listAgents(ctx, c.req.valid("query"));
    return c.json({ data: page.map(presentAgent), nextCursor }, 200);
  })
  .openapi(routes.agent, async (c) => {
    const ctx = ctxOf(c);
    const { id } = c.req.valid("param");
    authorize(canRunTheFloor(ctx.actor) || ctx.actor.userId === id);
    return c.json({ data: presentAgent(await getAgent(ctx, id)) }, 200);
  })
  .openapi(routes.updateAgent, async (c) => {
    const ctx = ctxOf(c);
    authorize(canRunTheFloor(ctx.actor));
    return c.json({ data: presentAgent(await updateAgent(ctx, c.req.valid("param").id, c.req.valid("json"))) }, 200);
  })
  .openapi(routes.setPresence, async (c) => {
    const ctx = ctxOf(c);
    const { id } = c.req.valid("param");
    authorize(maySetPresenceOf(ctx.actor, id), "Agents set only their own presence");
    return c.json({ data: presentPresence(id, await setPresence(ctx, id, c.req.valid("json").status)) }, 200);
  })
  .openapi(routes.queue, async (c) => {
    const ctx = ctxOf(c);
    authorize(canRunTheFloor(ctx.actor));
    const { page, nextCursor } = await listQueue(ctx, c.req.valid("query"));
    return c.json({ data: page.map(presentQueueEntry), nextCursor }, 200);
  });
