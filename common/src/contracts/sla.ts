import { z } from "zod";
import type { TICKET_STATUSES } from "../tickets/status";
import { idSchema, isoDateTime } from "./shared";
import { TICKET_CHANNELS, TICKET_PRIORITIES } from "./tickets";

/** The promises an SLA policy makes: the first answer, each next answer, updates while open, and the solution. */
export const SLA_TARGETS = ["firstReply", "nextReply", "periodicUpdate", "resolution"] as const;
export const slaTargetNameSchema = z.enum(SLA_TARGETS);
export type SlaTargetName = z.infer<typeof slaTargetNameSchema>;

/** Where a target stands: counting, stopped while the ticket waits, kept, or missed. */
export const SLA_STATES = ["active", "paused", "met", "breached"] as const;
export type SlaState = (typeof SLA_STATES)[number];

const targetSchema = z.strictObject({
  /** Up to a year of minutes. */
  minutes: z.number().int().min(1).max(525_600),
  /** Counted in the calendar's business hours, or around the clock. */
  businessTime: z.boolean().default(true),
});

const targetsSchema = z
  .strictObject({
    firstReply: targetSchema.optional(),
    nextReply: targetSchema.optional(),
    periodicUpdate: targetSchema.optional(),
    resolution: targetSchema.optional(),
  })
  .refine((t) => Object.values(t).some(Boolean), { message: "Set at least one target" });

const tagSchema = z.string().trim().toLowerCase().min(1).max(50);

/** Which tickets a policy covers: every list given must match (an empty or missing list matches all). */
export const slaConditionsSchema = z.strictObject({
  priority: z.array(z.enum(TICKET_PRIORITIES)).max(4).optional(),
  channel: z.array(z.enum(TICKET_CHANNELS)).max(7).optional(),
  /** The ticket has at least one of these tags. */
  tags: z.array(tagSchema).max(20).optional(),
  teamId: z.array(idSchema).max(50).optional(),
  /** The requester belongs to one of these companies (customer tier by company). */
  companyId: z.array(idSchema).max(50).optional(),
});
export type SlaConditions = z.infer<typeof slaConditionsSchema>;

/** The statuses that may stop an SLA's clocks. */
export const SLA_PAUSE_STATUSES = ["pending", "on_hold"] as const satisfies readonly (typeof TICKET_STATUSES)[number][];

export const createSlaPolicyInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  /** The calendar business time is counted in; none: the ticket's team's, customer's region's or the default one. */
  calendarId: idSchema.nullable().default(null),
  /** Where it stands in the order: the first policy that matches a ticket applies. Default: last. */
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().default(true),
  conditions: slaConditionsSchema.default({}),
  targets: targetsSchema,
  /** Statuses that stop the clocks, waiting on the customer or on someone else. */
  pauseOn: z.array(z.enum(SLA_PAUSE_STATUSES)).default(["pending", "on_hold"]),
  /** How long before a target is due the team is warned. 0: no warning. */
  warnBeforeMinutes: z.number().int().min(0).max(10_080).default(60),
});
export type CreateSlaPolicyInput = z.infer<typeof createSlaPolicyInput>;

export const updateSlaPolicyInput = createSlaPolicyInput
  .partial()
  .strict()
  .extend({ targets: targetsSchema.optional() });
export type UpdateSlaPolicyInput = z.infer<typeof updateSlaPolicyInput>;

export const slaPolicySchema = z.object({
  id: idSchema,
  name: z.string(),
  calendarId: idSchema.nullable(),
  position: z.number().int(),
  active: z.boolean(),
  conditions: slaConditionsSchema,
  targets: z.object({
    firstReply: targetSchema.optional(),
    nextReply: targetSchema.optional(),
    periodicUpdate: targetSchema.optional(),
    resolution: targetSchema.optional(),
  }),
  pauseOn: z.array(z.enum(SLA_PAUSE_STATUSES)),
  warnBeforeMinutes: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

export const reorderSlaPoliciesInput = z.strictObject({ ids: z.array(idSchema).min(1).max(500) });

/** One target of one ticket, as the ticket page and GET /tickets/{id}/sla show it. */
export const ticketSlaTargetSchema = z.object({
  target: slaTargetNameSchema,
  state: z.enum(SLA_STATES),
  /** When it falls due; null while paused or when the calendar never opens. */
  dueAt: isoDateTime.nullable(),
  /** Minutes left (business or calendar, as the target counts); negative once overdue. */
  remainingMinutes: z.number().nullable(),
  businessTime: z.boolean(),
  startedAt: isoDateTime,
  metAt: isoDateTime.nullable(),
  breachedAt: isoDateTime.nullable(),
  policyId: idSchema,
  policyName: z.string(),
});
export type TicketSlaTarget = z.infer<typeof ticketSlaTargetSchema>;
