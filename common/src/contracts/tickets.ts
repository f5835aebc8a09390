import { z } from "zod";
import { TICKET_STATUSES } from "../tickets/status";
import { customFieldValuesSchema } from "./customers";
import { emailSchema, idSchema, isoDateTime, localeSchema, pageQuerySchema } from "./shared";

export const ticketStatusSchema = z.enum(TICKET_STATUSES);
export const TICKET_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const ticketPrioritySchema = z.enum(TICKET_PRIORITIES);
export const TICKET_CHANNELS = ["email", "web", "portal", "chat", "phone", "social", "api"] as const;
export const ticketChannelSchema = z.enum(TICKET_CHANNELS);

const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(50)
  .regex(/^[\p{L}\p{N}_:.-]+$/u, "A tag holds letters, digits and _ : . - only");
const tagsSchema = z.array(tagSchema).max(50);

export const ticketSchema = z.object({
  id: idSchema,
  number: z.number().int(),
  subject: z.string(),
  status: ticketStatusSchema,
  priority: ticketPrioritySchema,
  channel: ticketChannelSchema,
  requesterId: idSchema,
  assigneeId: idSchema.nullable(),
  teamId: idSchema.nullable(),
  tags: z.array(z.string()),
  customFields: customFieldValuesSchema,
  language: localeSchema.nullable(),
  mergedIntoId: idSchema.nullable(),
  /** 0 when not escalated; else the level of its highest open escalation (1 supervisor, 2 manager, 3 admin). */
  escalationLevel: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  solvedAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  lastMessageAt: isoDateTime,
  /** When the next SLA promise on this ticket falls due (null: none counting), and whether one was missed. */
  slaDueAt: isoDateTime.nullable(),
  slaBreached: z.boolean(),
});
export type Ticket = z.infer<typeof ticketSchema>;

const bodySchema = z.string().max(200_000);

export const createTicketInput = z.strictObject({
  subject: z.string().trim().min(1).max(300),
  requester: z.strictObject({ email: emailSchema, name: z.string().trim().max(200).optional() }),
  message: z.strictObject({ body: bodySchema.min(1), html: bodySchema.optional() }),
  priority: ticketPrioritySchema.default("normal"),
  channel: ticketChannelSchema.default("api"),
  tags: tagsSchema.default([]),
  teamId: idSchema.nullable().optional(),
  assigneeId: idSchema.nullable().optional(),
  language: localeSchema.optional(),
  customFields: customFieldValuesSchema.default({}),
});
export type CreateTicketInput = z.infer<typeof createTicketInput>;

export const updateTicketInput = z.strictObject({
  subject: z.string().trim().min(1).max(300).optional(),
  status: ticketStatusSchema.optional(),
  priority: ticketPrioritySchema.optional(),
  assigneeId: idSchema.nullable().optional(),
  teamId: idSchema.nullable().optional(),
  tags: tagsSchema.optional(),
  language: localeSchema.nullable().optional(),
  customFields: customFieldValuesSchema.optional(),
});
export type UpdateTicketInput = z.infer<typeof updateTicketInput>;

export const bulkUpdateTicketsInput = z.strictObject({
  ids: z.array(idSchema).min(1).max(200),
  changes: updateTicketInput.omit({ subject: true, tags: true }).extend({
    addTags: tagsSchema.optional(),
    removeTags: tagsSchema.optional(),
  }),
});

export const mergeTicketsInput = z.strictObject({
  /** The ticket merged into the one in the path; its messages move over and it closes. */
  sourceId: idSchema,
});

/**
 * The orders a list can take: by activity, by creation, or the SLA promise due soonest first
 * (tickets with nothing counting come last).
 */
export const TICKET_SORTS = ["updated_desc", "updated_asc", "created_desc", "created_asc", "sla_due_asc"] as const;
export const ticketSortSchema = z.enum(TICKET_SORTS);
export type TicketSort = z.infer<typeof ticketSortSchema>;

/** Comma-separated list in a query string → array of allowed values. */
const csv = <const V extends readonly [string, ...string[]]>(values: V) =>
  z
    .string()
    .max(2000)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(values)).max(50));

export const listTicketsQuery = pageQuerySchema.extend({
  status: csv(TICKET_STATUSES).optional(),
  priority: csv(TICKET_PRIORITIES).optional(),
  channel: csv(TICKET_CHANNELS).optional(),
  assigneeId: z.union([idSchema, z.literal("none")]).optional(),
  teamId: z.union([idSchema, z.literal("none")]).optional(),
  requesterId: idSchema.optional(),
  tag: tagSchema.optional(),
  /** `true`: only tickets with an open escalation; `false`: only those without. */
  escalated: z.enum(["true", "false"]).optional(),
  createdFrom: isoDateTime.optional(),
  createdTo: isoDateTime.optional(),
  updatedFrom: isoDateTime.optional(),
  updatedTo: isoDateTime.optional(),
  sort: ticketSortSchema.default("updated_desc"),
});
export type ListTicketsQuery = z.infer<typeof listTicketsQuery>;

