import { z } from "zod";
import { isLanguageCode } from "../routing/languages";
import type { TicketStatus } from "../tickets/status";
import { idSchema, isoDateTime, localeSchema, pageQuerySchema, roleSchema } from "./shared";
import { ticketChannelSchema, ticketPrioritySchema, ticketStatusSchema } from "./tickets";

/** A language routing matches on: an ISO 639-1 code, the base subtag of a BCP 47 tag ("de", "pt"). */
export const languageCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isLanguageCode, { message: "Unknown language: give an ISO 639-1 code such as de or pt" });

/** Whether an agent takes work now: online takes new tickets, away keeps theirs, offline neither. */
export const PRESENCE_STATUSES = ["online", "away", "offline"] as const;
export const presenceStatusSchema = z.enum(PRESENCE_STATUSES);
export type PresenceStatus = z.infer<typeof presenceStatusSchema>;

export const presenceSchema = z.object({
  userId: idSchema,
  status: presenceStatusSchema,
  /** When the status last changed; null for someone who never set one (offline). */
  since: isoDateTime.nullable(),
});
export type Presence = z.infer<typeof presenceSchema>;

export const setPresenceInput = z.strictObject({ status: presenceStatusSchema });
export type SetPresenceInput = z.infer<typeof setPresenceInput>;

/**
 * The statuses that make up an agent's open load, and the tickets waiting in a team's queue: work
 * someone has to do next. Pending waits on the customer and weighs on nobody until they answer.
 */
export const OPEN_LOAD_STATUSES = ["new", "open", "on_hold"] as const satisfies readonly TicketStatus[];

/** How a team hands out its tickets. */
export const ROUTING_STRATEGIES = ["manual", "round_robin", "least_loaded"] as const;
export const routingStrategySchema = z.enum(ROUTING_STRATEGIES);
export type RoutingStrategy = z.infer<typeof routingStrategySchema>;

export const teamRoutingSchema = z.object({
  teamId: idSchema,
  strategy: routingStrategySchema,
  /** Only agents with every skill a ticket requires receive it. */
  skillMatching: z.boolean(),
  /** Only agents who speak the ticket's language receive it. */
  languageMatching: z.boolean(),
  /** An agent going offline hands their open tickets of this team back to its queue. */
  reassignOnOffline: z.boolean(),
  updatedAt: isoDateTime.nullable(),
});
export type TeamRouting = z.infer<typeof teamRoutingSchema>;

export const updateTeamRoutingInput = z.strictObject({
  strategy: routingStrategySchema,
  skillMatching: z.boolean(),
  languageMatching: z.boolean(),
  reassignOnOffline: z.boolean(),
});
export type UpdateTeamRoutingInput = z.infer<typeof updateTeamRoutingInput>;

export const skillSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** How many agents have it. */
  agentCount: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Skill = z.infer<typeof skillSchema>;

export const skillInput = z.strictObject({ name: z.string().trim().min(1).max(60) });
export type SkillInput = z.infer<typeof skillInput>;

export const skillLevelSchema = z.number().int().min(1).max(5);

export const agentSkillSchema = z.object({ skillId: idSchema, name: z.string(), level: skillLevelSchema.nullable() });

/** Open tickets (every channel but chat) and open chats. */
const countsSchema = z.object({ tickets: z.number().int(), chats: z.number().int() });

export const routingAgentSchema = z.object({
  userId: idSchema,
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
  teamIds: z.array(idSchema),
  presence: presenceSchema,
  /** Assigned tickets in OPEN_LOAD_STATUSES, chats apart. */
  load: countsSchema,
  /** The most of each routing gives them. */
  capacity: countsSchema,
  skills: z.array(agentSkillSchema),
  /** Languages they also speak, beside their profile language. */
  languages: z.array(z.string()),
  /** Every language routing takes them to speak: the profile language first. */
  speaks: z.array(z.string()),
  profileLocale: localeSchema,
  /** When routing last gave them a ticket: least-loaded ties go to who waited longest. */
  lastAssignedAt: isoDateTime.nullable(),
});
export type RoutingAgent = z.infer<typeof routingAgentSchema>;

export const updateRoutingAgentInput = z.strictObject({
  skills: z
    .array(z.strictObject({ skillId: idSchema, level: skillLevelSchema.nullable().default(null) }))
    .max(50)
    .refine((xs) => new Set(xs.map((x) => x.skillId)).size === xs.length, { message: "A skill is listed twice" })
    .optional(),
  languages: z.array(languageCodeSchema).max(20).optional(),
  maxTickets: z.number().int().min(0).max(500).optional(),
  maxChats: z.number().int().min(0).max(20).optional(),
});
export type UpdateRoutingAgentInput = z.infer<typeof updateRoutingAgentInput>;
export type UpdateRoutingAgentRequest = z.input<typeof updateRoutingAgentInput>;

export const listRoutingAgentsQuery = pageQuerySchema.extend({ teamId: idSchema.optional() });
export type ListRoutingAgentsQuery = z.infer<typeof listRoutingAgentsQuery>;

export const ticketRequirementsSchema = z.object({
  ticketId: idSchema,
  skillIds: z.array(idSchema),
  /** The language someone set for routing, or null to follow the ticket's own language. */
  language: z.string().nullable(),
  /** The ticket's language (detected from the customer's first message unless given). */
  ticketLanguage: localeSchema.nullable(),
  /** What routing matches on: `language`, else `ticketLanguage`. */
  requiredLanguage: z.string().nullable(),
});
export type TicketRequirements = z.infer<typeof ticketRequirementsSchema>;

export const setTicketRequirementsInput = z.strictObject({
  skillIds: z
    .array(idSchema)
    .max(20)
    .refine((xs) => new Set(xs).size === xs.length, { message: "A skill is listed twice" }),
  language: languageCodeSchema.nullable(),
});
export type SetTicketRequirementsInput = z.infer<typeof setTicketRequirementsInput>;

/**
 * Why a ticket waits in its team's queue rather than going to someone: the team assigns by hand,
 * nobody is online, nobody online has the skills or speaks the language, or those who do are full.
 * "assigning": someone fits, and routing is about to give it to them.
 */
export const WAIT_REASONS = [
  "manual",
  "nobody_online",
  "missing_skill",
  "missing_language",
  "no_capacity",
  "assigning",
] as const;
export const waitReasonSchema = z.enum(WAIT_REASONS);
export type WaitReason = z.infer<typeof waitReasonSchema>;

export const queueEntrySchema = z.object({
  ticket: z.object({
    id: idSchema,
    number: z.number().int(),
    subject: z.string(),
    status: ticketStatusSchema,
    priority: ticketPrioritySchema,
    channel: ticketChannelSchema,
    createdAt: isoDateTime,
  }),
  skillIds: z.array(idSchema),
  requiredLanguage: z.string().nullable(),
  reason: waitReasonSchema,
});
export type QueueEntry = z.infer<typeof queueEntrySchema>;

/** A team's waiting tickets, oldest first. */
export const routingQueueQuery = pageQuerySchema.extend({ teamId: idSchema });
export type RoutingQueueQuery = z.infer<typeof routingQueueQuery>;
