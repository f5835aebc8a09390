import { logCallInput, loggedCallSchema, one } from "@frontline/common";
import { createRoute } from "@hono/zod-openapi";
import { createRouter, ctxOf, jsonBody, jsonResponse } from "../../platform/http";
import { authSecurity, problemResponses } from "../../platform/openapi";
import { presentTicket } from "../tickets";
import { logCall } from "./phone.service";

const routes = {
  logCall: createRoute({
    security: authSecurity,
    tags: ["Channels"],
    method: "post",
    path: "/channels/phone/calls",
    summary: "Log a phone call on the caller's ticket or a new one (from a phone system or by hand)",
    request: { body: jsonBody(logCallInput) },
    responses: { ...problemResponses, 201: jsonResponse(one(loggedCallSchema), "The ticket and the call's message") },
  }),
};

// Every staff member logs their own calls; a phone system does it with an API token.
export const channelRoutes = createRouter().openapi(routes.logCall, async (c) => {
  const { ticket, messageId, customerId } = await logCall(ctxOf(c), c.req.valid("json"));
  return c.json({ data: { ticket: presentTicket(ticket), messageId, customerId } }, 201);
});
