import type { PresenceStatus, WaitReason } from "@frontline/common";

/** Why nobody can take a ticket now. */
export type NobodyFits = Exclude<WaitReason, "manual" | "assigning">;

// Who gets a ticket: pure rules, no I/O. The engine loads the team's agents and their loads, asks
// here, and writes the answer.

/** One member of the team, as routing weighs them for one ticket. */
export interface Candidate {
  userId: string;
  presence: PresenceStatus;
  /** Every language they speak (their profile's and the ones they added). */
  speaks: readonly string[];
  skillIds: readonly string[];
  /** Their open load in the ticket's kind of work (tickets, or chats for a chat). */
  load: number;
  /** The most of that kind routing gives them. */
  capacity: number;
  lastAssignedAt: Date | null;
}

/** What the ticket needs. */
export interface Need {
  skillIds: readonly string[];
  language: string | null;
}

export interface ChooseOptions {
  strategy: "round_robin" | "least_loaded";
  skillMatching: boolean;
  languageMatching: boolean;
  /** Round robin continues after this agent. */
  lastUserId: string | null;
  /** Left out of this pick: the agent who just handed the ticket back. */
  excludeUserId?: string | null;
}

export type Choice = { userId: string } | { waits: NobodyFits };

/**
 * The agents who could take the ticket, or why nobody can. Each filter narrows the one before, and
 * the first to leave nobody names the reason: nobody online, then a missing skill, then a missing
 * language, then no capacity left — so "no capacity" means the right people are there but full.
 */
export function eligibleAgents(
  need: Need,
  candidates: readonly Candidate[],
  opts: Pick<ChooseOptions, "skillMatching" | "languageMatching" | "excludeUserId">,
): Candidate[] | NobodyFits {
  let pool = candidates.filter((c) => c.presence === "online" && c.userId !== opts.excludeUserId);
  if (pool.length === 0) return "nobody_online";
  if (opts.skillMatching && need.skillIds.length > 0) {
    pool = pool.filter((c) => need.skillIds.every((id) => c.skillIds.includes(id)));
    if (pool.length === 0) return "missing_skill";
  }
  const language = need.language;
  if (opts.languageMatching && language) {
    pool = pool.filter((c) => c.speaks.includes(language));
    if (pool.length === 0) return "missing_language";
  }
  pool = pool.filter((c) => c.load < c.capacity);
  return pool.length === 0 ? "no_capacity" : pool;
}

/**
 * Whether an agent has what the ticket asks for, as far as the team matches on it: every required
 * skill and its language. Presence and room are not asked — for someone who already holds the ticket.
 */
export function meetsNeed(
  need: Need,
  c: Pick<Candidate, "skillIds" | "speaks">,
  opts: Pick<ChooseOptions, "skillMatching" | "languageMatching">,
): boolean {
  const skilled = !opts.skillMatching || need.skillIds.every((id) => c.skillIds.includes(id));
  const speaks = !opts.languageMatching || need.language === null || c.speaks.includes(need.language);
  return skilled && speaks;
}

/** Picks the agent for a ticket by the team's strategy, or says why it waits. */
export function chooseAgent(need: Need, candidates: readonly Candidate[], opts: ChooseOptions): Choice {
  const pool = eligibleAgents(need, candidates, opts);
  if (typeof pool === "string") return { waits: pool };
  const chosen = opts.strategy === "round_robin" ? nextInTurn(pool, opts.lastUserId) : leastLoaded(pool);
  return { userId: chosen.userId };
}

/** The first agent after the last pick in a fixed order (by id), wrapping round: everyone gets a turn. */
function nextInTurn(pool: readonly Candidate[], lastUserId: string | null): Candidate {
  const ordered = [...pool].sort((a, b) => compare(a.userId, b.userId));
  return (lastUserId ? ordered.find((c) => compare(c.userId, lastUserId) > 0) : undefined) ?? ordered[0]!;
}

/** The lowest load; on a tie, who has waited longest since routing last gave them a ticket, then by id. */
function leastLoaded(pool: readonly Candidate[]): Candidate {
  const waitedSince = (c: Candidate) => c.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  return [...pool].sort(
    (a, b) => a.load - b.load || waitedSince(a) - waitedSince(b) || compare(a.userId, b.userId),
  )[0]!;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
