import { domainEvents } from "../../platform/events";
import { SESSION_ENDED, type SessionEnded } from "../auth";
import { TEAM_MEMBERS_CHANGED, type TeamMembersChanged, USER_DEACTIVATED } from "../staff";
import { TICKET_CHANGED, TICKET_CREATED, type TicketChanged, type TicketCreated } from "../tickets";
import { onTicketChanged, ROUTING_CTX, routeTicket, wakeTeams } from "./engine";
import { setPresenceIn } from "./presence";

// Routing decides in the transaction of the change that calls for it: a ticket is created with its
// assignee, or not at all. Only "someone became able to take work" is left to a job (engine.ts).

domainEvents.on<TicketCreated>(TICKET_CREATED, (s, { ticket }) => routeTicket(s, ticket));
domainEvents.on<TicketChanged>(TICKET_CHANGED, onTicketChanged);

// Someone who can no longer sign in takes no work.
domainEvents.on<{ userId: string }>(USER_DEACTIVATED, async (s, { userId }) => {
  await setPresenceIn(s, ROUTING_CTX, userId, "offline");
});

// Signing out of the last session leaves the floor; signing out on one of two devices does not.
domainEvents.on<SessionEnded>(SESSION_ENDED, async (s, { userId, liveSessions }) => {
  if (liveSessions === 0) await setPresenceIn(s, ROUTING_CTX, userId, "offline");
});

// A newcomer to a team may take what waits in its queue.
domainEvents.on<TeamMembersChanged>(TEAM_MEMBERS_CHANGED, async (s, { teamId, added }) => {
  if (added.length) await wakeTeams(s, [teamId]);
});
