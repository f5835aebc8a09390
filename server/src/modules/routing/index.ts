import { idSchema } from "@frontline/common";
import { enqueueJobOnce, type JobRunner, PermanentJobError } from "../../platform/jobs";
import { inOrg } from "../../platform/tenancy";
import "./routing.events";
import { ASSIGN_WAITING, drainTeam, RELEASE_AGENT } from "./engine";
import { releaseLater } from "./presence";

export { AGENT_SETTINGS_CHANGED, type AgentSettingsChanged, updateAgent } from "./agents.service";
export { ASSIGN_WAITING, RELEASE_AGENT } from "./engine";
export { type FloorAgent, floorAgents } from "./floor";
export { AGENT_PRESENCE_CHANGED, type AgentPresenceChanged } from "./presence";
export { requireForTicket } from "./requirements.service";
export { existingSkillIds } from "./routing.queries";
export { routingRoutes } from "./routing.routes";
export { routingSettingsRoutes } from "./routing-settings.routes";
export { createSkill } from "./skills.service";
export { setTeamRouting } from "./team-routing.service";

/**
 * Registers routing's jobs: a look at a team's queue when someone became able to take work (it
 * carries on in a new job while more waits), and handing back an offline agent's busy tickets.
 */
export function registerRoutingJobs(runner: JobRunner): void {
  runner.register(ASSIGN_WAITING, async (ctx, payload) => {
    const teamId = idOf(payload.teamId);
    await inOrg(ctx.database, ctx.orgId, async (s) => {
      if (await drainTeam(s, teamId)) await enqueueJobOnce(s, ASSIGN_WAITING, { teamId });
    });
  });
  runner.register(RELEASE_AGENT, async (ctx, payload) => {
    await inOrg(ctx.database, ctx.orgId, (s) => releaseLater(s, idOf(payload.userId)));
  });
}

/** A job's id, or a failure no retry can mend. */
function idOf(value: unknown): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw new PermanentJobError(`Not an id: ${String(value).slice(0, 60)}`);
  return parsed.data;
}
