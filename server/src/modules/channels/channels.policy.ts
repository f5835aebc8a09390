import type { Actor } from "../../platform/context";

/** Feeding raw mail in is an integration's job: admins and their API tokens. */
export const canIngestMail = (actor: Actor): boolean => actor.role === "admin";
