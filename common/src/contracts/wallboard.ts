import { z } from "zod";
import { presenceStatusSchema } from "./routing";
import { idSchema, isoDateTime } from "./shared";
import { ticketChannelSchema } from "./tickets";

/** The floor of one team, or of every team the caller may watch. */
export const wallboardQuery = z.strictObject({ teamId: idSchema.optional() });
export type WallboardQuery = z.infer<typeof wallboardQuery>;

/** How far ahead a promise counts as at risk. */
export const AT_RISK_MINUTES = 60;

const queueCountsSchema = z.object({
  /** Tickets in the queue: the team's, unassigned, new, open or on hold (routing's queue). */
  waiting: z.number().int(),
  /** How long the oldest of them has been open, at `generatedAt`; null when none waits. */
  oldestWaitSeconds: z.number().int().nullable(),
  /** Open tickets with a promise (SLA target) still running that falls due within AT_RISK_MINUTES. */
  atRiskNextHour: z.number().int(),
  /** Open tickets with a promise missed. */
  breached: z.number().int(),
});

export const wallboardChannelSchema = queueCountsSchema.extend({ channel: ticketChannelSchema });
export type WallboardChannel = z.infer<typeof wallboardChannelSchema>;

export const wallboardTeamSchema = queueCountsSchema.extend({
  id: idSchema,
  name: z.string(),
  /** The same counts per channel, for the channels with anything to count. */
  channels: z.array(wallboardChannelSchema),
  /** Escalations of the team's tickets nobody has taken yet. */
  escalationsWaiting: z.number().int(),
});
export type WallboardTeam = z.infer<typeof wallboardTeamSchema>;

const countsSchema = z.object({ tickets: z.number().int(), chats: z.number().int() });

export const wallboardAgentSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** Those of the shown teams they belong to. */
  teamIds: z.array(idSchema),
  presence: presenceStatusSchema,
  presenceSince: isoDateTime.nullable(),
  /** Their new, open and on-hold tickets, chats apart (routing's open load). */
  openLoad: countsSchema,
  /** The most of each routing gives them. */
  capacity: countsSchema,
  /** The open ticket they hold that changed last; null when they hold none. */
  currentTicket: z.object({ id: idSchema, number: z.number().int(), subject: z.string() }).nullable(),
});
export type WallboardAgent = z.infer<typeof wallboardAgentSchema>;

export const wallboardSchema = z.object({
  generatedAt: isoDateTime,
  /** The shown teams, by name. */
  teams: z.array(wallboardTeamSchema),
  /** Active members of the shown teams, by name. */
  agents: z.array(wallboardAgentSchema),
  /** Escalations nobody has taken yet: of the shown teams' tickets (for managers and admins watching every team, all of them). */
  escalationsWaiting: z.object({
    count: z.number().int(),
    oldestWaitSeconds: z.number().int().nullable(),
  }),
  /** Every team the caller may watch, by name: the filter's choices. */
  teamChoices: z.array(z.object({ id: idSchema, name: z.string() })),
});
export type Wallboard = z.infer<typeof wallboardSchema>;

/** The event name of each snapshot on the wallboard's stream. */
export const WALLBOARD_SNAPSHOT_EVENT = "snapshot";
