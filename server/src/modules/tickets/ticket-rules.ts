import { canTransition, type TicketStatus } from "@frontline/common";
import { AppError } from "../../platform/errors";

/** The timestamps a status change sets or clears. */
export function statusTimestamps(from: TicketStatus, to: TicketStatus, now: Date) {
  if (from === to) return {};
  return {
    solvedAt: to === "solved" || to === "closed" ? (from === "solved" ? undefined : now) : null,
    closedAt: to === "closed" ? now : null,
  };
}

/** Throws 422 naming the status field when a move is not allowed. */
export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError("unprocessable", `A ${from} ticket cannot become ${to}`, {
      status: [`Cannot change from ${from} to ${to}`],
    });
  }
}

/** Applies tag additions and removals, keeping order and dropping duplicates. */
export function applyTags(
  current: readonly string[],
  add: readonly string[] = [],
  remove: readonly string[] = [],
): string[] {
  const removed = new Set(remove);
  return [...new Set([...current, ...add])].filter((t) => !removed.has(t));
}
