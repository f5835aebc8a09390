import {
  createViewInput,
  idSchema,
  one,
  updateViewInput,
  type View,
  type ViewFilters,
  viewCountSchema,
  viewSchema,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter, ctxOf, jsonBody, jsonResponse } from "../../platform/http";
import { authSecurity, problemResponses } from "../../platform/openapi";
import { countViews, createView, deleteView, listViews, updateView, type ViewRow } from "./views.service";

function presentView(r: ViewRow): View {
  return {
    id: r.id,
    name: r.name,
    scope: r.teamId ? "team" : "personal",
    teamId: r.teamId,
    ownerId: r.ownerId,
    filters: r.filters as ViewFilters,
    sort: r.sort as View["sort"],
    position: r.position,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const v = { security: authSecurity, tags: ["Views"] };
const idParam = z.object({ id: idSchema });
const routes = {
  list: createRoute({
    ...v,
    method: "get",
    path: "/views",
    summary: "The caller's views and their teams' shared views",
    responses: { ...problemResponses, 200: jsonResponse(z.object({ data: z.array(viewSchema) }), "Views") },
  }),
  counts: createRoute({
    ...v,
    method: "get",
    path: "/views/counts",
    summary: "How many tickets each of the caller's views holds",
    responses: {
      ...problemResponses,
      200: jsonResponse(z.object({ data: z.array(viewCountSchema) }), "Counts"),
    },
  }),
  create: createRoute({
    ...v,
    method: "post",
    path: "/views",
    summary: "Save a view (with teamId: shared with the team, supervisors+)",
    request: { body: jsonBody(createViewInput) },
    responses: { ...problemResponses, 201: jsonResponse(one(viewSchema), "The view") },
  }),
  update: createRoute({
    ...v,
    method: "patch",
    path: "/views/{id}",
    summary: "Change a view",
    request: { params: idParam, body: jsonBody(updateViewInput) },
    responses: { ...problemResponses, 200: jsonResponse(one(viewSchema), "The view") },
  }),
  remove: createRoute({
    ...v,
    method: "delete",
    path: "/views/{id}",
    summary: "Delete a view",
    request: { params: idParam },
    responses: { ...problemResponses, 204: { description: "Deleted" } },
  }),
};

// Who may see and change which view is decided in the service (personal vs team views).
export const viewRoutes = createRouter()
  .openapi(routes.list, async (c) => c.json({ data: (await listViews(ctxOf(c))).map(presentView) }, 200))
  .openapi(routes.counts, async (c) => c.json({ data: await countViews(ctxOf(c)) }, 200))
  .openapi(routes.create, async (c) =>
    c.json({ data: presentView(await createView(ctxOf(c), c.req.valid("json"))) }, 201),
  )
  .openapi(routes.update, async (c) =>
    c.json({ data: presentView(await updateView(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))) }, 200),
  )
  .openapi(routes.remove, async (c) => {
    await deleteView(ctxOf(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
