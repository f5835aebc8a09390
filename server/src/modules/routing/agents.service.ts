import type { ListRoutingAgentsQuery, PresenceStatus, UpdateRoutingAgentInput } from "@frontline/common";
import { and, eq } from "drizzle-orm";
import { authorize } from "../../platform/authorize";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { domainEvents } from "../../platform/events";
import { decodeCursor, pageFrom } from "../../platform/paging";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { activeStaffPage, findUser } from "../staff";
import { type AgentState, agentStates, wakeTeams } from "./engine";
import { setPresenceIn } from "./presence";
import { leadsAgent } from "./routing.policy";
import { type AgentSettings, agentSettingsOf, existingSkillIds, lockRouting } from "./routing.queries";
import { agentSkills, agents } from "./routing.tables";
import { actorTeamIds, assertTeam } from "./team-routing.service";

/** Announced in the transaction that changed an agent's skills, languages or capacity. */
export const AGENT_SETTINGS_CHANGED = "agent.settings_changed";
export interface AgentSettingsChanged {
  userId: string;
}

/** Active staff (of one team, or all) as routing weighs them, by name, in pages. */
export async function listAgents(ctx: Ctx, q: ListRoutingAgentsQuery) {
  const after = q.cursor ? decodeCursor(q.cursor, 2) : undefined;
  const rows = await inOrg(ctx.database, ctx.orgId, async (s) => {
    if (q.teamId) await assertTeam(s, q.teamId);
    const users = await activeStaffPage(s, {
      ...(q.teamId ? { teamId: q.teamId } : {}),
      ...(after ? { after } : {}),
      limit: q.limit + 1,
    });
    return agentStates(s, users);
  });
  return pageFrom(rows, q.limit, (r) => [r.user.name.toLowerCase(), r.user.id]);
}

async function stateOf(s: OrgTx, userId: string): Promise<AgentState> {
  const user = await findUser(s, userId);
  if (!user) throw notFound("User");
  return (await agentStates(s, [user]))[0]!;
}

/** One staff member as routing weighs them; 404 when unknown or foreign. */
export async function getAgent(ctx: Ctx, userId: string): Promise<AgentState> {
  return inOrg(ctx.database, ctx.orgId, (s) => stateOf(s, userId));
}

/** Throws 403 unless the caller leads someone in one of the agent's teams (managers and admins lead all). */
async function assertLeads(s: OrgTx, ctx: Ctx, agentTeamIds: readonly string[]): Promise<void> {
  authorize(
    leadsAgent(ctx.actor, await actorTeamIds(s, ctx), agentTeamIds),
    "Only the supervisors of this person's teams, managers and admins may do this",
  );
}

/**
 * Changes an agent's skills (with levels), extra languages or capacity. Their teams' queues get
 * another look, since they may fit tickets that waited.
 */
export async function updateAgent(ctx: Ctx, userId: string, input: UpdateRoutingAgentInput): Promise<AgentState> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const user = await findUser(s, userId);
    if (!user) throw notFound("User");
    await assertLeads(s, ctx, user.teamIds);
    await lockRouting(s);
    const before = await stateOf(s, userId);
    if (input.skills) await replaceSkills(s, userId, input.skills);
    const { skills: _skills, ...fields } = input;
    if (fields.languages) fields.languages = [...new Set(fields.languages)];
    await s.tx
      .insert(agents)
      .values({ orgId: s.orgId, userId, ...fields, updatedAt: new Date() })
      .onConflictDoUpdate({ target: [agents.orgId, agents.userId], set: { ...fields, updatedAt: new Date() } });
    const after = await stateOf(s, userId);
    const changes = profileChanges(before, after);
    if (Object.keys(changes).length > 0) {
      await recordAudit(s, ctx, { action: "routing.agent_updated", entityType: "user", entityId: userId, changes });
      await wakeTeams(s, user.teamIds);
      await domainEvents.emit<AgentSettingsChanged>(s, AGENT_SETTINGS_CHANGED, { userId });
    }
    return after;
  });
}

async function replaceSkills(s: OrgTx, userId: string, list: NonNullable<UpdateRoutingAgentInput["skills"]>) {
  const known = await existingSkillIds(
    s,
    list.map((k) => k.skillId),
  );
  const fields = Object.fromEntries(
    list.flatMap((k, i) => (known.has(k.skillId) ? [] : [[`skills.${i}.skillId`, ["Unknown skill"]]])),
  );
  if (Object.keys(fields).length > 0) throw new AppError("unprocessable", "Unknown skill", fields);
  await s.tx.delete(agentSkills).where(and(eq(agentSkills.orgId, s.orgId), eq(agentSkills.userId, userId)));
  if (list.length > 0) {
    await s.tx
      .insert(agentSkills)
      .values(list.map((k) => ({ orgId: s.orgId, userId, skillId: k.skillId, level: k.level })));
  }
}

function profileChanges(before: AgentState, after: AgentState): Record<string, [unknown, unknown]> {
  const view = (a: AgentState) => ({
    skills: a.skills.map((k) => `${k.name}${k.level ? ` (${k.level})` : ""}`),
    languages: a.settings.languages,
    maxTickets: a.settings.maxTickets,
    maxChats: a.settings.maxChats,
  });
  const [b, a] = [view(before), view(after)];
  return Object.fromEntries(
    (Object.keys(a) as (keyof typeof a)[])
      .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
      .map((k) => [k, [b[k], a[k]] as [unknown, unknown]]),
  );
}

/** The caller's own presence. */
export async function getOwnPresence(ctx: Ctx): Promise<AgentSettings> {
  const userId = ctx.actor.userId!;
  return inOrg(ctx.database, ctx.orgId, async (s) => (await agentSettingsOf(s, [userId])).get(userId)!);
}

/**
 * Sets someone's presence: their own, or as a supervisor of one of their teams (managers and admins:
 * anyone). A deactivated user stays offline (409 for anything else).
 */
export async function setPresence(ctx: Ctx, userId: string, status: PresenceStatus): Promise<AgentSettings> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const user = await findUser(s, userId);
    if (!user) throw notFound("User");
    if (userId !== ctx.actor.userId) await assertLeads(s, ctx, user.teamIds);
    if (!user.active && status !== "offline") {
      throw new AppError("conflict", "A deactivated user is offline", { status: ["This user is deactivated"] });
    }
    return setPresenceIn(s, ctx, userId, status);
  });
}
