import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { lockUntilCommit } from "../../platform/built-once";
import type { OrgTx } from "../../platform/tenancy";
import type { TicketRow } from "../tickets";
import { agentSkills, agents, skills, teamSettings, ticketRequirements, ticketSkills } from "./routing.tables";

export type AgentRow = typeof agents.$inferSelect;
export type TeamSettingsRow = typeof teamSettings.$inferSelect;
export type SkillRow = typeof skills.$inferSelect;

/** An agent nobody has set up yet: offline, the default capacity, no extra languages. */
export const AGENT_DEFAULTS = {
  presence: "offline",
  presenceSince: null,
  languages: [],
  maxTickets: 10,
  maxChats: 3,
  lastAssignedAt: null,
} as const satisfies Partial<AgentRow>;

/** A team nobody has set up yet: assigned by hand. */
export const TEAM_DEFAULTS = {
  strategy: "manual",
  skillMatching: true,
  languageMatching: true,
  reassignOnOffline: false,
  lastUserId: null,
} as const satisfies Partial<TeamSettingsRow>;

export type TeamSettings = Pick<TeamSettingsRow, keyof typeof TEAM_DEFAULTS | "teamId"> & { updatedAt: Date | null };
export type AgentSettings = Pick<AgentRow, keyof typeof AGENT_DEFAULTS | "userId">;

/**
 * Serialises routing decisions in the organisation until the transaction ends: two tickets created at
 * once see each other's assignment before counting loads. One lock per organisation rather than per
 * team, because an agent in two teams must not be filled past capacity from both at once; creating a
 * ticket already takes the organisation's ticket-number row lock, so creation loses nothing by it.
 */
export async function lockRouting(s: OrgTx): Promise<void> {
  // It travels with the read that follows (decision 031), which still sees what was committed before the lock.
  await lockUntilCommit(s.tx, `routing:${s.orgId}`);
}

/** The routing settings of some teams, defaults for those never set. */
export async function teamSettingsOf(s: OrgTx, teamIds: readonly string[]): Promise<Map<string, TeamSettings>> {
  const rows =
    teamIds.length === 0
      ? []
      : await s.tx
          .select()
          .from(teamSettings)
          .where(and(eq(teamSettings.orgId, s.orgId), inArray(teamSettings.teamId, [...teamIds])));
  const found = new Map(rows.map((r) => [r.teamId, r]));
  return new Map(teamIds.map((teamId) => [teamId, found.get(teamId) ?? { ...TEAM_DEFAULTS, teamId, updatedAt: null }]));
}

/** The teams that route by a strategy (not by hand). */
export async function routingTeamIds(s: OrgTx): Promise<string[]> {
  const rows = await s.tx
    .select({ teamId: teamSettings.teamId })
    .from(teamSettings)
    .where(and(eq(teamSettings.orgId, s.orgId), ne(teamSettings.strategy, "manual")));
  return rows.map((r) => r.teamId);
}

/** The routing settings of one team. */
export async function teamSettingsFor(s: OrgTx, teamId: string): Promise<TeamSettings> {
  return (await teamSettingsOf(s, [teamId])).get(teamId)!;
}

/** Routing's view of some agents, defaults for those never set up. */
export async function agentSettingsOf(s: OrgTx, userIds: readonly string[]): Promise<Map<string, AgentSettings>> {
  const rows =
    userIds.length === 0
      ? []
      : await s.tx
          .select()
          .from(agents)
          .where(and(eq(agents.orgId, s.orgId), inArray(agents.userId, [...userIds])));
  const found = new Map(rows.map((r) => [r.userId, r]));
  return new Map(userIds.map((userId) => [userId, found.get(userId) ?? { ...AGENT_DEFAULTS, userId, languages: [] }]));
}

export interface AgentSkill {
  skillId: string;
  name: string;
  level: number | null;
}

/** Each agent's skills with their names, by name. */
export async function agentSkillsOf(s: OrgTx, userIds: readonly string[]): Promise<Map<string, AgentSkill[]>> {
  const out = new Map<string, AgentSkill[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await s.tx
    .select({ userId: agentSkills.userId, skillId: agentSkills.skillId, name: skills.name, level: agentSkills.level })
    .from(agentSkills)
    .innerJoin(skills, and(eq(skills.orgId, agentSkills.orgId), eq(skills.id, agentSkills.skillId)))
    .where(and(eq(agentSkills.orgId, s.orgId), inArray(agentSkills.userId, [...userIds])))
    .orderBy(sql`lower(${skills.name})`, asc(skills.id));
  for (const r of rows) out.get(r.userId)?.push({ skillId: r.skillId, name: r.name, level: r.level });
  return out;
}

/** What a ticket asks of whoever takes it; `setLanguage` is what someone set, over the ticket's own. */
export interface TicketNeed {
  skillIds: string[];
  setLanguage: string | null;
  language: string | null;
}

/** The needs of some tickets: their required skills, and the language set for routing or their own. */
export async function ticketNeedsOf(
  s: OrgTx,
  list: readonly Pick<TicketRow, "id" | "language">[],
): Promise<Map<string, TicketNeed>> {
  const ids = list.map((t) => t.id);
  if (ids.length === 0) return new Map();
  const [langs, needed] = [
    await s.tx
      .select({ ticketId: ticketRequirements.ticketId, language: ticketRequirements.language })
      .from(ticketRequirements)
      .where(and(eq(ticketRequirements.orgId, s.orgId), inArray(ticketRequirements.ticketId, ids))),
    await s.tx
      .select({ ticketId: ticketSkills.ticketId, skillId: ticketSkills.skillId })
      .from(ticketSkills)
      .where(and(eq(ticketSkills.orgId, s.orgId), inArray(ticketSkills.ticketId, ids)))
      .orderBy(asc(ticketSkills.skillId)),
  ];
  const setLanguage = new Map(langs.map((r) => [r.ticketId, r.language]));
  return new Map(
    list.map((t) => {
      const set = setLanguage.get(t.id) ?? null;
      const skillIds = needed.filter((r) => r.ticketId === t.id).map((r) => r.skillId);
      return [t.id, { skillIds, setLanguage: set, language: set ?? t.language }];
    }),
  );
}

/** The subset of `ids` that are skills of this organisation. */
export async function existingSkillIds(s: OrgTx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await s.tx
    .select({ id: skills.id })
    .from(skills)
    .where(and(eq(skills.orgId, s.orgId), inArray(skills.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}
