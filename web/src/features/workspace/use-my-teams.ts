import type { Me, Team } from "@frontline/common";
import { useQuery } from "@tanstack/react-query";
import { teamsQuery } from "../../api/queries";

/** The teams the signed-in person belongs to, resolved from /me.teamIds to names via /teams. */
export function useMyTeams(me: Me) {
  const query = useQuery(teamsQuery);
  const mine: Team[] = (query.data ?? []).filter((team) => me.teamIds.includes(team.id));
  return { teams: mine, isPending: query.isPending, error: query.error, refetch: query.refetch };
}
