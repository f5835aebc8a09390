import { attachmentSchema, idSchema, one } from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { authorize } from "../../platform/authorize";
import { AppError } from "../../platform/errors";
import { createRouter, ctxOf, jsonResponse } from "../../platform/http";
import { authSecurity, problemResponses } from "../../platform/openapi";
import { downloadHeaders } from "./attachment-rules";
import { readAttachment, storeUpload } from "./attachments.service";
import { canWorkTickets } from "./tickets.policy";

const tag = { security: authSecurity, tags: ["Attachments"] };
const routes = {
  upload: createRoute({
    ...tag,
    method: "post",
    path: "/attachments",
    summary: "Upload a file (multipart field `file`) to send with a reply; its type is read from its bytes",
    request: { body: { content: { "multipart/form-data": { schema: z.object({ file: z.any() }) } }, required: true } },
    responses: { ...problemResponses, 201: jsonResponse(one(attachmentSchema), "The stored file") },
  }),
  download: createRoute({
    ...tag,
    method: "get",
    path: "/attachments/{id}",
    summary: "Download a file, always as an attachment",
    request: { params: z.object({ id: idSchema }) },
    responses: { ...problemResponses, 200: { description: "The file's bytes" } },
  }),
};

export const attachmentRoutes = createRouter();

// Files may be larger than JSON requests: their own limit (ATTACHMENT_MAX_BYTES), a little over for the form's framing.
attachmentRoutes.use("/attachments", async (c, next) =>
  bodyLimit({
    maxSize: c.get("deps").config.ATTACHMENT_MAX_BYTES + 64 * 1024,
    onError: () => {
      throw new AppError("payload_too_large", "The file is larger than ATTACHMENT_MAX_BYTES");
    },
  })(c, next),
);

attachmentRoutes
  .openapi(routes.upload, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWorkTickets(ctx.actor));
    if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
      throw new AppError("unsupported_media_type", "Send the file as multipart/form-data in a field named file");
    }
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) throw new AppError("validation_failed", "No file", { file: ["Required"] });
    if (file.size === 0) throw new AppError("validation_failed", "The file is empty", { file: ["Empty file"] });
    if (file.size > ctx.config.ATTACHMENT_MAX_BYTES) {
      throw new AppError("payload_too_large", `The file is larger than ${ctx.config.ATTACHMENT_MAX_BYTES} bytes`);
    }
    const row = await storeUpload(ctx, { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
    return c.json(
      {
        data: {
          id: row.id,
          filename: row.filename,
          contentType: row.contentType,
          size: row.size,
          inline: row.inline,
          url: `/api/v1/attachments/${row.id}`,
        },
      },
      201,
    );
  })
  .openapi(routes.download, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWorkTickets(ctx.actor));
    const file = await readAttachment(ctx, c.req.valid("param").id);
    // Even opened directly, an HTML or SVG file runs nothing and reaches nothing.
    return c.body(new Uint8Array(file.content), 200, downloadHeaders(file));
  });
