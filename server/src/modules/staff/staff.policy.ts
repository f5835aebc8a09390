import type { Actor } from "../../platform/context";

/** Every signed-in staff member may see colleagues and teams: assigning work needs the directory. */
export const canViewStaff = (_actor: Actor): boolean => true;

/** Only admins create, change or deactivate staff and teams. */
export const canManageStaff = (actor: Actor): boolean => actor.role === "admin";
