import type { Team, Ticket, User } from "@frontline/common";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { customerQuery, everyoneQuery, teamsQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { countTickets } from "../../api/tickets";
import { countQueryFor, VIEW_IDS, type ViewId } from "./views";

/** Per view: the count, `null` when it could not be loaded, missing while it loads. */
export type ViewCounts = Partial<Record<ViewId, { count: number; more: boolean } | null>>;

/**
 * One count per built-in view. There is no count endpoint, so each reads one page of up to 200;
 * they refresh less often than the list itself, and at once after any ticket write.
 */
export function useViewCounts(meId: string): ViewCounts {
  const results = useQueries({
    queries: VIEW_IDS.map((view) => {
      const query = countQueryFor(view, meId);
      return {
        queryKey: queryKeys.tickets.count(query),
        queryFn: ({ signal }: { signal: AbortSignal }) => countTickets(query, signal),
        refetchInterval: 60_000,
        staleTime: 15_000,
      };
    }),
  });
  const counts: ViewCounts = {};
  VIEW_IDS.forEach((view, i) => {
    const result = results[i];
    if (result?.data) counts[view] = result.data;
    else if (result?.isError) counts[view] = null;
  });
  return counts;
}

/** Names for the table: staff and teams from the cached directory, requesters one customer at a time. */
export function useTicketNames(tickets: readonly Ticket[]) {
  const users = useQuery(everyoneQuery);
  const teams = useQuery(teamsQuery);
  const requesterIds = useMemo(() => [...new Set(tickets.map((t) => t.requesterId))], [tickets]);
  // The ticket list carries only the requester's id; each customer is fetched once and cached.
  const requesters = useQueries({ queries: requesterIds.map((id) => customerQuery(id)) });

  const usersById = useMemo(() => new Map<string, User>((users.data ?? []).map((u) => [u.id, u])), [users.data]);
  const teamsById = useMemo(() => new Map<string, Team>((teams.data ?? []).map((t) => [t.id, t])), [teams.data]);
  const requesterNames = new Map<string, string>();
  requesters.forEach((result, i) => {
    const id = requesterIds[i];
    const customer = result.data;
    if (id && customer) requesterNames.set(id, customer.name || customer.email || "");
  });
  return { usersById, teamsById, requesterNames, users: users.data ?? [], teams: teams.data ?? [] };
}
