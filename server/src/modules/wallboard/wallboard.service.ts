import { AT_RISK_MINUTES, OPEN_LOAD_STATUSES, type WallboardQuery } from "@frontline/common";
import { authorize } from "../../platform/authorize";
import type { Actor, Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { inOrg } from "../../platform/tenancy";
import { waitingEscalations } from "../escalations";
import { type FloorAgent, floorAgents } from "../routing";
import { teamsWithMembers } from "../staff";
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
 * What a caller's floor covers: the teams they may watch and the ones shown. Watchers with the same
 * scope see the same floor, so a live stream shares one snapshot among them (floor-stream.ts).
 */
export interface FloorScope {
  /** Equal for callers who see the same floor. */
  key: string;
  every: boolean;
  choiceIds: string[];
  shownIds: string[];
  /** One team was asked for (its queue alone, escalations of its tickets alone). */
  oneTeam: boolean;
}

/** A team as scopes are worked out from it. */
export interface ScopeTeam {
  id: string;
  memberIds: string[];
}

/**
 * The teams of one team's floor or of every team the caller watches (their own for a supervisor,
 * all for managers and admins), given every team of the organisation. 404 for a team that is not
 * the organisation's, 403 for one the supervisor does not belong to.
 */
export function scopeFrom(orgId: string, actor: Actor, all: readonly ScopeTeam[], q: WallboardQuery): FloorScope {
  authorize(canWatchFloor(actor), "Only supervisors, managers and admins watch the floor");
  const every = watchesEveryTeam(actor);
  const choices = every ? all : all.filter((t) => actor.userId && t.memberIds.includes(actor.userId));
  const choiceIds = choices.map((t) => t.id);
  if (q.teamId && !choiceIds.includes(q.teamId)) {
    if (!all.some((t) => t.id === q.teamId)) throw notFound("Team");
    throw new AppError("forbidden", "A supervisor watches the floor of their own teams");
  }
  const key = `${orgId}|${every ? "every" : choiceIds.join(",")}|${q.teamId ?? ""}`;
  return { key, every, choiceIds, shownIds: q.teamId ? [q.teamId] : choiceIds, oneTeam: q.teamId !== undefined };
}

/** Every team of the organisation with its members, in name order. */
export function floorTeams(ctx: Pick<Ctx, "database" | "orgId">): Promise<ScopeTeam[]> {
  return inOrg(ctx.database, ctx.orgId, (s) => teamsWithMembers(s));
}

/** The caller's scope, read now. */
export async function floorScope(ctx: Ctx, q: WallboardQuery): Promise<FloorScope> {
  authorize(canWatchFloor(ctx.actor), "Only supervisors, managers and admins watch the floor");
  return scopeFrom(ctx.orgId, ctx.actor, await floorTeams(ctx), q);
}

/** The live floor of one team or of every team the caller watches: queues, people, escalations waiting. */
export async function floorSnapshot(ctx: Ctx, q: WallboardQuery): Promise<FloorSnapshot> {
  return floorOf(ctx, await floorScope(ctx, q));
}

/** The floor of a scope, read now (teams and their members read again: they may have changed). */
export async function floorOf(ctx: Pick<Ctx, "database" | "orgId">, scope: FloorScope): Promise<FloorSnapshot> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const now = new Date();
    const choices = scope.every ? await teamsWithMembers(s) : await teamsWithMembers(s, scope.choiceIds);
    const shown = scope.oneTeam ? choices.filter((t) => scope.shownIds.includes(t.id)) : choices;
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
      scope.every && !scope.oneTeam ? waiting : waiting.filter((e) => teamIds.includes(teamOf.get(e.ticketId) ?? ""));
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
