import { z } from "zod";
import { emailSchema, idSchema, isoDateTime } from "./shared";
import { ticketSchema } from "./tickets";

const phoneNumber = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^\+?[0-9 ().-]+$/, "A phone number holds digits, spaces, ( ) . - and an optional leading +");

const webUrl = z.url({ protocol: /^https?$/, error: "Must be an http or https address" }).max(2000);

/** A phone call to log: on the caller's ticket when given, otherwise on a new one. */
export const logCallInput = z.strictObject({
  direction: z.enum(["inbound", "outbound"]),
  /** The customer's number (the caller for inbound calls, the one called for outbound). */
  customerNumber: phoneNumber,
  /** Our line: the number the customer called, or called from. */
  lineNumber: phoneNumber.optional(),
  customerName: z.string().trim().max(200).optional(),
  customerEmail: emailSchema.optional(),
  agentId: idSchema.optional(),
  ticketId: idSchema.optional(),
  subject: z.string().trim().min(1).max(300).optional(),
  startedAt: isoDateTime,
  durationSeconds: z.number().int().min(0).max(86_400),
  recordingUrl: webUrl.optional(),
  transcript: z.string().max(200_000).optional(),
  notes: z.string().max(20_000).optional(),
});
export type LogCallInput = z.infer<typeof logCallInput>;

export const loggedCallSchema = z.object({
  ticket: ticketSchema,
  messageId: idSchema,
  customerId: idSchema,
});

/** What became of an inbound mail. */
export const inboundMailResultSchema = z.object({
  inboundId: idSchema,
  outcome: z.enum(["ticket_created", "message_added", "follow_up", "suppressed", "broken"]),
  reason: z.string().nullable(),
  ticketId: idSchema.nullable(),
  messageId: idSchema.nullable(),
  duplicate: z.boolean(),
});

export const imapMailboxSchema = z.object({
  id: idSchema,
  host: z.string(),
  port: z.number().int(),
  secure: z.boolean(),
  username: z.string(),
  folder: z.string(),
  enabled: z.boolean(),
  lastUid: z.number().int(),
  lastPolledAt: isoDateTime.nullable(),
  lastError: z.string().nullable(),
});

/** A mailbox to poll; the password is stored and never shown again. */
export const createImapMailboxInput = z.strictObject({
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535).default(993),
  secure: z.boolean().default(true),
  username: z.string().min(1).max(320),
  password: z.string().min(1).max(1000),
  folder: z.string().trim().min(1).max(200).default("INBOX"),
});
