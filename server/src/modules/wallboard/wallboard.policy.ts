import { roleAtLeast } from "@frontline/common";
import type { Actor } from "../../platform/context";

/** The live floor is for those who run it: supervisors and above. */
export const canWatchFloor = (actor: Actor): boolean => roleAtLeast(actor.role, "supervisor");

/** Managers and admins watch every team; a supervisor, the teams they belong to. */
export const watchesEveryTeam = (actor: Actor): boolean => roleAtLeast(actor.role, "manager");
