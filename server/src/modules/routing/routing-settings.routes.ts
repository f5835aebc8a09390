import {
  idSchema,
  one,
  pageOf,
  pageQuerySchema,
  setTicketRequirementsInput,
  skillInput,
  skillSchema,
  teamRoutingSchema,
  ticketRequirementsSchema,
  updateTeamRoutingInput,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { authorize } from "../../platform/authorize";
import { createRouter, ctxOf, jsonBody } from "../../platform/http";
import { authSecurity, createdResponses, okResponses, problemResponses } from "../../platform/openapi";
import { getRequirements, setRequirements } from "./requirements.service";
import { canReadRouting, canRunTheFloor, canSetRequirements } from "./routing.policy";
import { presentRequirements, presentSkill, presentTeamRouting } from "./routing.present";
import { createSkill, deleteSkill, listSkills, renameSkill } from "./skills.service";
import { getTeamRouting, setTeamRouting } from "./team-routing.service";

const idParam = z.object({ id: idSchema });
const r = { security: authSecurity, tags: ["Routing"] };

const routes = {
  skills: createRoute({
    ...r,
    method: "get",
    path: "/routing/skills",
    summary: "The organisation's skills, by name, with how many agents have each",
    request: { query: pageQuerySchema },
    responses: okResponses(pageOf(skillSchema), "A page of skills"),
  }),
  createSkill: createRoute({
    ...r,
    method: "post",
    path: "/routing/skills",
    summary: "Add a skill (supervisors+)",
    request: { body: jsonBody(skillInput) },
    responses: createdResponses(one(skillSchema), "The skill"),
  }),
  renameSkill: createRoute({
    ...r,
    method: "patch",
    path: "/routing/skills/{id}",
    summary: "Rename a skill (supervisors+)",
    request: { params: idParam, body: jsonBody(skillInput) },
    responses: okResponses(one(skillSchema), "The skill"),
  }),
  deleteSkill: createRoute({
    ...r,
    method: "delete",
    path: "/routing/skills/{id}",
    summary: "Delete a skill: agents lose it, tickets stop requiring it (supervisors+)",
    request: { params: idParam },
    responses: { ...problemResponses, 204: { description: "Deleted" } },
  }),
  teamRouting: createRoute({
    ...r,
    method: "get",
    path: "/teams/{id}/routing",
    summary: "How a team hands out its tickets",
    request: { params: idParam },
    responses: okResponses(one(teamRoutingSchema), "The team's routing"),
  }),
  setTeamRouting: createRoute({
    ...r,
    method: "put",
    path: "/teams/{id}/routing",
    summary: "Set a team's strategy, matching and reassignment (its supervisors, managers, admins)",
    request: { params: idParam, body: jsonBody(updateTeamRoutingInput) },
    responses: okResponses(one(teamRoutingSchema), "The team's routing"),
  }),
  requirements: createRoute({
    ...r,
    method: "get",
    path: "/tickets/{id}/requirements",
    summary: "The skills and language a ticket requires of whoever takes it",
    request: { params: idParam },
    responses: okResponses(one(ticketRequirementsSchema), "The requirements"),
  }),
  setRequirements: createRoute({
    ...r,
    method: "put",
    path: "/tickets/{id}/requirements",
    summary: "Set the skills and language a ticket requires; a waiting ticket is routed again",
    request: { params: idParam, body: jsonBody(setTicketRequirementsInput) },
    responses: okResponses(one(ticketRequirementsSchema), "The requirements"),
  }),
};

export const routingSettingsRoutes = createRouter()
  .openapi(routes.skills, async (c) => {
    const ctx = ctxOf(c);
    authorize(canReadRouting(ctx.actor));
    const { page, nextCursor } = await listSkills(ctx, c.req.valid("query"));
    return c.json({ data: page.map(presentSkill), nextCursor }, 200);
  })
  .openapi(routes.createSkill, async (c) => {
    const ctx = ctxOf(c);
    authorize(canRunTheFloor(ctx.actor));
    return c.json({ data: presentSkill(await createSkill(ctx, c.req.valid("json"))) }, 201);
  })
  .openapi(routes.renameSkill, async (c) => {
    const ctx = ctxOf(c);
    authorize(canRunTheFloor(ctx.actor));
    return c.json({ data: presentSkill(await renameSkill(ctx, c.req.valid("param").id, c.req.valid("json"))) }, 200);
  })
  .openapi(routes.deleteSkill, async (c) => {
    const ctx = ctxOf(c);
    authorize(canRunTheFloor(ctx.actor));
    await deleteSkill(ctx, c.req.valid("param").id);
    return c.body(null, 204);
  })
  .openapi(routes.teamRouting, async (c) => {
    const ctx = ctxOf(c);
    authorize(canReadRouting(ctx.actor));
    return c.json({ data: presentTeamRouting(await getTeamRouting(ctx, c.req.valid("param").id)) }, 200);
  })
  .openapi(routes.setTeamRouting, async (c) => {
    const ctx = ctxOf(c);
    authorize(canRunTheFloor(ctx.actor));
    const settings = await setTeamRouting(ctx, c.req.valid("param").id, c.req.valid("json"));
    return c.json({ data: presentTeamRouting(settings) }, 200);
  })
  .openapi(routes.requirements, async (c) => {
    const ctx = ctxOf(c);
    authorize(canReadRouting(ctx.actor));
    const { ticket, need } = await getRequirements(ctx, c.req.valid("param").id);
    return c.json({ data: presentRequirements(ticket, need) }, 200);
  })
  .openapi(routes.setRequirements, async (c) => {
    const ctx = ctxOf(c);
    authorize(canSetRequirements(ctx.actor));
    const { ticket, need } = await setRequirements(ctx, c.req.valid("param").id, c.req.valid("json"));
    return c.json({ data: presentRequirements(ticket, need) }, 200);
  });
