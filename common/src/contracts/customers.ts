import { z } from "zod";
import { emailSchema, idSchema, isoDateTime, localeSchema, pageQuerySchema, timeZoneSchema } from "./shared";

/** Channels a customer can be known by. */
export const IDENTITY_CHANNELS = ["email", "phone", "web", "chat", "social"] as const;
export const identityChannelSchema = z.enum(IDENTITY_CHANNELS);

const phoneSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^\+?[0-9 ().-]+$/, "A phone number holds digits, spaces, ( ) . - and an optional leading +");

export const customFieldValuesSchema = z.record(z.string().max(64), z.unknown());

export const companySchema = z.object({
  id: idSchema,
  name: z.string(),
  domain: z.string().nullable(),
  notes: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Company = z.infer<typeof companySchema>;

export const createCompanyInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  domain: z.string().trim().toLowerCase().max(253).nullable().optional(),
  notes: z.string().max(10_000).default(""),
});
// Written out, not `.partial()`: a partial schema would still fill in `notes: ""` and blank it on every change.
export const updateCompanyInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  domain: z.string().trim().toLowerCase().max(253).nullable().optional(),
  notes: z.string().max(10_000).optional(),
});

export const identitySchema = z.object({
  id: idSchema,
  channel: identityChannelSchema,
  value: z.string(),
});

export const customerSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: localeSchema.nullable(),
  timeZone: z.string().nullable(),
  companyId: idSchema.nullable(),
  /** A customer the organisation treats with priority (rules may test it); set by supervisors and above. */
  vip: z.boolean(),
  notes: z.string(),
  customFields: customFieldValuesSchema,
  identities: z.array(identitySchema),
  mergedIntoId: idSchema.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Customer = z.infer<typeof customerSchema>;

export const createCustomerInput = z.strictObject({
  name: z.string().trim().max(200).default(""),
  email: emailSchema.optional(),
  phone: phoneSchema.optional(),
  locale: localeSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  companyId: idSchema.nullable().optional(),
  vip: z.boolean().default(false),
  notes: z.string().max(10_000).default(""),
  customFields: customFieldValuesSchema.default({}),
});
export type CreateCustomerInput = z.infer<typeof createCustomerInput>;

export const updateCustomerInput = z.strictObject({
  name: z.string().trim().max(200).optional(),
  email: emailSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  locale: localeSchema.nullable().optional(),
  timeZone: timeZoneSchema.nullable().optional(),
  companyId: idSchema.nullable().optional(),
  vip: z.boolean().optional(),
  notes: z.string().max(10_000).optional(),
  customFields: customFieldValuesSchema.optional(),
});
export type UpdateCustomerInput = z.infer<typeof updateCustomerInput>;

export const listCustomersQuery = pageQuerySchema.extend({
  /** Comma-separated ids: fetch these customers in one request (e.g. a page of tickets' requesters). */
  ids: z
    .string()
    .max(8000)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(idSchema).max(200))
    .optional(),
  q: z.string().trim().max(200).optional(),
  companyId: idSchema.optional(),
  email: z.string().trim().max(254).optional(),
});

export const mergeCustomersInput = z.strictObject({
  /** The duplicate, merged into the customer in the path; its tickets and identities move over. */
  sourceId: idSchema,
});
