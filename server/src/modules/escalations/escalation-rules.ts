import { escalationRole, MAX_ESCALATION_LEVEL, type Role } from "@frontline/common";

// Levels, as pure rules: a first escalation goes to a supervisor (1); escalating a ticket that is
// already escalated raises it one level (2: a manager, 3: an admin, the head of service). A ticket's
// level is that of its highest escalation still open or taken, so resolving or handing back the
// top one lowers it to the one below, and the last one to 0.

/** The least role that may take or resolve an escalation of this level. */
export function roleForLevel(level: number): Role {
  return escalationRole(level);
}

/** The level a new escalation gets on a ticket whose open escalations have these levels; null above the top. */
export function nextLevel(activeLevels: readonly number[]): number | null {
  const next = ticketLevel(activeLevels) + 1;
  return next > MAX_ESCALATION_LEVEL ? null : next;
}

/** A ticket's level: its highest open escalation's, or 0. */
export function ticketLevel(activeLevels: readonly number[]): number {
  return activeLevels.reduce((max, level) => Math.max(max, level), 0);
}
