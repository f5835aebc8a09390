import type { UpdateTeamRoutingInput } from "@frontline/common";
import { authorize } from "../../platform/authorize";
import type { Ctx } from "../../platform/context";
import { notFound } from "../../platform/errors";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { existingTeamIds, findUser } from "../staff";
import { wakeTeams } from "./engine";
import { leadsTeam } from "./routing.policy";
import { lockRouting, type TeamSettings, teamSettingsFor } from "./routing.queries";
import { teamSettings } from "./routing.tables";

/** Throws 404 unless the team is one of the organisation's. */
export async function assertTeam(s: OrgTx, teamId: string): Promise<void> {
  if (!(await existingTeamIds(s, [teamId])).has(teamId)) throw notFound("Team");
}

/** The teams the caller belongs to (none for a caller without a user). */
export async function actorTeamIds(s: OrgTx, ctx: Ctx): Promise<string[]> {
  return ctx.actor.userId ? ((await findUser(s, ctx.actor.userId))?.teamIds ?? []) : [];
}

/** How a team routes; 404 for an unknown or foreign team. */
export async function getTeamRouting(ctx: Ctx, teamId: string): Promise<TeamSettings> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    await assertTeam(s, teamId);
    return teamSettingsFor(s, teamId);
  });
}

/**
 * Changes how a team routes (its supervisors, managers and admins). A team that now routes gets a
 * look at its queue, so tickets that waited for a person go out.
 */
export async function setTeamRouting(ctx: Ctx, teamId: string, input: UpdateTeamRoutingInput): Promise<TeamSettings> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    await assertTeam(s, teamId);
    authorize(
      leadsTeam(ctx.actor, await actorTeamIds(s, ctx), teamId),
      "Only the team's supervisors, managers and admins change its routing",
    );
    await lockRouting(s);
    const before = await teamSettingsFor(s, teamId);
    const now = new Date();
    await s.tx
      .insert(teamSettings)
      .values({ orgId: s.orgId, teamId, ...input, updatedAt: now })
      .onConflictDoUpdate({ target: [teamSettings.orgId, teamSettings.teamId], set: { ...input, updatedAt: now } });
    const changes = Object.fromEntries(
      (Object.keys(input) as (keyof UpdateTeamRoutingInput)[])
        .filter((k) => before[k] !== input[k])
        .map((k) => [k, [before[k], input[k]] as [unknown, unknown]]),
    );
    if (Object.keys(changes).length > 0) {
      await recordAudit(s, ctx, { action: "routing.team_updated", entityType: "team", entityId: teamId, changes });
    }
    await wakeTeams(s, [teamId]);
    return teamSettingsFor(s, teamId);
  });
}