/** The same filters as the list, without paging or order: how many tickets a view holds. */
export const countTicketsQuery = listTicketsQuery.omit({ limit: true, cursor: true, sort: true });
export type CountTicketsQuery = z.infer<typeof countTicketsQuery>;

export const MESSAGE_KINDS = ["reply", "note", "inbound"] as const;
export const messageKindSchema = z.enum(MESSAGE_KINDS);

export const attachmentSchema = z.object({
  id: idSchema,
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** Shown inside the HTML body (a cid: image) rather than as a separate file. */
  inline: z.boolean(),
  /** Where to download it (same origin, with the session or a token). */
  url: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const messageSchema = z.object({
  id: idSchema,
  ticketId: idSchema,
  kind: messageKindSchema,
  channel: ticketChannelSchema,
  bodyText: z.string(),
  bodyHtml: z.string().nullable(),
  author: z.object({
    type: z.enum(["user", "customer", "system"]),
    id: idSchema.nullable(),
    name: z.string(),
  }),
  attachments: z.array(attachmentSchema),
  /** Colleagues an internal note mentions, in order of mention, so the conversation can highlight them. */
  mentions: z.array(z.object({ id: idSchema, name: z.string() })),
  createdAt: isoDateTime,
});
export type Message = z.infer<typeof messageSchema>;

export const createMessageInput = z
  .strictObject({
    kind: z.enum(["reply", "note"]),
    /** Plain text; may be empty when `html` is given, and is then derived from it. */
    body: bodySchema.default(""),
    html: bodySchema.optional(),
    /** Optionally change the status in the same step, e.g. reply and set pending. */
    status: ticketStatusSchema.optional(),
    /** Files uploaded before with POST /attachments, to send with this message. */
    attachmentIds: z.array(idSchema).max(20).default([]),
    /**
     * Colleagues to notify, besides those named in the text (`@Full Name` or `@email`); notes only,
     * since a reply goes to the customer.
     */
    mentionIds: z.array(idSchema).max(50).default([]),
  })
  .refine((m) => m.body.trim() !== "" || (m.html ?? "").trim() !== "", {
    path: ["body"],
    message: "Write something: a body or HTML",
  })
  .refine((m) => m.kind === "note" || m.mentionIds.length === 0, {
    path: ["mentionIds"],
    message: "Only internal notes mention colleagues",
  });
export type CreateMessageInput = z.infer<typeof createMessageInput>;
/** What a client sends (defaults not yet applied). */
export type CreateMessageRequest = z.input<typeof createMessageInput>;

/** One entry of a customer's timeline: a message with the ticket it belongs to. */
export const timelineEntrySchema = messageSchema.extend({
  ticketNumber: z.number().int(),
  ticketSubject: z.string(),
  ticketStatus: ticketStatusSchema,
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** A view's saved filters: the list's filters as values, with "me" for the person looking. */
export const viewFiltersSchema = z.strictObject({
  status: z.array(ticketStatusSchema).max(6).optional(),
  priority: z.array(ticketPrioritySchema).max(4).optional(),
  channel: z.array(ticketChannelSchema).max(7).optional(),
  assigneeId: z.union([idSchema, z.literal("none"), z.literal("me")]).optional(),
  teamId: z.union([idSchema, z.literal("none")]).optional(),
  tag: tagSchema.optional(),
  /** Only tickets with an open escalation. */
  escalated: z.literal("true").optional(),
});
export type ViewFilters = z.infer<typeof viewFiltersSchema>;

export const viewSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** Personal views belong to one user; team views are shared with a team's members. */
  scope: z.enum(["personal", "team"]),
  teamId: idSchema.nullable(),
  ownerId: idSchema.nullable(),
  filters: viewFiltersSchema,
  sort: ticketSortSchema,
  position: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type View = z.infer<typeof viewSchema>;

/** How many tickets one view holds, for the person asking. */
export const viewCountSchema = z.object({ id: idSchema, count: z.number().int() });
export type ViewCount = z.infer<typeof viewCountSchema>;

export const createViewInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** Share with this team (supervisors and above); without it the view is personal. */
  teamId: idSchema.optional(),
  filters: viewFiltersSchema,
  sort: ticketSortSchema.default("updated_desc"),
  position: z.number().int().min(0).max(10_000).default(0),
});
export type CreateViewInput = z.infer<typeof createViewInput>;

export const updateViewInput = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  /** Share with this team (supervisors and above), or `null` to make it the caller's personal view again. */
  teamId: idSchema.nullable().optional(),
  filters: viewFiltersSchema.optional(),
  sort: ticketSortSchema.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type UpdateViewInput = z.infer<typeof updateViewInput>;
