import { z } from "zod";
import { ESCALATION_TYPES, reasonCodeSchema } from "../contracts/escalations";
import { languageCodeSchema } from "../contracts/routing";
import { idSchema, isoDateTime, localeSchema } from "../contracts/shared";
import { TICKET_STATUSES } from "../tickets/status";
import { templateProblems } from "./template";

/** What a trigger may react to. Automations run on a schedule instead. */
export const RULE_EVENTS = [
  "ticket.created",
  "ticket.updated",
  "message.received",
  "sla.warning",
  "sla.breached",
  "escalation.created",
] as const;
export type RuleEvent = (typeof RULE_EVENTS)[number];

const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
const CHANNELS = ["email", "web", "portal", "chat", "phone", "social", "api"] as const;

/**
 * The facts a condition can test, each with its kind: the kind decides which operators apply and
 * what the value must be. The server computes these facts; the evaluator only compares.
 */
export const RULE_FIELDS = {
  status: { kind: "enum", values: TICKET_STATUSES },
  priority: { kind: "enum", values: PRIORITIES },
  channel: { kind: "enum", values: CHANNELS },
  team: { kind: "id" },
  assignee: { kind: "id" },
  language: { kind: "enum", values: ["en", "ro", "de", "ru", "ar"] },
  tags: { kind: "tags" },
  subject: { kind: "text" },
  requester_email: { kind: "text" },
  message_body: { kind: "text" },
  message_author: { kind: "enum", values: ["customer", "agent", "system"] },
  hours_since_created: { kind: "number" },
  hours_since_updated: { kind: "number" },
  escalation_level: { kind: "number" },
  within_business_hours: { kind: "boolean" },
  sla_target: { kind: "enum", values: ["firstReply", "nextReply", "periodicUpdate", "resolution"] },
  /** Of the escalation just raised (the escalation.created event). */
  escalation_type: { kind: "enum", values: ESCALATION_TYPES },
  escalation_reason: { kind: "code" },
  /** How many other tickets the requester opened in the condition's last `days` days. */
  customer_recent_tickets: { kind: "number", days: true },
  customer_vip: { kind: "boolean" },
  customer_company: { kind: "id" },
  /** The customer's message reads as a complaint (negative-wording.ts). */
  message_negative: { kind: "boolean" },
} as const;
export type RuleField = keyof typeof RULE_FIELDS;
type Kind = (typeof RULE_FIELDS)[RuleField]["kind"];

/** The window of `customer_recent_tickets` when a condition names none, and its bounds. */
export const RECENT_TICKETS_DAYS = { default: 7, min: 1, max: 365 } as const;

/** Whether a field's condition carries a number of days (its window). */
export const takesDays = (field: RuleField): boolean => "days" in RULE_FIELDS[field];

/** Every operator a condition may use. */
export const RULE_OPERATORS = [
  "is",
  "is_not",
  "one_of",
  "none_of",
  "is_set",
  "is_empty",
  "contains",
  "not_contains",
  "gt",
  "gte",
  "lt",
  "lte",
  "is_true",
  "is_false",
  "changed",
  "changed_to",
  "changed_from",
] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

const CHANGE_OPS = ["changed", "changed_to", "changed_from"] as const;
/** The operators each kind of fact allows. */
export const OPERATORS: Record<Kind, readonly RuleOperator[]> = {
  enum: ["is", "is_not", "one_of", "none_of", ...CHANGE_OPS],
  id: ["is", "is_not", "one_of", "none_of", "is_set", "is_empty", ...CHANGE_OPS],
  tags: ["contains", "not_contains", "is_empty", "is_set"],
  text: ["contains", "not_contains", "is", "is_not"],
  code: ["is", "is_not", "one_of", "none_of"],
  number: ["is", "gt", "gte", "lt", "lte"],
  boolean: ["is_true", "is_false"],
};

export const ruleConditionSchema = z
  .strictObject({
    field: z.enum(Object.keys(RULE_FIELDS) as [RuleField, ...RuleField[]]),
    op: z.string().min(1).max(20),
    value: z.union([z.string().max(500), z.number(), z.array(z.string().max(200)).max(50), z.null()]).optional(),
    days: z.number().int().min(RECENT_TICKETS_DAYS.min).max(RECENT_TICKETS_DAYS.max).optional(),
  })
  .superRefine((c, ctx) => {
    const spec = RULE_FIELDS[c.field];
    if (c.days !== undefined && !takesDays(c.field)) {
      ctx.addIssue({ code: "custom", path: ["days"], message: `${c.field} takes no days` });
    }
    if (!(OPERATORS[spec.kind] as readonly string[]).includes(c.op)) {
      ctx.addIssue({ code: "custom", path: ["op"], message: `Not an operator for ${c.field}` });
      return;
    }
    const problem = valueProblem(spec, c.op, c.value);
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
  });
export type RuleCondition = z.infer<typeof ruleConditionSchema>;

const NO_VALUE = new Set(["is_set", "is_empty", "is_true", "is_false", "changed"]);
const MANY = new Set(["one_of", "none_of"]);

