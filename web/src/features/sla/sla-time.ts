import type { Ticket } from "@frontline/common";

const MINUTE = 60_000;
const HOUR = 60;
const DAY = 24 * HOUR;

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

type Unit = "day" | "hour" | "minute";

/** Days, hours and minutes of a span; `approximate` keeps the two largest units ("2 days 3 hours"). */
export function durationParts(minutes: number, approximate: boolean): [Unit, number][] {
  const whole = Math.max(0, Math.round(minutes));
  const parts: [Unit, number][] = [
    ["day", Math.floor(whole / DAY)],
    ["hour", Math.floor((whole % DAY) / HOUR)],
    ["minute", whole % HOUR],
  ];
  const first = parts.findIndex(([, n]) => n > 0);
  if (first < 0) return [["minute", 0]];
  const kept = approximate ? parts.slice(first, first + 2) : parts.slice(first);
  return kept.filter(([, n]) => n > 0);
}

const unitFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function unitFormat(locale: string, unit: Unit, display: "short" | "long"): Intl.NumberFormat {
  const key = `${locale}|${unit}|${display}`;
  let format = unitFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: display });
    unitFormats.set(key, format);
  }
  return format;
}

function listFormat(locale: string, style: "narrow" | "long"): Intl.ListFormat {
  const key = `${locale}|${style}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: "unit", style });
    listFormats.set(key, format);
  }
  return format;
}

/**
 * A span in the reader's language, with the language's own units and plurals (CLDR, through Intl):
 * short and approximate for countdowns ("1 hr 20 min"), long and exact for a policy's targets
 * ("1 day, 2 hours").
 */
export function formatDuration(minutes: number, locale: string, style: "short" | "long"): string {
  const parts = durationParts(minutes, style === "short");
  const words = parts.map(([unit, n]) => unitFormat(locale, unit, style).format(n));
  return listFormat(locale, style === "short" ? "narrow" : "long").format(words);
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
