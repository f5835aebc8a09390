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

/** Every mailbox of the organisation: few enough that the list has no pages. */
export const imapMailboxListSchema = z.object({ data: z.array(imapMailboxSchema) });

const imapHost = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9._:-]+$/, "A host name such as imap.example.com, or an IP address");
const imapPort = z.number().int().min(1).max(65535);
const imapUsername = z.string().min(1).max(320);
const imapPassword = z.string().min(1).max(1000);
const imapFolder = z.string().trim().min(1).max(200);

/** A mailbox to poll; the password is stored encrypted and never shown again. */
export const createImapMailboxInput = z.strictObject({
  host: imapHost,
  port: imapPort.default(993),
  secure: z.boolean().default(true),
  username: imapUsername,
  password: imapPassword,
  folder: imapFolder.default("INBOX"),
});
export type CreateImapMailboxInput = z.input<typeof createImapMailboxInput>;

/** Changes to a mailbox; only what is given changes, and the password only when a new one is given. */
export const updateImapMailboxInput = z.strictObject({
  host: imapHost.optional(),
  port: imapPort.optional(),
  secure: z.boolean().optional(),
  username: imapUsername.optional(),
  password: imapPassword.optional(),
  folder: imapFolder.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateImapMailboxInput = z.infer<typeof updateImapMailboxInput>;
export type ImapMailbox = z.infer<typeof imapMailboxSchema>;
