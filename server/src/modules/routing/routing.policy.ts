import { roleAtLeast } from "@frontline/common";
import type { Actor } from "../../platform/context";

/** Every staff member reads the skills, how a team routes and what a ticket requires. */
export const canReadRouting = (_actor: Actor): boolean => true;

/** Presence is a person's: a caller with no user (the CLI, the system) has none of their own. */
export const hasOwnPresence = (actor: Actor): boolean => actor.userId !== null;

/** Requirements on a ticket are part of working it: whoever may work tickets may set them. */
export const canSetRequirements = (_actor: Actor): boolean => true;

/** The floor (queues, everyone's presence and load), the skills list and agents' set-up: supervisors and above. */
export const canRunTheFloor = (actor: Actor): boolean => roleAtLeast(actor.role, "supervisor");

/** Managers and admins look after every team; a supervisor, the teams they belong to. */
export const leadsTeam = (actor: Actor, actorTeamIds: readonly string[], teamId: string): boolean =>
  roleAtLeast(actor.role, "manager") || (actor.role === "supervisor" && actorTeamIds.includes(teamId));

/** A supervisor looks after the people of their teams; managers and admins after everyone. */
export const leadsAgent = (actor: Actor, actorTeamIds: readonly string[], agentTeamIds: readonly string[]): boolean =>
  roleAtLeast(actor.role, "manager") ||
  (actor.role === "supervisor" && agentTeamIds.some((id) => actorTeamIds.includes(id)));

/** Each person sets their own presence; those who lead them may set it too. */
export const maySetPresenceOf = (actor: Actor, userId: string): boolean =>
  actor.userId === userId || canRunTheFloor(actor);
