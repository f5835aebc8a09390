import type { Actor } from "../../platform/context";

/** Only admins read the audit log. */
export const canReadAudit = (actor: Actor): boolean => actor.role === "admin";
