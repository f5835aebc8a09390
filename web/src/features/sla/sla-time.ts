import type { Ticket } from "@frontline/common";

// Spans are worded in i18n/duration.ts; re-exported for the SLA screens that have always imported them from here.
export { durationParts, formatDuration } from "../../i18n/duration";

const MINUTE = 60_000;

/** Within this many minutes of its due time a ticket is flagged as due soon. */
export const DUE_SOON_MINUTES = 60;

/** How long until a due time, or how long past it, in whole minutes. */
export interface Countdown {
  overdue: boolean;
  /** At least 1: time left is rounded up (never "0 min" while there is time), time past rounded down. */
  minutes: number;
}

/** Where `now` stands against `dueAt`. */
export function countdown(dueAt: string, now: number): Countdown {
  const ms = Date.parse(dueAt) - now;
  if (ms > 0) return { overdue: false, minutes: Math.ceil(ms / MINUTE) };
  return { overdue: true, minutes: Math.max(1, Math.floor(-ms / MINUTE)) };
}

/** How the inbox flags a ticket's SLA: overdue, missed before, due within the hour, or later. */
export type SlaFlag =
  | { tone: "overdue"; minutes: number }
  | { tone: "breached" }
  | { tone: "soon" | "later"; minutes: number };

/** The inbox's SLA flag for a ticket at `now`; null when nothing is counting and nothing was missed. */
export function slaFlag(ticket: Pick<Ticket, "slaDueAt" | "slaBreached">, now: number): SlaFlag | null {
  const left = ticket.slaDueAt ? countdown(ticket.slaDueAt, now) : null;
  if (left?.overdue) return { tone: "overdue", minutes: left.minutes };
  // A promise already missed outranks the next one still running: the ticket has let someone down.
  if (ticket.slaBreached) return { tone: "breached" };
  if (!left) return null;
  return { tone: left.minutes <= DUE_SOON_MINUTES ? "soon" : "later", minutes: left.minutes };
}
