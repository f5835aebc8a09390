import { OPEN_LOAD_STATUSES, type TicketStatus } from "@frontline/common";
import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { enqueueJobOnce } from "../../platform/jobs";
import type { OrgTx } from "../../platform/tenancy";
import { activeStaffPage, findUser, type UserRow } from "../staff";
import {
  assignedInTeams,
  assigneeLoads,
  assignTicket,
  findTicket,
  type TicketChanged,
  type TicketRow,
  teamQueue,
} from "../tickets";
import { type Candidate, chooseAgent, meetsNeed } from "./choose-agent";
import {
  type AgentSettings,
  type AgentSkill,
  agentSettingsOf,
  agentSkillsOf,
  lockRouting,
  type TeamSettings,
  teamSettingsFor,
  teamSettingsOf,
  ticketNeedsOf,
} from "./routing.queries";
import { agents, teamSettings } from "./routing.tables";

/** Who routing's own changes are recorded as in the audit log. */
export const ROUTING_CTX: Pick<Ctx, "actor" | "requestId" | "ip"> = {
  actor: { type: "system", userId: null, name: "routing", role: "admin" },
  requestId: null,
  ip: null,
};

/** The job that gives a team's waiting tickets to whoever became able to take them. */
export const ASSIGN_WAITING = "routing.assign_waiting";
/** The job that hands back an offline agent's tickets that were being changed when they left. */
export const RELEASE_AGENT = "routing.release_agent";

const LOAD: readonly TicketStatus[] = OPEN_LOAD_STATUSES;

/** A staff member as routing weighs them: who they are, routing's settings, skills and open load. */
export interface AgentState {
  user: Pick<UserRow, "id" | "name" | "role" | "locale" | "active" | "teamIds">;
  settings: AgentSettings;
  skills: AgentSkill[];
  load: { tickets: number; chats: number };
}

/** Every language routing takes an agent to speak: their profile's first, then those they added. */
export const speaksOf = (locale: string, languages: readonly string[]): string[] => [
  ...new Set([locale, ...languages]),
];

/** Routing's view of some staff members. */
export async function agentStates(s: OrgTx, users: AgentState["user"][]): Promise<AgentState[]> {
  const ids = users.map((u) => u.id);
  const settings = await agentSettingsOf(s, ids);
  const skills = await agentSkillsOf(s, ids);
  const loads = await assigneeLoads(s, ids, LOAD);
  return users.map((user) => ({
    user,
    settings: settings.get(user.id)!,
    skills: skills.get(user.id) ?? [],
    load: loads.get(user.id) ?? { tickets: 0, chats: 0 },
  }));
}

/** An agent for one ticket: a chat weighs on their chats, anything else on their tickets. */
export function asCandidate(a: AgentState, channel: TicketRow["channel"]): Candidate {
  const chat = channel === "chat";
  return {
    userId: a.user.id,
    presence: a.settings.presence,
    speaks: speaksOf(a.user.locale, a.settings.languages),
    skillIds: a.skills.map((k) => k.skillId),
    load: chat ? a.load.chats : a.load.tickets,
    capacity: chat ? a.settings.maxChats : a.settings.maxTickets,
    lastAssignedAt: a.settings.lastAssignedAt,
  };
}

/** The active members of a team, as routing weighs them. */
export async function teamAgents(s: OrgTx, teamId: string): Promise<AgentState[]> {
  return agentStates(s, await activeStaffPage(s, { teamId, limit: 5000 }));
}

/** A ticket in its team's queue: unassigned, not merged, and with work to do. */
export const isWaiting = (t: TicketRow): boolean =>
  t.teamId !== null && t.assigneeId === null && t.mergedIntoId === null && LOAD.includes(t.status);

/** A ticket that weighs on its assignee. */
const weighs = (t: TicketRow): boolean => t.mergedIntoId === null && LOAD.includes(t.status);

