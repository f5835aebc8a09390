import { type CreateTeamInput, one, pageOf, type Team, teamSchema, type UpdateTeamInput } from "@frontline/common";
import { apiGetAll, apiPatch, apiPost } from "./client";

const teamResponse = one(teamSchema);
const teamPage = pageOf(teamSchema);

/** Every team; organisations have few enough that one list serves pickers and tables alike. */
export function listAllTeams(): Promise<Team[]> {
  return apiGetAll("/teams", teamPage);
}

/** Creates a team (admin only). */
export async function createTeam(input: CreateTeamInput): Promise<Team> {
  return (await apiPost("/teams", input, teamResponse)).data;
}

/** Renames, describes or changes the members of a team (admin only). */
export async function updateTeam(id: string, input: UpdateTeamInput): Promise<Team> {
  return (await apiPatch(`/teams/${encodeURIComponent(id)}`, input, teamResponse)).data;
}
