import type { Actor } from "../../platform/context";

/** Feeding raw mail in and setting up mailboxes are admin work (an integration uses an admin's API token). */
export const canIngestMail = (actor: Actor): boolean => actor.role === "admin";
