import { z } from "zod";
import type { TicketStatus } from "../tickets/status";
import { emailSchema, idSchema, isoDateTime, localeSchema, pageQuerySchema } from "./shared";

/** What a customer is told of a ticket's status: whether it waits on them, on us, or is done. */
export const PORTAL_STATUSES = ["open", "awaiting_reply", "solved", "closed"] as const;
export const portalStatusSchema = z.enum(PORTAL_STATUSES);
export type PortalStatus = z.infer<typeof portalStatusSchema>;

/** Maps the team's status to the customer's view of it (on hold is still "we are on it"). */
export function portalStatusOf(status: TicketStatus): PortalStatus {
  if (status === "pending") return "awaiting_reply";
  if (status === "solved" || status === "closed") return status;
  return "open";
}

/** The most files one portal message may carry. */
export const PORTAL_MAX_FILES = 5;

/** What anyone may know of an organisation from its portal address. */
export const portalOrgSchema = z.object({
  name: z.string(),
  slug: z.string(),
  defaultLocale: localeSchema,
});
export type PortalOrg = z.infer<typeof portalOrgSchema>;

const subjectSchema = z.string().trim().min(1).max(300);
const bodySchema = z.string().trim().min(1).max(50_000);

/**
 * A request from the public form. `website` is a field people never see: a form that fills it in
 * was filled in by a robot, and is quietly not turned into a ticket.
 */
export const portalRequestInput = z.strictObject({
  name: z.string().trim().max(200).optional(),
  email: emailSchema,
  subject: subjectSchema,
  body: bodySchema,
  locale: localeSchema.optional(),
  website: z.string().max(500).optional(),
});
export type PortalRequestInput = z.infer<typeof portalRequestInput>;

/** A request from a signed-in customer: who they are is known. */
export const portalSignedInRequestInput = z.strictObject({
  subject: subjectSchema,
  body: bodySchema,
});

export const portalRequestResultSchema = z.object({
  /** The request's number, which the customer quotes; absent when the form was refused as a robot's. */
  number: z.number().int().nullable(),
  /** Set when the requester is signed in and can open it at once. */
  ticketId: idSchema.nullable(),
});
export type PortalRequestResult = z.infer<typeof portalRequestResultSchema>;

export const portalSignInLinkInput = z.strictObject({
  email: emailSchema,
  locale: localeSchema.optional(),
});

export const portalSessionInput = z.strictObject({
  token: z.string().min(20).max(200),
});

export const portalCustomerSchema = z.object({
  name: z.string(),
  email: z.string().nullable(),
  locale: localeSchema.nullable(),
  csrfToken: z.string(),
});
export type PortalCustomer = z.infer<typeof portalCustomerSchema>;

export const portalSessionSchema = z.object({
  customer: portalCustomerSchema,
  /** The request the link was mailed about, to open first. */
  ticketId: idSchema.nullable(),
});

export const updatePortalMeInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  locale: localeSchema.optional(),
});

export const portalTicketSchema = z.object({
  id: idSchema,
  number: z.number().int(),
  subject: z.string(),
  status: portalStatusSchema,
  createdAt: isoDateTime,
  lastMessageAt: isoDateTime,
  /** The number of the request this one was merged into, where the conversation continues. */
  mergedIntoNumber: z.number().int().nullable(),
});
export type PortalTicket = z.infer<typeof portalTicketSchema>;

export const portalAttachmentSchema = z.object({
  id: idSchema,
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  url: z.string(),
});

export const portalMessageSchema = z.object({
  id: idSchema,
  /** The customer's own message, or an answer from the team. */
  from: z.enum(["customer", "team"]),
  authorName: z.string(),
  bodyText: z.string(),
  bodyHtml: z.string().nullable(),
  createdAt: isoDateTime,
  attachments: z.array(portalAttachmentSchema),
});
export type PortalMessage = z.infer<typeof portalMessageSchema>;

export const portalTicketDetailSchema = z.object({
  ticket: portalTicketSchema,
  messages: z.array(portalMessageSchema),
  /** A supervisor has been asked to look at this request and has not finished yet. */
  supervisorRequested: z.boolean(),
});
export type PortalTicketDetail = z.infer<typeof portalTicketDetailSchema>;

export const portalReplyInput = z.strictObject({ body: bodySchema });

export const portalTicketsQuery = pageQuerySchema;
