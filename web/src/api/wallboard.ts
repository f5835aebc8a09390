import { one, type Wallboard, wallboardSchema } from "@frontline/common";
import { apiGet, apiUrl } from "./client";

const wallboardResponse = one(wallboardSchema);

/** The floor now (one team's, or every team the caller watches). */
export async function getWallboard(teamId: string | undefined, signal?: AbortSignal): Promise<Wallboard> {
  return (await apiGet("/wallboard", wallboardResponse, { teamId }, signal)).data;
}

/** Where the floor streams from, as server-sent events. */
export function wallboardStreamUrl(teamId: string | undefined): string {
  return apiUrl("/wallboard/stream", { teamId });
}
