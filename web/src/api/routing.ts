import {
  one,
  type Presence,
  type PresenceStatus,
  pageOf,
  presenceSchema,
  type QueueEntry,
  queueEntrySchema,
  type RoutingAgent,
  routingAgentSchema,
  type SetTicketRequirementsInput,
  type Skill,
  skillSchema,
  type TeamRouting,
  type TicketRequirements,
  teamRoutingSchema,
  ticketRequirementsSchema,
  type UpdateRoutingAgentRequest,
  type UpdateTeamRoutingInput,
} from "@frontline/common";
import { apiDelete, apiGet, apiGetAll, apiPatch, apiPost, apiPut } from "./client";

const presenceResponse = one(presenceSchema);
const skillResponse = one(skillSchema);
const agentResponse = one(routingAgentSchema);
const teamRoutingResponse = one(teamRoutingSchema);
const requirementsResponse = one(ticketRequirementsSchema);

/** The signed-in person's presence. */
export async function getMyPresence(signal?: AbortSignal): Promise<Presence> {
  return (await apiGet("/me/presence", presenceResponse, undefined, signal)).data;
}

/** Goes online, away or offline. */
export async function setMyPresence(status: PresenceStatus): Promise<Presence> {
  return (await apiPut("/me/presence", { status }, presenceResponse)).data;
}

/** Sets a team member's presence (their supervisors, managers, admins). */
export async function setAgentPresence(userId: string, status: PresenceStatus): Promise<Presence> {
  return (await apiPut(`/routing/agents/${encodeURIComponent(userId)}/presence`, { status }, presenceResponse)).data;
}

/** Every skill of the organisation, by name. */
export function listAllSkills(): Promise<Skill[]> {
  return apiGetAll("/routing/skills", pageOf(skillSchema));
}

/** Adds a skill (supervisors and above). */
export async function createSkill(name: string): Promise<Skill> {
  return (await apiPost("/routing/skills", { name }, skillResponse)).data;
}

/** Renames a skill. */
export async function renameSkill(id: string, name: string): Promise<Skill> {
  return (await apiPatch(`/routing/skills/${encodeURIComponent(id)}`, { name }, skillResponse)).data;
}

/** Deletes a skill: agents lose it and tickets stop requiring it. */
export function deleteSkill(id: string): Promise<void> {
  return apiDelete(`/routing/skills/${encodeURIComponent(id)}`);
}

/** How a team routes. */
export async function getTeamRouting(teamId: string, signal?: AbortSignal): Promise<TeamRouting> {
  return (await apiGet(`/teams/${encodeURIComponent(teamId)}/routing`, teamRoutingResponse, undefined, signal)).data;
}

/** Sets how a team routes. */
export async function setTeamRouting(teamId: string, input: UpdateTeamRoutingInput): Promise<TeamRouting> {
  return (await apiPut(`/teams/${encodeURIComponent(teamId)}/routing`, input, teamRoutingResponse)).data;
}

/** Active staff (of one team, or everyone) with presence, load, capacity, skills and languages. */
export function listRoutingAgents(teamId: string | null): Promise<RoutingAgent[]> {
  return apiGetAll("/routing/agents", pageOf(routingAgentSchema), teamId ? { teamId } : {});
}

/** Changes an agent's skills, languages or capacity. */
export async function updateRoutingAgent(userId: string, input: UpdateRoutingAgentRequest): Promise<RoutingAgent> {
  return (await apiPatch(`/routing/agents/${encodeURIComponent(userId)}`, input, agentResponse)).data;
}

/** A team's waiting tickets, oldest first, with why each waits. */
export function listQueue(teamId: string): Promise<QueueEntry[]> {
  return apiGetAll("/routing/queue", pageOf(queueEntrySchema), { teamId }, 5);
}

/** What a ticket requires of whoever takes it. */
export async function getRequirements(ticketId: string, signal?: AbortSignal): Promise<TicketRequirements> {
  return (
    await apiGet(`/tickets/${encodeURIComponent(ticketId)}/requirements`, requirementsResponse, undefined, signal)
  ).data;
}

/** Sets what a ticket requires; a waiting ticket is routed again. */
export async function setRequirements(
  ticketId: string,
  input: SetTicketRequirementsInput,
): Promise<TicketRequirements> {
  return (await apiPut(`/tickets/${encodeURIComponent(ticketId)}/requirements`, input, requirementsResponse)).data;
}
