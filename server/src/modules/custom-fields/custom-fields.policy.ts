import type { Actor } from "../../platform/context";

/** Only admins define fields; every staff member reads the definitions to fill them in. */
export const canManageFields = (actor: Actor): boolean => actor.role === "admin";
