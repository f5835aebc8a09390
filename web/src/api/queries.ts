import { queryOptions } from "@tanstack/react-query";
import { listApiTokens } from "./api-tokens";
import { queryKeys } from "./query-keys";
import { fetchMe } from "./session";
import { listAllTeams } from "./teams";
import { listAllUsers } from "./users";

/** The signed-in user. Kept fresh for a few minutes: role changes show up on the next refetch. */
export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: ({ signal }) => fetchMe(signal),
  staleTime: 5 * 60_000,
});

/** Every team, for names, pickers and member counts. */
export const teamsQuery = queryOptions({
  queryKey: queryKeys.teams.all,
  queryFn: listAllTeams,
});

/** Every user, for member pickers. */
export const everyoneQuery = queryOptions({
  queryKey: queryKeys.users.everyone,
  queryFn: listAllUsers,
});

/** The signed-in user's API tokens. */
export const apiTokensQuery = queryOptions({
  queryKey: queryKeys.apiTokens,
  queryFn: listApiTokens,
});
