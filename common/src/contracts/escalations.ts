import { z } from "zod";
import { idSchema, isoDateTime, type Locale, localeSchema, pageQuerySchema, type Role } from "./shared";

/**
 * Who raised it: an agent handing a case up, the customer asking for a supervisor, a rule, or the
 * customer's low rating in a satisfaction survey.
 */
export const ESCALATION_TYPES = ["agent", "customer_request", "automatic", "bad_rating"] as const;
export const escalationTypeSchema = z.enum(ESCALATION_TYPES);
export type EscalationType = z.infer<typeof escalationTypeSchema>;

/** Open (waiting for someone), taken (someone is on it), resolved (done, with an outcome). */
export const ESCALATION_STATUSES = ["open", "taken", "resolved"] as const;
export const escalationStatusSchema = z.enum(ESCALATION_STATUSES);
export type EscalationStatus = z.infer<typeof escalationStatusSchema>;

/** How an escalation ended; `returned_to_agent` is also what de-escalating records. */
export const ESCALATION_OUTCOMES = [
  "resolved_by_supervisor",
  "returned_to_agent",
  "refund_approved",
  "refund_denied",
  "customer_compensated",
  "policy_exception",
  "no_action",
] as const;
export const escalationOutcomeSchema = z.enum(ESCALATION_OUTCOMES);
export type EscalationOutcome = z.infer<typeof escalationOutcomeSchema>;

/** Levels: 1 is for supervisors, 2 for managers, 3 for admins (the head of service). 0 means not escalated. */
export const MAX_ESCALATION_LEVEL = 3;

/** The least role that may take, resolve or be handed an escalation of this level. */
export function escalationRole(level: number): Role {
  if (level <= 1) return "supervisor";
  if (level === 2) return "manager";
  return "admin";
}

/** A reason's code: what escalations and reports name it by; never changes once made. */
export const reasonCodeSchema = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, "Lower-case letters, digits and _ only, starting with a letter");

/** A label per language; at least one, the others fall back to it. */
export const reasonLabelsSchema = z
  .strictObject({
    en: z.string().trim().min(1).max(100).optional(),
    ro: z.string().trim().min(1).max(100).optional(),
    de: z.string().trim().min(1).max(100).optional(),
    ru: z.string().trim().min(1).max(100).optional(),
    ar: z.string().trim().min(1).max(100).optional(),
  })
  .refine((labels) => Object.values(labels).some(Boolean), { message: "Give a label in at least one language" });
export type ReasonLabels = Partial<Record<Locale, string>>;

/** A reason's label in a language: that language's, else English, else any. */
export function reasonLabel(labels: ReasonLabels, locale: Locale, fallback = ""): string {
  return labels[locale] ?? labels.en ?? Object.values(labels).find(Boolean) ?? fallback;
}

export const escalationReasonSchema = z.object({
  code: z.string(),
  labels: z.record(z.string(), z.string()),
  active: z.boolean(),
  position: z.number().int(),
  /** One of the reasons every organisation starts with. */
  builtIn: z.boolean(),
});
export type EscalationReason = z.infer<typeof escalationReasonSchema>;

