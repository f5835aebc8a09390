import type { SlaConditions, SlaTargetName } from "@frontline/common";
import { and, asc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import { deferredOnce, placeholders, placeholdersToSet } from "../../platform/built-once";
import { enqueueJob } from "../../platform/jobs";
import { cachedConfig } from "../../platform/org-config";
import type { OrgTx } from "../../platform/tenancy";
import { calendarForTicket, calendarSpec } from "../calendars";
import { findCustomer } from "../customers";
import { setSlaSummary, type TicketRow } from "../tickets";
import { slaPolicies, ticketSlaTargets } from "./sla.tables";
import { dueFrom, minutesOn, policyCovers, type SlaClock } from "./sla-clock";

export type PolicyRow = typeof slaPolicies.$inferSelect;
export type TargetRow = typeof ticketSlaTargets.$inferSelect;
type TargetSpec = { minutes: number; businessTime: boolean };
export type PolicyTargets = Partial<Record<SlaTargetName, TargetSpec>>;

export const CHECK_SLA = "sla.check";

/** The organisation's active policies in their order (kept in memory per configuration version). */
export function activePolicies(s: OrgTx): Promise<readonly PolicyRow[]> {
  return cachedConfig(s, "sla:policies", () =>
    s.tx
      .select()
      .from(slaPolicies)
      .where(and(eq(slaPolicies.orgId, s.orgId), eq(slaPolicies.active, true)))
      .orderBy(asc(slaPolicies.position), asc(slaPolicies.id)),
  );
}

/** The policy that covers a ticket now: the first active one, in order, whose conditions match. */
export async function policyFor(s: OrgTx, ticket: TicketRow): Promise<PolicyRow | undefined> {
  const policies = await activePolicies(s);
  if (policies.length === 0) return undefined;
  const customer = await findCustomer(s, ticket.requesterId);
  const facts = {
    priority: ticket.priority,
    channel: ticket.channel,
    tags: ticket.tags,
    teamId: ticket.teamId,
    companyId: customer?.companyId ?? null,
  };
  return policies.find((p) => policyCovers(p.conditions as SlaConditions, facts));
}

/** The calendar a policy counts business time in for this ticket: its own, else the ticket's (team, region, default). */
export async function clockOf(s: OrgTx, policy: PolicyRow, ticket: TicketRow, now: Date) {
  if (policy.calendarId) return { spec: await calendarSpec(s, policy.calendarId, now) };
  const customer = await findCustomer(s, ticket.requesterId);
  const chosen = await calendarForTicket(
    s,
    { teamId: ticket.teamId, customerTimeZone: customer?.timeZone ?? null },
    now,
  );
  return { spec: chosen?.spec };
}

// The targets this transaction knows, by ticket: read once, then kept in step by every write below
// (the breach check, which writes on its own, forgets them). A ticket opened in this transaction
// starts with none, so opening a ticket never asks. Keyed by the transaction object, like the
// tickets module's memory of its rows.
const knownIn = new WeakMap<object, Map<string, Map<SlaTargetName, TargetRow>>>();

function known(s: OrgTx): Map<string, Map<SlaTargetName, TargetRow>> {
  let byTicket = knownIn.get(s.tx);
  if (!byTicket) {
    byTicket = new Map();
    knownIn.set(s.tx, byTicket);
  }
  return byTicket;
}

/**
 * A ticket created in this transaction has no targets yet: nothing needs reading to know it.
 * Another handler of the creation (a trigger changing the team, say) may have set clocks already;
 * what the memory holds then is kept, since every write here keeps it in step.
 */
export function newTicketTargets(s: OrgTx, ticketId: string): void {
  const byTicket = known(s);
  if (!byTicket.has(ticketId)) byTicket.set(ticketId, new Map());
}

/** Drops what this transaction knows of a ticket's targets after writing them some other way. */
export function forgetTargets(s: OrgTx, ticketId: string): void {
  knownIn.get(s.tx)?.delete(ticketId);
}

/** A ticket's targets, by name. */
export async function targetsOf(s: OrgTx, ticketId: string): Promise<Map<SlaTargetName, TargetRow>> {
  const memo = knownIn.get(s.tx)?.get(ticketId);
  if (memo) return copyOf(memo);
  const rows = await s.tx
    .select()
    .from(ticketSlaTargets)
    .where(and(eq(ticketSlaTargets.orgId, s.orgId), eq(ticketSlaTargets.ticketId, ticketId)));
  const found = new Map(rows.map((r) => [r.target, r]));
  known(s).set(ticketId, copyOf(found));
  return found;
}

// Callers change the rows they are given; the memory keeps its own.
const copyOf = (m: Map<SlaTargetName, TargetRow>) => new Map([...m].map(([k, v]) => [k, { ...v }]));

/** Queues the checks of a target's due time: the warning (if any) and the breach. Stale checks find nothing to do. */
async function scheduleChecks(s: OrgTx, row: TargetRow, warnBeforeMinutes: number): Promise<void> {
  if (row.state !== "active" || !row.dueAt) return;
  const payload = { ticketId: row.ticketId, target: row.target };
  if (warnBeforeMinutes > 0) {
    await enqueueJob(s, CHECK_SLA, payload, { runAt: new Date(row.dueAt.getTime() - warnBeforeMinutes * 60_000) });
  }
  await enqueueJob(s, CHECK_SLA, payload, { runAt: row.dueAt });
}

// Every column, written as one statement assembled once: a target is always written whole.
const TARGET_COLUMNS = Object.keys(getTableColumns(ticketSlaTargets)) as (keyof TargetRow)[];
const insertTarget = deferredOnce<TargetRow>((tx) =>
  tx.insert(ticketSlaTargets).values(placeholders(...TARGET_COLUMNS)),
);
const updateTarget = deferredOnce<TargetRow>((tx) =>
  tx
    .update(ticketSlaTargets)
    .set(placeholdersToSet<TargetRow>(...TARGET_COLUMNS))
    .where(
      and(
        eq(ticketSlaTargets.orgId, sql.placeholder("orgId")),
        eq(ticketSlaTargets.ticketId, sql.placeholder("ticketId")),
        eq(ticketSlaTargets.target, sql.placeholder("target")),
      ),
    ),
);

/** Writes a target (new or changed) and schedules its checks when its due time moved. */
export async function saveTarget(s: OrgTx, row: TargetRow, before: TargetRow | undefined, warn: number): Promise<void> {
  const values = { ...row, updatedAt: new Date() };
  // Nobody reads its answer: it travels with the next statement (decision 031).
  await (before ? updateTarget : insertTarget)(s.tx, values);
  knownIn
    .get(s.tx)
    ?.get(row.ticketId)
    ?.set(row.target, { ...values });
  if (row.dueAt?.getTime() !== before?.dueAt?.getTime() || row.state !== before?.state) {
    await scheduleChecks(s, row, warn);
  }
}

/** A fresh clock for a target, counting from `from`. */
export function startedTarget(
  ticket: TicketRow,
  policy: PolicyRow,
  target: SlaTargetName,
  spec: TargetSpec,
  clock: SlaClock,
  from: Date,
): TargetRow {
  return {
    orgId: ticket.orgId,
    ticketId: ticket.id,
    target,
    policyId: policy.id,
    minutes: spec.minutes,
    businessTime: spec.businessTime,
    state: "active",
    startedAt: from,
    resumedAt: from,
    consumedMinutes: 0,
    dueAt: dueFrom(clock, from, spec.minutes),
    warnedAt: null,
    metAt: null,
    breachedAt: null,
    updatedAt: from,
  };
}

/** The same target paused at `at`: what it used is kept, it falls due no more until resumed. */
export function pausedAt(row: TargetRow, clock: SlaClock, at: Date): TargetRow {
  if (row.state !== "active") return row;
  return {
    ...row,
    state: "paused",
    consumedMinutes: row.consumedMinutes + Math.max(0, minutesOn(clock, row.resumedAt, at)),
    dueAt: null,
  };
}

/** The same target counting again from `at`, with what it has left. */
export function resumedAt(row: TargetRow, clock: SlaClock, at: Date): TargetRow {
  if (row.state !== "paused") return row;
  return { ...row, state: "active", resumedAt: at, dueAt: dueFrom(clock, at, row.minutes - row.consumedMinutes) };
}

/** Keeps the ticket's SLA summary (next due time, whether a promise was missed) in step with its targets. */
export async function refreshSummary(s: OrgTx, ticketId: string): Promise<void> {
  const rows = [...(await targetsOf(s, ticketId)).values()];
  const due = rows
    .filter((r) => r.state === "active" && r.dueAt)
    .map((r) => r.dueAt!.getTime())
    .sort((a, b) => a - b)[0];
  await setSlaSummary(s, ticketId, {
    dueAt: due === undefined ? null : new Date(due),
    breached: rows.some((r) => r.state === "breached"),
  });
}

/** Removes a ticket's clocks that its policy no longer has (or all, when no policy covers it now). */
export async function dropTargets(s: OrgTx, ticketId: string, targets: SlaTargetName[]): Promise<void> {
  if (targets.length === 0) return;
  const memo = knownIn.get(s.tx)?.get(ticketId);
  for (const t of targets) memo?.delete(t);
  await s.tx
    .delete(ticketSlaTargets)
    .where(
      and(
        eq(ticketSlaTargets.orgId, s.orgId),
        eq(ticketSlaTargets.ticketId, ticketId),
        inArray(ticketSlaTargets.target, targets),
      ),
    );
}
