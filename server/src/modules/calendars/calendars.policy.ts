import type { Actor } from "../../platform/context";

/** Every signed-in staff member reads calendars: an agent's deadlines are counted in them. */
export const canReadCalendars = (_actor: Actor): boolean => true;

/** Only admins set business hours, holidays and which team follows which calendar. */
export const canManageCalendars = (actor: Actor): boolean => actor.role === "admin";
