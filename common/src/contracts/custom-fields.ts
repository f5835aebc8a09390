import { z } from "zod";
import { idSchema, isoDateTime } from "./shared";

export const CUSTOM_FIELD_TYPES = ["text", "number", "date", "dropdown", "checkbox"] as const;
export const customFieldTypeSchema = z.enum(CUSTOM_FIELD_TYPES);
export const CUSTOM_FIELD_ENTITIES = ["ticket", "customer"] as const;
export const customFieldEntitySchema = z.enum(CUSTOM_FIELD_ENTITIES);

export const customFieldSchema = z.object({
  id: idSchema,
  entity: customFieldEntitySchema,
  key: z.string(),
  label: z.string(),
  type: customFieldTypeSchema,
  options: z.array(z.string()),
  required: z.boolean(),
  active: z.boolean(),
  position: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type CustomField = z.infer<typeof customFieldSchema>;

const optionsSchema = z.array(z.string().trim().min(1).max(100)).max(200);

export const createCustomFieldInput = z
  .strictObject({
    entity: customFieldEntitySchema,
    key: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, "A key starts with a letter and holds a-z, 0-9 and _ (at most 63)"),
    label: z.string().trim().min(1).max(100),
    type: customFieldTypeSchema,
    options: optionsSchema.default([]),
    required: z.boolean().default(false),
    position: z.number().int().min(0).max(10_000).default(0),
  })
  .superRefine((v, ctx) => {
    if (v.type === "dropdown" && v.options.length === 0) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "A dropdown needs at least one option" });
    }
    if (v.type !== "dropdown" && v.options.length > 0) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "Only a dropdown has options" });
    }
    if (new Set(v.options).size !== v.options.length) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "Options must be different from each other" });
    }
  });
export type CreateCustomFieldInput = z.infer<typeof createCustomFieldInput>;

export const updateCustomFieldInput = z.strictObject({
  label: z.string().trim().min(1).max(100).optional(),
  options: optionsSchema.optional(),
  required: z.boolean().optional(),
  active: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type UpdateCustomFieldInput = z.infer<typeof updateCustomFieldInput>;
