import { TableRows, ts } from "./copy";
import type { Rng } from "./random";
import { DAY, HOUR } from "./season";

const MINUTE = 60_000;
/** Presence history is kept for the last five weeks: enough for a 30-day dashboard. */
const WEEKS = 5;

export const intervalRows = () =>
  new TableRows("metric_agent_intervals", ["org_id", "id", "user_id", "presence", "busy", "started_at", "ended_at"]);

/**
 * An agent's shifts as presence intervals: offline between shifts, online and mostly holding work
 * during them, away at lunch. Returns the presence now and since when (the open interval).
 */
export function agentShifts(
  rng: Rng,
  out: TableRows,
  orgId: string,
  userId: string,
  offsetHours: number,
  now: number,
): { presence: "online" | "away" | "offline"; since: number } {
  const firstDay = Math.floor((now + offsetHours * HOUR) / DAY) * DAY - offsetHours * HOUR - WEEKS * 7 * DAY;
  const steps: { at: number; presence: "online" | "away" | "offline"; busy: boolean }[] = [
    { at: firstDay, presence: "offline", busy: false },
  ];
  const weekendWorker = rng.chance(0.2);
  for (let day = firstDay; day < now; day += DAY) {
    const weekday = new Date(day + offsetHours * HOUR).getUTCDay();
    if ((weekday === 0 || weekday === 6) !== weekendWorker || rng.chance(0.06)) continue;
    const start = day + (8 + rng.int(3)) * HOUR + rng.int(30) * MINUTE;
    const lunch = start + 4 * HOUR + rng.int(60) * MINUTE;
    const end = start + 8 * HOUR + rng.int(45) * MINUTE;
    steps.push(
      { at: start, presence: "online", busy: !rng.chance(0.3) },
      { at: start + 20 * MINUTE, presence: "online", busy: true },
      { at: lunch, presence: "away", busy: true },
      { at: lunch + (30 + rng.int(30)) * MINUTE, presence: "online", busy: true },
      { at: end - (20 + rng.int(40)) * MINUTE, presence: "online", busy: false },
      { at: end, presence: "offline", busy: false },
    );
  }
  const past = steps.filter((s) => s.at <= now);
  for (let i = 0; i < past.length; i++) {
    const s = past[i]!;
    const next = past[i + 1];
    out.add(orgId, rng.uuidAt(s.at), userId, s.presence, s.busy ? "t" : "f", ts(s.at), ts(next?.at ?? null));
  }
  const current = past[past.length - 1]!;
  return { presence: current.presence, since: current.at };
}
