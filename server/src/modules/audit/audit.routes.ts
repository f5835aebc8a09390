import { auditEventSchema, listAuditEventsQuery, pageOf } from "@frontline/common";
import { createRoute } from "@hono/zod-openapi";
import { authorize } from "../../platform/authorize";
import { createRouter, ctxOf, jsonResponse } from "../../platform/http";
import { authSecurity, problemResponses } from "../../platform/openapi";
import { canReadAudit } from "./audit.policy";
import { presentAuditEvent } from "./audit.present";
import { listAuditEvents } from "./audit.service";

const list = createRoute({
  method: "get",
  path: "/audit-events",
  tags: ["Audit"],
  summary: "List audit events, newest first (admins)",
  security: authSecurity,
  request: { query: listAuditEventsQuery },
  responses: { 200: jsonResponse(pageOf(auditEventSchema), "A page of audit events"), ...problemResponses },
});

export const auditRoutes = createRouter().openapi(list, async (c) => {
  const ctx = ctxOf(c);
  authorize(canReadAudit(ctx.actor));
  const { page, nextCursor } = await listAuditEvents(ctx, c.req.valid("query"));
  return c.json({ data: page.map(presentAuditEvent), nextCursor }, 200);
});