export const createReasonInput = z.strictObject({
  code: reasonCodeSchema,
  labels: reasonLabelsSchema,
  active: z.boolean().default(true),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CreateReasonInput = z.infer<typeof createReasonInput>;

export const updateReasonInput = z.strictObject({
  labels: reasonLabelsSchema.optional(),
  active: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type UpdateReasonInput = z.infer<typeof updateReasonInput>;

const phraseSchema = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .regex(/^\*?[^*]+\*?$/, "A * may stand only at the start or the end");

/** The words that, in a customer's message, ask for a supervisor: per language, with a flag for changed ones. */
export const escalationPhrasesSchema = z.record(
  localeSchema,
  z.object({ phrases: z.array(z.string()), custom: z.boolean() }),
);
export type EscalationPhrases = z.infer<typeof escalationPhrasesSchema>;

/** New phrases for some languages; `null` goes back to the defaults of that language. */
export const updatePhrasesInput = z
  .strictObject({
    en: z.array(phraseSchema).max(100).nullable().optional(),
    ro: z.array(phraseSchema).max(100).nullable().optional(),
    de: z.array(phraseSchema).max(100).nullable().optional(),
    ru: z.array(phraseSchema).max(100).nullable().optional(),
    ar: z.array(phraseSchema).max(100).nullable().optional(),
  })
  .refine((input) => Object.keys(input).length > 0, { message: "Give the phrases of at least one language" });
export type UpdatePhrasesInput = z.infer<typeof updatePhrasesInput>;

const personSchema = z.object({ id: idSchema, name: z.string() });

export const escalationSchema = z.object({
  id: idSchema,
  ticketId: idSchema,
  ticketNumber: z.number().int(),
  ticketSubject: z.string(),
  type: escalationTypeSchema,
  /** How a customer asked: in a message, through the link in a reply mail, or on the portal. */
  via: z.enum(["message", "mail_link", "portal"]).nullable(),
  reason: z.string(),
  /** The reason's labels as the organisation has them now. */
  reasonLabels: z.record(z.string(), z.string()),
  level: z.number().int(),
  status: escalationStatusSchema,
  note: z.string().nullable(),
  /** The supervisor it was handed to by name, if any. */
  toUser: personSchema.nullable(),
  /** Who raised it: a colleague, the customer, or Frontline itself (`name`: the rule that did, or "" when none is recorded). */
  createdBy: z.object({ type: z.enum(["user", "customer", "system"]), id: idSchema.nullable(), name: z.string() }),
  createdAt: isoDateTime,
  takenBy: personSchema.nullable(),
  takenAt: isoDateTime.nullable(),
  resolvedBy: personSchema.nullable(),
  resolvedAt: isoDateTime.nullable(),
  outcome: escalationOutcomeSchema.nullable(),
  resolutionNote: z.string().nullable(),
  /** What the supervisor told the agent when handing it back; also an internal note on the ticket. */
  coachingNote: z.string().nullable(),
});
export type Escalation = z.infer<typeof escalationSchema>;

const noteSchema = z.string().trim().max(5000);

export const createEscalationInput = z.strictObject({
  reason: reasonCodeSchema,
  note: noteSchema.optional(),
  /** A named supervisor (or above) to hand it to. */
  toUserId: idSchema.optional(),
});
export type CreateEscalationInput = z.infer<typeof createEscalationInput>;

/** Comma-separated statuses → array. */
const statusList = z
  .string()
  .max(100)
  .transform((s) => s.split(",").filter(Boolean))
  .pipe(z.array(escalationStatusSchema).min(1).max(3));

export const listEscalationsQuery = pageQuerySchema.extend({
  status: statusList.optional(),
  type: escalationTypeSchema.optional(),
  /** `me`, a colleague's id, or `none`: whoever took it, or else whom it was handed to by name. */
  assignedTo: z.union([z.literal("me"), z.literal("none"), idSchema]).optional(),
  ticketId: idSchema.optional(),
  /** `oldest` first (the queue: the longest wait on top) or `newest` first (what was resolved lately). */
  sort: z.enum(["oldest", "newest"]).default("oldest"),
});
export type ListEscalationsQuery = z.infer<typeof listEscalationsQuery>;

export const resolveEscalationInput = z.strictObject({
  outcome: escalationOutcomeSchema,
  note: noteSchema.optional(),
});
export type ResolveEscalationInput = z.infer<typeof resolveEscalationInput>;

export const deEscalateInput = z.strictObject({
  coachingNote: noteSchema.min(1),
});
export type DeEscalateInput = z.infer<typeof deEscalateInput>;

export const escalationReportQuery = z
  .strictObject({
    /** Escalations raised from this time (default: 30 days before `to`)… */
    from: isoDateTime.optional(),
    /** …until before this time (default: now). */
    to: isoDateTime.optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    path: ["to"],
    message: "Must be after from",
  });
export type EscalationReportQuery = z.infer<typeof escalationReportQuery>;

const durationSchema = z.object({
  /** How many escalations the figures cover. */
  count: z.number().int(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
});

export const escalationReportSchema = z.object({
  from: isoDateTime,
  to: isoDateTime,
  total: z.number().int(),
  byReason: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  byType: z.array(z.object({ type: escalationTypeSchema, count: z.number().int() })),
  byOutcome: z.array(z.object({ outcome: escalationOutcomeSchema, count: z.number().int() })),
  /** Minutes from raised to taken. */
  timeToTake: durationSchema,
  /** Minutes from raised to resolved. */
  timeToResolve: durationSchema,
});
export type EscalationReport = z.infer<typeof escalationReportSchema>;

// The customer's side: a link in reply mails and a button in the portal.

export const supervisorLinkInput = z.strictObject({ token: z.string().min(20).max(200) });

/** What the link's page may show before the customer confirms. */
export const supervisorLinkSchema = z.object({
  ticketNumber: z.number().int(),
  /** `available`: one click asks; `requested`: a supervisor is already on it; `closed`: the request is over. */
  state: z.enum(["available", "requested", "closed"]),
});
export type SupervisorLink = z.infer<typeof supervisorLinkSchema>;

export const supervisorRequestSchema = z.object({
  ticketNumber: z.number().int(),
  /** False when a supervisor had been asked already: nothing new was raised. */
  created: z.boolean(),
});
export type SupervisorRequest = z.infer<typeof supervisorRequestSchema>;
