import { PORTAL_MAX_FILES } from "@frontline/common";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { AppError } from "../../platform/errors";
import { type AppEnv, validationError } from "../../platform/http";
import type { IncomingFile } from "./portal.service";

/**
 * The OpenAPI body of a portal write that takes JSON, or multipart with `files`. The schema is
 * given as JSON Schema, not zod, so the router documents it without validating: which schema
 * applies depends on who is signed in, and readPortalForm checks it.
 */
export function portalFormBody(schema: z.ZodType) {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  const { $schema: _drop, ...plain } = json;
  const files = { type: "array", maxItems: PORTAL_MAX_FILES, items: { type: "string", format: "binary" } };
  const withFiles = { ...plain, properties: { ...((plain.properties as object) ?? {}), files } };
  // Typed as the plainest schema object: its contents are JSON Schema the document shows as it is.
  const asSchema = (o: object) => o as { type: "object" };
  return {
    content: {
      "application/json": { schema: asSchema(plain) },
      "multipart/form-data": { schema: asSchema(withFiles) },
    },
    required: true,
  } as const;
}

/** Reads a portal write as JSON or multipart form, validates its fields with `schema`, and checks its files. */
export async function readPortalForm<T extends z.ZodType>(
  c: Context<AppEnv>,
  schema: T,
): Promise<{ input: z.infer<T>; files: IncomingFile[] }> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  let fields: unknown;
  let files: File[] = [];
  if (type.startsWith("application/json")) {
    try {
      fields = await c.req.json();
    } catch {
      throw new AppError("malformed_json", "The body is not valid JSON");
    }
  } else if (type.startsWith("multipart/form-data")) {
    ({ fields, files } = await readMultipart(c));
  } else {
    throw new AppError("unsupported_media_type", "Send application/json, or multipart/form-data with files");
  }
  const parsed = schema.safeParse(fields);
  if (!parsed.success) throw validationError(parsed.error);
  return { input: parsed.data, files: await checkSizes(c, files) };
}

async function readMultipart(c: Context<AppEnv>): Promise<{ fields: Record<string, unknown>; files: File[] }> {
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    throw new AppError("bad_request", "The multipart body could not be read");
  }
  const fields: Record<string, unknown> = Object.create(null);
  const files: File[] = [];
  for (const [key, value] of Object.entries(body)) {
    const values = Array.isArray(value) ? value : [value];
    if (key === "files") {
      for (const v of values) {
        if (!(v instanceof File)) throw new AppError("validation_failed", "Not a file", { files: ["Send files"] });
        files.push(v);
      }
    } else if (values.length !== 1 || typeof values[0] !== "string") {
      throw new AppError("validation_failed", `Invalid value for ${key}`, { [key]: ["Expected one text value"] });
    } else {
      fields[key] = values[0];
    }
  }
  return { fields, files };
}

async function checkSizes(c: Context<AppEnv>, files: File[]): Promise<IncomingFile[]> {
  if (files.length > PORTAL_MAX_FILES) {
    throw new AppError("validation_failed", `At most ${PORTAL_MAX_FILES} files`, {
      files: [`At most ${PORTAL_MAX_FILES} files`],
    });
  }
  const max = c.get("deps").config.ATTACHMENT_MAX_BYTES;
  const out: IncomingFile[] = [];
  for (const [index, file] of files.entries()) {
    if (file.size === 0) {
      throw new AppError("validation_failed", "The file is empty", { [`files.${index}`]: ["Empty file"] });
    }
    if (file.size > max) {
      throw new AppError("payload_too_large", `A file is larger than ${max} bytes`, {
        [`files.${index}`]: [`Larger than ${max} bytes`],
      });
    }
    out.push({ name: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
  }
  return out;
}
