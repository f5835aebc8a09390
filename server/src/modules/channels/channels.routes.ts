import {
  createImapMailboxInput,
  idSchema,
  imapMailboxListSchema,
  imapMailboxSchema,
  inboundMailResultSchema,
  logCallInput,
  loggedCallSchema,
  one,
  problemSchema,
  updateImapMailboxInput,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { authorize } from "../../platform/authorize";
import { AppError } from "../../platform/errors";
import { createRouter, ctxOf, jsonBody, jsonResponse } from "../../platform/http";
import { authSecurity, problemResponses } from "../../platform/openapi";
import { presentTicket } from "../tickets";
import { canIngestMail } from "./channels.policy";
import { ingestMail } from "./email-in";
import { addMailbox, listMailboxes, presentMailbox, removeMailbox, updateMailbox } from "./imap-mailboxes";
import { logCall } from "./phone.service";

/** A password can be stored only with a key: a server without SECRETS_KEY answers this. */
const noSecretsKey = {
  503: {
    content: { "application/problem+json": { schema: problemSchema } },
    description: "The server has no SECRETS_KEY to encrypt the password with",
  },
};

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
  listMailboxes: createRoute({
    security: authSecurity,
    tags: ["Channels"],
    method: "get",
    path: "/channels/imap-mailboxes",
    summary: "Mailboxes polled over IMAP (admins)",
    responses: { ...problemResponses, 200: jsonResponse(imapMailboxListSchema, "Mailboxes") },
  }),
  addMailbox: createRoute({
    security: authSecurity,
    tags: ["Channels"],
    method: "post",
    path: "/channels/imap-mailboxes",
    summary: "Poll a mailbox over IMAP (admins); the password is stored encrypted and never shown again",
    request: { body: jsonBody(createImapMailboxInput) },
    responses: { ...problemResponses, ...noSecretsKey, 201: jsonResponse(one(imapMailboxSchema), "The mailbox") },
  }),
  updateMailbox: createRoute({
    security: authSecurity,
    tags: ["Channels"],
    method: "patch",
    path: "/channels/imap-mailboxes/{id}",
    summary: "Change a mailbox, enable or disable it, or give it a new password (admins)",
    request: { params: z.object({ id: idSchema }), body: jsonBody(updateImapMailboxInput) },
    responses: { ...problemResponses, ...noSecretsKey, 200: jsonResponse(one(imapMailboxSchema), "The mailbox") },
  }),
  removeMailbox: createRoute({
    security: authSecurity,
    tags: ["Channels"],
    method: "delete",
    path: "/channels/imap-mailboxes/{id}",
    summary: "Stop polling a mailbox (admins)",
    request: { params: z.object({ id: idSchema }) },
    responses: { ...problemResponses, 204: { description: "Removed" } },
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
  })
  .openapi(routes.listMailboxes, async (c) => {
    const ctx = ctxOf(c);
    authorize(canIngestMail(ctx.actor));
    return c.json({ data: (await listMailboxes(ctx)).map(presentMailbox) }, 200);
  })
  .openapi(routes.addMailbox, async (c) => {
    const ctx = ctxOf(c);
    authorize(canIngestMail(ctx.actor));
    return c.json({ data: presentMailbox(await addMailbox(ctx, c.req.valid("json"))) }, 201);
  })
  .openapi(routes.updateMailbox, async (c) => {
    const ctx = ctxOf(c);
    authorize(canIngestMail(ctx.actor));
    const box = await updateMailbox(ctx, c.req.valid("param").id, c.req.valid("json"));
    return c.json({ data: presentMailbox(box) }, 200);
  })
  .openapi(routes.removeMailbox, async (c) => {
    const ctx = ctxOf(c);
    authorize(canIngestMail(ctx.actor));
    await removeMailbox(ctx, c.req.valid("param").id);
    return c.body(null, 204);
  });
