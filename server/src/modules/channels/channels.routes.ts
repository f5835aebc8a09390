import { inboundMailResultSchema, logCallInput, loggedCallSchema, one } from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { authorize } from "../../platform/authorize";
import { AppError } from "../../platform/errors";
import { createRouter, ctxOf, jsonBody, jsonResponse } from "../../platform/http";
import { authSecurity, problemResponses } from "../../platform/openapi";
import { presentTicket } from "../tickets";
import { canIngestMail } from "./channels.policy";
import { ingestMail } from "./email-in";
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
  inbound: createRoute({
    security: authSecurity,
    tags: ["Channels"],
    method: "post",
    path: "/channels/email/inbound",
    summary: "Take one raw mail (RFC 5322, Content-Type message/rfc822) for the caller's organisation (admins)",
    request: { body: { content: { "message/rfc822": { schema: z.string() } }, required: true } },
    responses: {
      ...problemResponses,
      201: jsonResponse(one(inboundMailResultSchema), "Stored; what became of it"),
      200: jsonResponse(one(inboundMailResultSchema), "Already received (same Message-ID); nothing changed"),
    },
  }),
};

export const channelRoutes = createRouter();

// A mail may be far larger than a JSON request: this route has its own limit (MAIL_MAX_BYTES).
channelRoutes.use("/channels/email/inbound", async (c, next) =>
  bodyLimit({
    maxSize: c.get("deps").config.MAIL_MAX_BYTES,
    onError: () => {
      throw new AppError("payload_too_large", "The mail is larger than MAIL_MAX_BYTES");
    },
  })(c, next),
);

channelRoutes
  // Every staff member logs their own calls; a phone system does it with an API token.
  .openapi(routes.logCall, async (c) => {
    const { ticket, messageId, customerId } = await logCall(ctxOf(c), c.req.valid("json"));
    return c.json({ data: { ticket: presentTicket(ticket), messageId, customerId } }, 201);
  })
  .openapi(routes.inbound, async (c) => {
    const ctx = ctxOf(c);
    authorize(canIngestMail(ctx.actor));
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "message/rfc822") throw new AppError("unsupported_media_type", "Send the mail as message/rfc822");
    const raw = Buffer.from(await c.req.arrayBuffer());
    if (raw.length === 0) throw new AppError("validation_failed", "The mail is empty", { body: ["Empty"] });
    const result = await ingestMail(ctx, raw, "api");
    return c.json({ data: result }, result.duplicate ? 200 : 201);
  });