/**
 * Gives a waiting ticket to the agent its team's strategy picks, inside the caller's transaction;
 * nothing when the team assigns by hand or nobody fits (it waits in the queue). `excludeUserId` is
 * the agent who just handed it back: it goes to someone else if anyone else fits.
 */
export async function routeTicket(s: OrgTx, ticket: TicketRow, excludeUserId: string | null = null): Promise<void> {
  if (!isWaiting(ticket) || (await teamSettingsFor(s, ticket.teamId!)).strategy === "manual") return;
  await lockRouting(s);
  // Read again under the lock: the team's turn, and the ticket, as the previous decision left them.
  const settings = await teamSettingsFor(s, ticket.teamId!);
  const current = await findTicket(s, ticket.id, true);
  if (settings.strategy === "manual" || !current || !isWaiting(current)) return;
  const team = await teamAgents(s, current.teamId!);
  const need = (await ticketNeedsOf(s, [current])).get(current.id)!;
  const candidates = team.map((a) => asCandidate(a, current.channel));
  const opts = { ...settings, strategy: settings.strategy };
  let choice = chooseAgent(need, candidates, { ...opts, excludeUserId });
  // Someone else first; if nobody else can take it, it goes back rather than waiting for no reason.
  if (!("userId" in choice) && excludeUserId) choice = chooseAgent(need, candidates, opts);
  if ("userId" in choice) await giveTicket(s, settings, current.id, choice.userId);
}

// The tickets routing gave out in a transaction, and to whom. Something later in the same change (a
// trigger on "ticket created" that sets the team and then requires a skill) may ask for more than
// routing knew when it chose. Keyed by the transaction, so it lives exactly as long as that change.
const givenIn = new WeakMap<object, Map<string, string>>();

/** Assigns as routing, and remembers the pick for the team's turn and the agent's wait. */
async function giveTicket(s: OrgTx, settings: TeamSettings, ticketId: string, userId: string): Promise<void> {
  await assignTicket(s, ROUTING_CTX, ticketId, userId);
  const given = givenIn.get(s.tx) ?? new Map<string, string>();
  givenIn.set(s.tx, given);
  given.set(ticketId, userId);
  const now = new Date();
  await s.tx
    .update(teamSettings)
    .set({ lastUserId: userId })
    .where(and(eq(teamSettings.orgId, s.orgId), eq(teamSettings.teamId, settings.teamId)));
  await s.tx
    .update(agents)
    .set({ lastAssignedAt: now })
    .where(and(eq(agents.orgId, s.orgId), eq(agents.userId, userId)));
}

/**
 * Routes a ticket again after what it requires changed: one waiting in its team's queue goes to
 * whoever fits now; one routing gave out earlier in this same transaction goes back to the queue,
 * and on to someone who fits, when its assignee lacks what it now asks. Any other assignee keeps it:
 * a person's choice, or routing's in an earlier change, is not undone.
 */
export async function routeForNewNeed(s: OrgTx, ticketId: string): Promise<void> {
  const ticket = await findTicket(s, ticketId, true);
  if (!ticket) return;
  if (isWaiting(ticket)) return routeTicket(s, ticket);
  const userId = ticket.assigneeId;
  if (!userId || !ticket.teamId || givenIn.get(s.tx)?.get(ticket.id) !== userId) return;
  const settings = await teamSettingsFor(s, ticket.teamId);
  const user = await findUser(s, userId);
  if (!user || settings.strategy === "manual") return;
  const [agent] = await agentStates(s, [user]);
  const need = (await ticketNeedsOf(s, [ticket])).get(ticket.id)!;
  if (meetsNeed(need, asCandidate(agent!, ticket.channel), settings)) return;
  // Handed back like any other change: onTicketChanged routes it on, and it waits if nobody fits.
  await assignTicket(s, ROUTING_CTX, ticket.id, null);
}

/** How many waiting tickets one pass of the job looks at before leaving the rest to the next. */
export const DRAIN_BATCH = 100;
const PAGE = 25;

