import { roleAtLeast } from "@frontline/common";
import type { Actor } from "../../platform/context";

/** Every staff member looks up, records and corrects customers: it is the daily work. */
export const canEditCustomers = (_actor: Actor): boolean => true;

/** Merging people and managing companies changes many records at once: supervisors and above. */
export const canMergeCustomers = (actor: Actor): boolean => roleAtLeast(actor.role, "supervisor");
export const canManageCompanies = (actor: Actor): boolean => roleAtLeast(actor.role, "supervisor");

/** Marking a customer VIP changes how rules treat all of their tickets: supervisors and above. */
export const canMarkVip = (actor: Actor): boolean => roleAtLeast(actor.role, "supervisor");
