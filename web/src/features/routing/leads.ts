import { type Me, roleAtLeast } from "@frontline/common";

// The server's rule (routing.policy.ts), mirrored so the page offers only what will be accepted.

/** Managers and admins look after every team; a supervisor, the teams they belong to. */
export function leadsTeam(me: Pick<Me, "role" | "teamIds">, teamId: string): boolean {
  return roleAtLeast(me.role, "manager") || (me.role === "supervisor" && me.teamIds.includes(teamId));
}

/** A supervisor looks after the people of their teams; managers and admins after everyone. */
export function leadsAgent(me: Pick<Me, "role" | "teamIds">, agentTeamIds: readonly string[]): boolean {
  return (
    roleAtLeast(me.role, "manager") || (me.role === "supervisor" && agentTeamIds.some((id) => me.teamIds.includes(id)))
  );
}

/** The team a supervisor looks at first: the one asked for if it exists, else their own first, else any. */
export function pickTeam(
  asked: string | undefined,
  teams: readonly { id: string }[],
  mine: readonly string[],
): string | null {
  if (asked && teams.some((t) => t.id === asked)) return asked;
  return teams.find((t) => mine.includes(t.id))?.id ?? teams[0]?.id ?? null;
}
