import {
  createCustomFieldInput,
  customFieldEntitySchema,
  customFieldSchema,
  idSchema,
  one,
  updateCustomFieldInput,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { authorize } from "../../platform/authorize";
import { createRouter, ctxOf, jsonBody, jsonResponse } from "../../platform/http";
import { authSecurity, problemResponses } from "../../platform/openapi";
import { canManageFields } from "./custom-fields.policy";
import { present } from "./custom-fields.present";
import { createCustomField, listCustomFields, updateCustomField } from "./custom-fields.service";

const base = { security: authSecurity, tags: ["Custom fields"] };
const routes = {
  list: createRoute({
    ...base,
    method: "get",
    path: "/custom-fields",
    summary: "List custom field definitions",
    request: { query: z.strictObject({ entity: customFieldEntitySchema.optional() }) },
    responses: {
      ...problemResponses,
      200: jsonResponse(z.object({ data: z.array(customFieldSchema) }), "Definitions"),
    },
  }),
  create: createRoute({
    ...base,
    method: "post",
    path: "/custom-fields",
    summary: "Define a custom field (admins)",
    request: { body: jsonBody(createCustomFieldInput) },
    responses: { ...problemResponses, 201: jsonResponse(one(customFieldSchema), "The new field") },
  }),
  update: createRoute({
    ...base,
    method: "patch",
    path: "/custom-fields/{id}",
    summary: "Change or retire a custom field (admins)",
    request: { params: z.object({ id: idSchema }), body: jsonBody(updateCustomFieldInput) },
    responses: { ...problemResponses, 200: jsonResponse(one(customFieldSchema), "The field") },
  }),
};

export const customFieldRoutes = createRouter()
  .openapi(routes.list, async (c) => {
    const rows = await listCustomFields(ctxOf(c), c.req.valid("query").entity);
    return c.json({ data: rows.map(present) }, 200);
  })
  .openapi(routes.create, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageFields(ctx.actor));
    return c.json({ data: present(await createCustomField(ctx, c.req.valid("json"))) }, 201);
  })
  .openapi(routes.update, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageFields(ctx.actor));
    return c.json({ data: present(await updateCustomField(ctx, c.req.valid("param").id, c.req.valid("json"))) }, 200);
  });
