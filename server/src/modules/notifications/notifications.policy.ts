import type { Actor } from "../../platform/context";

/** Each person reads and marks only their own notifications; a caller with no user (CLI, system) has none. */
export const canReadNotifications = (actor: Actor): boolean => actor.userId !== null;

/**
 * Whether a colleague is told about a note: an active member of the organisation (the caller checks
 * that against the directory) who is not its author. Every staff member works every ticket today
 * (tickets.policy); when that narrows, a recipient must also be able to open the ticket.
 */
export const mayBeNotified = (recipientId: string, authorUserId: string | null, activeIds: Set<string>): boolean =>
  recipientId !== authorUserId && activeIds.has(recipientId);
