import { roleAtLeast } from "@frontline/common";
import type { Actor } from "../../platform/context";

/** Staff work every ticket of their organisation (a per-team restriction is a later setting). */
export const canWorkTickets = (_actor: Actor): boolean => true;

/** Merging rewrites two conversations: supervisors and above. */
export const canMergeTickets = (actor: Actor): boolean => roleAtLeast(actor.role, "supervisor");