/**
 * Gives a team's waiting tickets, oldest first, to whoever can take them now. Tickets another
 * transaction is changing are skipped (that change routes them itself). Answers true when it stopped
 * at DRAIN_BATCH with more to look at.
 */
export async function drainTeam(s: OrgTx, teamId: string): Promise<boolean> {
  if ((await teamSettingsFor(s, teamId)).strategy === "manual") return false;
  await lockRouting(s);
  const settings = await teamSettingsFor(s, teamId);
  if (settings.strategy === "manual") return false;
  const team = await teamAgents(s, teamId);
  let lastUserId = settings.lastUserId;
  let after: { createdAt: Date; id: string } | undefined;
  for (let examined = 0; examined < DRAIN_BATCH; ) {
    if (!team.some(hasRoom)) return false;
    const page = await teamQueue(s, teamId, LOAD, { limit: PAGE, after, lock: true });
    const needs = await ticketNeedsOf(s, page);
    for (const ticket of page) {
      examined += 1;
      const candidates = team.map((a) => asCandidate(a, ticket.channel));
      const choice = chooseAgent(needs.get(ticket.id)!, candidates, {
        ...settings,
        strategy: settings.strategy,
        lastUserId,
      });
      if (!("userId" in choice)) continue;
      await giveTicket(s, settings, ticket.id, choice.userId);
      lastUserId = choice.userId;
      const taker = team.find((a) => a.user.id === choice.userId)!;
      if (ticket.channel === "chat") taker.load.chats += 1;
      else taker.load.tickets += 1;
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE) return false;
    after = { createdAt: last.createdAt, id: last.id };
  }
  return true;
}

const hasRoom = (a: AgentState) =>
  a.settings.presence === "online" && (a.load.tickets < a.settings.maxTickets || a.load.chats < a.settings.maxChats);

/**
 * Hands an agent's open tickets back to the queues of the teams that ask for it when someone goes
 * offline; each is then routed on (the change is announced like any other). Answers how many it
 * could not take now because another transaction was changing them.
 */
export async function releaseAgent(s: OrgTx, userId: string): Promise<number> {
  const reassigning = await s.tx
    .select({ teamId: teamSettings.teamId })
    .from(teamSettings)
    .where(and(eq(teamSettings.orgId, s.orgId), eq(teamSettings.reassignOnOffline, true)));
  const { tickets, busy } = await assignedInTeams(
    s,
    userId,
    reassigning.map((r) => r.teamId),
    LOAD,
  );
  for (const t of tickets) await assignTicket(s, ROUTING_CTX, t.id, null);
  return busy;
}

/** Asks for another look at the queues of some teams that route (someone became able to take work). */
export async function wakeTeams(s: OrgTx, teamIds: readonly string[]): Promise<void> {
  for (const t of (await teamSettingsOf(s, teamIds)).values()) {
    if (t.strategy !== "manual") await enqueueJobOnce(s, ASSIGN_WAITING, { teamId: t.teamId });
  }
}

/** Asks for another look at the queues of an agent's teams. */
export async function wakeTeamsOf(s: OrgTx, userId: string): Promise<void> {
  await wakeTeams(s, (await findUser(s, userId))?.teamIds ?? []);
}

/**
 * A ticket changed: one that now waits in a team's queue (new team, handed back, reopened) is routed
 * at once; when one stops weighing on its assignee (solved, pending, reassigned), their teams' queues
 * get another look, since they may have room now.
 */
export async function onTicketChanged(s: OrgTx, { before, after }: TicketChanged): Promise<void> {
  if (isWaiting(after) && !(isWaiting(before) && before.teamId === after.teamId)) {
    await routeTicket(s, after, before.assigneeId);
  }
  const freed =
    before.assigneeId !== null &&
    weighs(before) &&
    (after.assigneeId !== before.assigneeId || !weighs(after) || after.channel !== before.channel);
  if (freed) await wakeTeamsOf(s, before.assigneeId!);
}