/** Why a condition's value does not fit its field and operator, or null when it does. */
function valueProblem(spec: (typeof RULE_FIELDS)[RuleField], op: string, value: RuleCondition["value"]): string | null {
  if (NO_VALUE.has(op)) return value === undefined || value === null ? null : "This operator takes no value";
  if (spec.kind === "number") return typeof value === "number" && Number.isFinite(value) ? null : "A number";
  if (MANY.has(op)) {
    if (!Array.isArray(value) || value.length === 0) return "One or more values";
    return spec.kind === "enum" && value.some((v) => !(spec.values as readonly string[]).includes(v))
      ? "A value this field does not take"
      : null;
  }
  if (typeof value !== "string" || value.length === 0) return "A value";
  if (spec.kind === "enum" && !(spec.values as readonly string[]).includes(value))
    return "A value this field does not take";
  if (spec.kind === "id" && !idSchema.safeParse(value).success) return "An id";
  return null;
}

export const ruleConditionsSchema = z.strictObject({
  all: z.array(ruleConditionSchema).max(30).default([]),
  any: z.array(ruleConditionSchema).max(30).default([]),
});
export type RuleConditions = z.infer<typeof ruleConditionsSchema>;

/** A text with placeholders, at most `max` characters. */
const templateOf = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((text, ctx) => {
      for (const problem of templateProblems(text)) ctx.addIssue({ code: "custom", message: problem });
    });
const templateText = templateOf(20_000);

/** Who a rule's notice goes to: the ticket's assignee, its team's members, every supervisor and above, or one colleague. */
export const NOTIFY_GROUPS = ["assignee", "team", "supervisors"] as const;
export type NotifyGroup = (typeof NOTIFY_GROUPS)[number];
const tagList = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(50)
      .regex(/^[\p{L}\p{N}_:.-]+$/u),
  )
  .min(1)
  .max(20);

export const ruleActionSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("set_status"), value: z.enum(TICKET_STATUSES) }),
  z.strictObject({ type: z.literal("set_priority"), value: z.enum(PRIORITIES) }),
  z.strictObject({ type: z.literal("set_team"), value: idSchema.nullable() }),
  z.strictObject({ type: z.literal("set_assignee"), value: idSchema.nullable() }),
  z.strictObject({ type: z.literal("add_tags"), value: tagList }),
  z.strictObject({ type: z.literal("remove_tags"), value: tagList }),
  /** Skills whoever takes the ticket must have, beside those it already requires (routing's skills). */
  z.strictObject({
    type: z.literal("require_skills"),
    value: z
      .array(idSchema)
      .min(1)
      .max(20)
      .refine((xs) => new Set(xs).size === xs.length, { message: "A skill is listed twice" }),
  }),
  /** The language whoever takes the ticket must speak; null: the ticket's own. */
  z.strictObject({ type: z.literal("set_language"), value: languageCodeSchema.nullable() }),
  /** A public reply to the customer, written from a template in each language the customer may read. */
  z.strictObject({
    type: z.literal("reply"),
    body: templateText,
    translations: z.partialRecord(localeSchema, templateText).default({}),
  }),
  z.strictObject({ type: z.literal("add_note"), body: templateText }),
  /**
   * An automatic escalation with one of the organisation's reasons, optionally to a named supervisor
   * (or above); while the ticket has one open, nothing new is raised.
   */
  z.strictObject({
    type: z.literal("escalate"),
    reason: reasonCodeSchema,
    note: templateOf(2000).optional(),
    toUserId: idSchema.nullable().optional(),
  }),
  /** A notice in colleagues' bells (and mail), from a template. */
  z.strictObject({
    type: z.literal("notify"),
    to: z.union([z.enum(NOTIFY_GROUPS), idSchema]),
    text: templateOf(1000),
  }),
]);
export type RuleAction = z.infer<typeof ruleActionSchema>;

const ruleBase = {
  name: z.string().trim().min(1).max(120),
  active: z.boolean().default(true),
  conditions: ruleConditionsSchema.default({ all: [], any: [] }),
  actions: z.array(ruleActionSchema).min(1).max(20),
};

/** A trigger reacts to events; an automation is checked on a schedule against tickets that are not closed. */
export const createRuleInput = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("trigger"), events: z.array(z.enum(RULE_EVENTS)).min(1).max(6), ...ruleBase }),
  z.strictObject({ kind: z.literal("automation"), ...ruleBase }),
]);
export type CreateRuleInput = z.infer<typeof createRuleInput>;

export const updateRuleInput = z.strictObject({
  name: ruleBase.name.optional(),
  active: z.boolean().optional(),
  events: z.array(z.enum(RULE_EVENTS)).min(1).max(6).optional(),
  conditions: ruleConditionsSchema.optional(),
  actions: z.array(ruleActionSchema).min(1).max(20).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type UpdateRuleInput = z.infer<typeof updateRuleInput>;

export const ruleSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: z.enum(["trigger", "automation"]),
  active: z.boolean(),
  position: z.number().int(),
  events: z.array(z.enum(RULE_EVENTS)),
  conditions: ruleConditionsSchema,
  actions: z.array(ruleActionSchema),
  /** When it last acted on a ticket, and how often in the last 30 days. */
  lastFiredAt: isoDateTime.nullable(),
  firings30d: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Rule = z.infer<typeof ruleSchema>;

/** A list of rules, as GET /rules and POST /rules/reorder answer. */
export const ruleListSchema = z.object({ data: z.array(ruleSchema) });

export const reorderRulesInput = z.strictObject({
  kind: z.enum(["trigger", "automation"]),
  ids: z.array(idSchema).min(1).max(500),
});
