import {
  createTeamInput,
  createUserInput,
  idSchema,
  listUsersQuery,
  one,
  pageOf,
  pageQuerySchema,
  teamSchema,
  updateTeamInput,
  updateUserInput,
  userSchema,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { authorize } from "../../platform/authorize";
import { createRouter, ctxOf, jsonBody, jsonResponse } from "../../platform/http";
import { authSecurity, problemResponses } from "../../platform/openapi";
import { canManageStaff, canViewStaff } from "./staff.policy";
import { presentTeam, presentUser } from "./staff.present";
import { createTeam, getTeam, listTeams, updateTeam } from "./teams.service";
import { createUser, getUser, listUsers, updateUser } from "./users.service";

const idParam = z.object({ id: idSchema });
const common = { security: authSecurity, responses: problemResponses };
const users = { ...common, tags: ["Staff"] };
const teamsTag = { ...common, tags: ["Teams"] };

const routes = {
  listUsers: createRoute({
    ...users,
    method: "get",
    path: "/users",
    summary: "List staff",
    request: { query: listUsersQuery },
    responses: { ...problemResponses, 200: jsonResponse(pageOf(userSchema), "A page of users") },
  }),
  createUser: createRoute({
    ...users,
    method: "post",
    path: "/users",
    summary: "Create a staff user (admins)",
    request: { body: jsonBody(createUserInput) },
    responses: { ...problemResponses, 201: jsonResponse(one(userSchema), "The new user") },
  }),
  getUser: createRoute({
    ...users,
    method: "get",
    path: "/users/{id}",
    summary: "Get a staff user",
    request: { params: idParam },
    responses: { ...problemResponses, 200: jsonResponse(one(userSchema), "The user") },
  }),
  updateUser: createRoute({
    ...users,
    method: "patch",
    path: "/users/{id}",
    summary: "Change role, teams, locale, time zone or status (admins); active:false ends sessions",
    request: { params: idParam, body: jsonBody(updateUserInput) },
    responses: { ...problemResponses, 200: jsonResponse(one(userSchema), "The user") },
  }),
  listTeams: createRoute({
    ...teamsTag,
    method: "get",
    path: "/teams",
    summary: "List teams",
    request: { query: pageQuerySchema },
    responses: { ...problemResponses, 200: jsonResponse(pageOf(teamSchema), "A page of teams") },
  }),
  createTeam: createRoute({
    ...teamsTag,
    method: "post",
    path: "/teams",
    summary: "Create a team (admins)",
    request: { body: jsonBody(createTeamInput) },
    responses: { ...problemResponses, 201: jsonResponse(one(teamSchema), "The new team") },
  }),
  getTeam: createRoute({
    ...teamsTag,
    method: "get",
    path: "/teams/{id}",
    summary: "Get a team",
    request: { params: idParam },
    responses: { ...problemResponses, 200: jsonResponse(one(teamSchema), "The team") },
  }),
  updateTeam: createRoute({
    ...teamsTag,
    method: "patch",
    path: "/teams/{id}",
    summary: "Change a team (admins)",
    request: { params: idParam, body: jsonBody(updateTeamInput) },
    responses: { ...problemResponses, 200: jsonResponse(one(teamSchema), "The team") },
  }),
};

export const staffRoutes = createRouter()
  .openapi(routes.listUsers, async (c) => {
    const ctx = ctxOf(c);
    authorize(canViewStaff(ctx.actor));
    const { page, nextCursor } = await listUsers(ctx, c.req.valid("query"));
    return c.json({ data: page.map(presentUser), nextCursor }, 200);
  })
  .openapi(routes.createUser, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageStaff(ctx.actor));
    return c.json({ data: presentUser(await createUser(ctx, c.req.valid("json"))) }, 201);
  })
  .openapi(routes.getUser, async (c) => {
    const ctx = ctxOf(c);
    authorize(canViewStaff(ctx.actor));
    return c.json({ data: presentUser(await getUser(ctx, c.req.valid("param").id)) }, 200);
  })
  .openapi(routes.updateUser, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageStaff(ctx.actor));
    return c.json({ data: presentUser(await updateUser(ctx, c.req.valid("param").id, c.req.valid("json"))) }, 200);
  })
  .openapi(routes.listTeams, async (c) => {
    const ctx = ctxOf(c);
    authorize(canViewStaff(ctx.actor));
    const { page, nextCursor } = await listTeams(ctx, c.req.valid("query"));
    return c.json({ data: page.map(presentTeam), nextCursor }, 200);
  })
  .openapi(routes.createTeam, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageStaff(ctx.actor));
    return c.json({ data: presentTeam(await createTeam(ctx, c.req.valid("json"))) }, 201);
  })
  .openapi(routes.getTeam, async (c) => {
    const ctx = ctxOf(c);
    authorize(canViewStaff(ctx.actor));
    return c.json({ data: presentTeam(await getTeam(ctx, c.req.valid("param").id)) }, 200);
  })
  .openapi(routes.updateTeam, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageStaff(ctx.actor));
    return c.json({ data: presentTeam(await updateTeam(ctx, c.req.valid("param").id, c.req.valid("json"))) }, 200);
  });
