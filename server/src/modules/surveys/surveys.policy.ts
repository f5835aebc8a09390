import { roleAtLeast } from "@frontline/common";
import type { Actor } from "../../platform/context";

/** Supervisors and above read the survey settings: they follow up on the ratings. */
export const canReadSurveySettings = (actor: Actor): boolean => roleAtLeast(actor.role, "supervisor");

/** Admins change them. */
export const canChangeSurveySettings = (actor: Actor): boolean => actor.role === "admin";
