import { searchQuery, searchResultSchema } from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter, ctxOf, jsonResponse } from "../../platform/http";
import { authSecurity, problemResponses } from "../../platform/openapi";
import { search } from "./search.service";

const route = createRoute({
  security: authSecurity,
  tags: ["Search"],
  method: "get",
  path: "/search",
  summary: "Full-text search over tickets, messages and customers, in all five languages",
  request: { query: searchQuery },
  responses: {
    ...problemResponses,
    200: jsonResponse(z.object({ data: z.array(searchResultSchema) }), "Results, best first per type"),
  },
});

// Every staff member works every ticket (see the tickets policy), so search shows them all.
export const searchRoutes = createRouter().openapi(route, async (c) =>
  c.json({ data: await search(ctxOf(c), c.req.valid("query")) }, 200),
);
