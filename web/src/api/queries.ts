import type { CustomField } from "@frontline/common";
import { queryOptions } from "@tanstack/react-query";
import { listApiTokens } from "./api-tokens";
import { listCustomFields } from "./custom-fields";
import { getCompany, getCustomer, listAllCompanies } from "./customers";
import { listReasons, ticketEscalations } from "./escalations";
import { listMailboxes } from "./mailboxes";
import { countUnreadNotifications, listNotifications } from "./notifications";
import { queryKeys } from "./query-keys";
import { getMyPresence, getRequirements, getTeamRouting, listAllSkills, listQueue, listRoutingAgents } from "./routing";
import { fetchMe } from "./session";
import { ticketSla } from "./sla";
import { listAllTeams } from "./teams";
import { getTicket, listMessages } from "./tickets";
import { listAllUsers } from "./users";
import { countViews, listViews } from "./views";

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
  staleTime: 5 * 60_000,
});

/** Every user, for member and assignee pickers. */
export const everyoneQuery = queryOptions({
  queryKey: queryKeys.users.everyone,
  queryFn: listAllUsers,
  staleTime: 5 * 60_000,
});

/** Every company, for pickers. */
export const companiesQuery = queryOptions({
  queryKey: queryKeys.companies.all,
  queryFn: listAllCompanies,
  staleTime: 5 * 60_000,
});

/** The signed-in user's API tokens. */
export const apiTokensQuery = queryOptions({
  queryKey: queryKeys.apiTokens,
  queryFn: listApiTokens,
});

/** The organisation's IMAP mailboxes, polled while shown so a poll's outcome appears within seconds. */
export const mailboxesQuery = queryOptions({
  queryKey: queryKeys.mailboxes,
  queryFn: ({ signal }) => listMailboxes(signal),
  refetchInterval: 5_000,
});

/** Custom-field definitions change rarely: an admin edits them, agents read them. */
export const customFieldsQuery = (entity: CustomField["entity"]) =>
  queryOptions({
    queryKey: queryKeys.customFields(entity),
    queryFn: ({ signal }) => listCustomFields(entity, signal),
    staleTime: 5 * 60_000,
  });

/** One ticket, polled while open so a colleague's change shows up. */
export const ticketQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.tickets.detail(id),
    queryFn: ({ signal }) => getTicket(id, signal),
    refetchInterval: 10_000,
  });

/** A ticket's conversation, polled so new customer messages appear. */
export const messagesQuery = (ticketId: string) =>
  queryOptions({
    queryKey: queryKeys.tickets.messages(ticketId),
    queryFn: ({ signal }) => listMessages(ticketId, signal),
    refetchInterval: 10_000,
  });

/** A customer: requesters' names change rarely, so the inbox may reuse them for minutes. */
export const customerQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.customers.detail(id),
    queryFn: ({ signal }) => getCustomer(id, signal),
    staleTime: 5 * 60_000,
  });

/** A company, for its name beside a customer. */
export const companyQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.companies.detail(id),
    queryFn: ({ signal }) => getCompany(id, signal),
    staleTime: 5 * 60_000,
  });

/** The bell's unread count, polled: a colleague's mention shows up within half a minute. */
export const unreadNotificationsQuery = queryOptions({
  queryKey: queryKeys.notifications.count,
  queryFn: ({ signal }) => countUnreadNotifications(signal),
  refetchInterval: 30_000,
});

/** How many notifications the bell's list shows. */
export const RECENT_NOTIFICATIONS = 20;

/** The bell's list of recent notifications, read when it opens. */
export const recentNotificationsQuery = queryOptions({
  queryKey: queryKeys.notifications.recent,
  queryFn: ({ signal }) => listNotifications(RECENT_NOTIFICATIONS, signal),
});

/** The saved views the signed-in person sees: their own and their teams'. */
export const viewsQuery = queryOptions({
  queryKey: queryKeys.views.all,
  queryFn: ({ signal }) => listViews(signal),
  staleTime: 60_000,
});

/** Saved views' counts, refreshed like the built-in views' and at once after any ticket write. */
export const viewCountsQuery = queryOptions({
  queryKey: queryKeys.tickets.viewCounts,
  queryFn: ({ signal }) => countViews(signal),
  refetchInterval: 60_000,
  staleTime: 15_000,
});

/** The signed-in person's presence, polled: a supervisor may change it, or signing out elsewhere. */
export const myPresenceQuery = queryOptions({
  queryKey: queryKeys.routing.presence,
  queryFn: ({ signal }) => getMyPresence(signal),
  refetchInterval: 30_000,
});

/** The organisation's skills, for pickers and the skills list. */
export const skillsQuery = queryOptions({
  queryKey: queryKeys.routing.skills,
  queryFn: listAllSkills,
  staleTime: 60_000,
});

/** How a team routes. */
export const teamRoutingQuery = (teamId: string) =>
  queryOptions({
    queryKey: queryKeys.routing.team(teamId),
    queryFn: ({ signal }) => getTeamRouting(teamId, signal),
  });

/** A team's agents (or everyone) as routing sees them, polled while shown: the floor moves. */
export const routingAgentsQuery = (teamId: string | null) =>
  queryOptions({
    queryKey: queryKeys.routing.agents(teamId),
    queryFn: () => listRoutingAgents(teamId),
    refetchInterval: 15_000,
  });

/** A team's waiting tickets, polled while shown. */
export const queueQuery = (teamId: string) =>
  queryOptions({
    queryKey: queryKeys.routing.queue(teamId),
    queryFn: () => listQueue(teamId),
    refetchInterval: 15_000,
  });

/** What a ticket requires of whoever takes it. */
export const requirementsQuery = (ticketId: string) =>
  queryOptions({
    queryKey: queryKeys.routing.requirements(ticketId),
    queryFn: ({ signal }) => getRequirements(ticketId, signal),
  });

/** The organisation's escalation reasons: an admin changes them rarely, everyone picks from them. */
export const escalationReasonsQuery = queryOptions({
  queryKey: queryKeys.escalations.reasons,
  queryFn: ({ signal }) => listReasons(signal),
  staleTime: 5 * 60_000,
});

/** A ticket's escalations, polled with the ticket so a supervisor taking one shows up. */
export const ticketEscalationsQuery = (ticketId: string) =>
  queryOptions({
    queryKey: queryKeys.escalations.ofTicket(ticketId),
    queryFn: ({ signal }) => ticketEscalations(ticketId, signal),
    refetchInterval: 10_000,
  });

/**
 * A ticket's SLA targets. Not polled: the panel counts down on its own and refetches when the
 * ticket it belongs to changes (its own writes invalidate it, being under the ticket's key).
 */
export const ticketSlaQuery = (ticketId: string) =>
  queryOptions({
    queryKey: queryKeys.sla.ofTicket(ticketId),
    queryFn: ({ signal }) => ticketSla(ticketId, signal),
  });
