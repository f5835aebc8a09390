import { AT_RISK_MINUTES, OPEN_LOAD_STATUSES, type WallboardQuery } from "@frontline/common";
import { authorize } from "../../platform/authorize";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { waitingEscalations } from "../escalations";
import { type FloorAgent, floorAgents } from "../routing";
import { existingTeamIds, findUser, teamsWithMembers } from "../staff";
import { latestTouchedTickets, type TeamChannelCounts, teamFloorCounts, ticketsByIds } from "../tickets";
import { canWatchFloor, watchesEveryTeam } from "./wallboard.policy";

/** The floor as read at one moment, before it is shaped for the API. */
export interface FloorSnapshot {
  generatedAt: Date;
  teams: { id: string; name: string; memberIds: string[]; counts: TeamChannelCounts[]; escalationsWaiting: number }[];
  agents: (FloorAgent & { currentTicket: { id: string; number: number; subject: string } | null })[];
  escalations: { count: number; oldestSince: Date | null };
  choices: { id: string; name: string }[];
  /** When a count changes by the clock alone (a promise coming within the hour); null if none will. */
  clockChangeAt: Date | null;
}

/**
 * The live floor of one team or of every team the caller watches (their own for a supervisor,
 * all for managers and admins): queues, people, escalations waiting. 404 for a team that is not
 * the organisation's, 403 for one the supervisor does not belong to.
 */
export async function floorSnapshot(ctx: Ctx, q: WallboardQuery): Promise<FloorSnapshot> {
  authorize(canWatchFloor(ctx.actor), "Only supervisors, managers and admins watch the floor");
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const now = new Date();
    const every = watchesEveryTeam(ctx.actor);
    const choices = await watchable(s, ctx, every);
    const shown = q.teamId ? [await chosen(s, choices, q.teamId)] : choices;
    const teamIds = shown.map((t) => t.id);
    const horizon = new Date(now.getTime() + AT_RISK_MINUTES * 60_000);
    const { rows, nextDueAfterHorizon } = await teamFloorCounts(s, teamIds, OPEN_LOAD_STATUSES, horizon);
    const agents = await floorAgents(
      s,
      shown.flatMap((t) => t.memberIds),
    );
    const current = await latestTouchedTickets(
      s,
      agents.map((a) => a.user.id),
      OPEN_LOAD_STATUSES,
    );
    const waiting = await waitingEscalations(s);
    const teamOf = new Map(
      [
        ...(await ticketsByIds(
          s,
          waiting.map((e) => e.ticketId),
        )),
      ].map(([id, t]) => [id, t.teamId]),
    );
    // Watching every team, nothing is left out; otherwise only the shown teams' tickets count.
    const counted =
      every && !q.teamId ? waiting : waiting.filter((e) => teamIds.includes(teamOf.get(e.ticketId) ?? ""));
    const shownIds = new Set(teamIds);
    return {
      generatedAt: now,
      teams: shown.map((t) => ({
        id: t.id,
        name: t.name,
        memberIds: t.memberIds,
        counts: rows.filter((r) => r.teamId === t.id),
        escalationsWaiting: waiting.filter((e) => teamOf.get(e.ticketId) === t.id).length,
      })),
      agents: agents.map((a) => ({
        ...a,
        user: { ...a.user, teamIds: a.user.teamIds.filter((id) => shownIds.has(id)) },
        currentTicket: current.get(a.user.id) ?? null,
      })),
      escalations: { count: counted.length, oldestSince: counted[0]?.createdAt ?? null },
      choices: choices.map((t) => ({ id: t.id, name: t.name })),
      clockChangeAt: nextDueAfterHorizon && new Date(nextDueAfterHorizon.getTime() - AT_RISK_MINUTES * 60_000),
    };
  });
}

/** The teams the caller may watch, by name. */
async function watchable(s: OrgTx, ctx: Ctx, every: boolean) {
  if (every) return teamsWithMembers(s);
  const me = ctx.actor.userId ? await findUser(s, ctx.actor.userId) : undefined;
  return teamsWithMembers(s, me?.teamIds ?? []);
}

/** The one team asked for: 404 unless it is the organisation's, 403 unless the caller may watch it. */
async function chosen<T extends { id: string }>(s: OrgTx, choices: T[], teamId: string): Promise<T> {
  const team = choices.find((t) => t.id === teamId);
  if (team) return team;
  if (!(await existingTeamIds(s, [teamId])).has(teamId)) throw notFound("Team");
  throw new AppError("forbidden", "A supervisor watches the floor of their own teams");
}
