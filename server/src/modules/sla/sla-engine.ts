import { SLA_TARGETS, type SlaTargetName } from "@frontline/common";
import { and, eq } from "drizzle-orm";
import { newId } from "../../platform/ids";
import type { OrgTx } from "../../platform/tenancy";
import { findTicket, type TicketRow } from "../tickets";
import { slaEvents, slaPolicies } from "./sla.tables";
import { dueFrom, type SlaClock } from "./sla-clock";
import {
  clockOf,
  dropTargets,
  newTicketTargets,
  type PolicyRow,
  type PolicyTargets,
  pausedAt,
  policyFor,
  refreshSummary,
  resumedAt,
  saveTarget,
  startedTarget,
  type TargetRow,
  targetsOf,
} from "./sla-targets";

// How tickets' promises move with what happens to them. Every function runs inside the
// transaction of the change that caused it, and does nothing when there is nothing to do.

const LIVE = new Set(["active", "paused"]);
const isPausedBy = (policy: PolicyRow, status: string) => policy.pauseOn.includes(status);

interface Scope {
  ticket: TicketRow;
  policy: PolicyRow;
  spec: Awaited<ReturnType<typeof clockOf>>["spec"];
  rows: Map<SlaTargetName, TargetRow>;
}

async function scopeOf(s: OrgTx, ticketId: string, at: Date): Promise<Scope | undefined> {
  const ticket = await findTicket(s, ticketId);
  if (!ticket || ticket.mergedIntoId) return undefined;
  const rows = await targetsOf(s, ticketId);
  const policyId = [...rows.values()][0]?.policyId;
  const policy = policyId ? await policyById(s, ticket, policyId) : await policyFor(s, ticket);
  if (!policy) return undefined;
  return { ticket, policy, spec: (await clockOf(s, policy, ticket, at)).spec, rows };
}

async function policyById(s: OrgTx, ticket: TicketRow, id: string): Promise<PolicyRow | undefined> {
  const current = await policyFor(s, ticket);
  if (current?.id === id) return current;
  // The ticket's clocks were set by a policy that no longer covers it first: keep counting under
  // it until a change of the ticket's properties chooses again (reapplyPolicy).
  const [row] = await s.tx
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.orgId, s.orgId), eq(slaPolicies.id, id)));
  return row;
}

const clock = (scope: Scope, row: { businessTime: boolean }): SlaClock => ({
  businessTime: row.businessTime,
  spec: scope.spec,
});

async function record(s: OrgTx, row: TargetRow, kind: "warning" | "breached" | "met", at: Date) {
  await s.tx.insert(slaEvents).values({
    orgId: s.orgId,
    id: newId(),
    ticketId: row.ticketId,
    target: row.target,
    kind,
    at,
    policyId: row.policyId,
  });
}

async function save(s: OrgTx, scope: Scope, row: TargetRow) {
  await saveTarget(s, row, scope.rows.get(row.target), scope.policy.warnBeforeMinutes);
  scope.rows.set(row.target, row);
}

/** A new ticket's first reply and resolution clocks, counted from when it was opened. */
export async function startClocks(s: OrgTx, ticket: TicketRow): Promise<void> {
  newTicketTargets(s, ticket.id);
  const policy = await policyFor(s, ticket);
  if (!policy) return;
  const spec = (await clockOf(s, policy, ticket, ticket.createdAt)).spec;
  const scope: Scope = { ticket, policy, spec, rows: await targetsOf(s, ticket.id) };
  const targets = policy.targets as PolicyTargets;
  for (const name of ["firstReply", "resolution"] as const) {
    const t = targets[name];
    if (t && !scope.rows.has(name))
      await save(s, scope, startedTarget(ticket, policy, name, t, clock(scope, t), ticket.createdAt));
  }
  await refreshSummary(s, ticket.id);
}

/** An agent answered publicly: the first or next reply is kept, and updates are due again from now. */
export async function agentReplied(s: OrgTx, ticketId: string, at: Date): Promise<void> {
  const scope = await scopeOf(s, ticketId, at);
  if (!scope) return;
  for (const name of ["firstReply", "nextReply", "periodicUpdate"] as const) {
    const row = scope.rows.get(name);
    if (row && LIVE.has(row.state)) {
      await save(s, scope, { ...row, state: "met", metAt: at, dueAt: null });
      await record(s, row, "met", at);
    } else if (row?.state === "breached" && !row.metAt) {
      // Late, but answered: the time of the answer is kept for reports.
      await save(s, scope, { ...row, metAt: at });
    }
  }
  const update = (scope.policy.targets as PolicyTargets).periodicUpdate;
  if (update && scope.ticket.status !== "solved" && scope.ticket.status !== "closed") {
    await save(s, scope, startedTarget(scope.ticket, scope.policy, "periodicUpdate", update, clock(scope, update), at));
  }
  await refreshSummary(s, ticketId);
}

/** The customer wrote: once they have had a first answer, the next one is due. */
export async function customerWrote(s: OrgTx, ticketId: string, at: Date): Promise<void> {
  const scope = await scopeOf(s, ticketId, at);
  if (!scope) return;
  const first = scope.rows.get("firstReply");
  const next = scope.rows.get("nextReply");
  const spec = (scope.policy.targets as PolicyTargets).nextReply;
  const answered = first?.state === "met" || Boolean(first?.metAt);
  if (!spec || !answered || (next && LIVE.has(next.state))) return;
  await save(s, scope, startedTarget(scope.ticket, scope.policy, "nextReply", spec, clock(scope, spec), at));
  await refreshSummary(s, ticketId);
}

/** The status moved: waiting stops the clocks, coming back starts them, solving keeps every promise still open. */
export async function statusMoved(s: OrgTx, before: TicketRow, after: TicketRow, at: Date): Promise<void> {
  const scope = await scopeOf(s, after.id, at);
  if (!scope) return;
  for (const name of SLA_TARGETS) {
    const row = scope.rows.get(name);
    if (!row) continue;
    const c = clock(scope, row);
    let next = row;
    if (after.status === "solved" || after.status === "closed") {
      if (LIVE.has(row.state)) next = { ...pausedAt(row, c, at), state: "met", metAt: at, dueAt: null };
    } else if (before.status === "solved" && name === "resolution" && row.state === "met") {
      // Reopened: the resolution clock goes on with what it had left.
      next = resumedAt({ ...row, state: "paused", metAt: null }, c, at);
    } else if (isPausedBy(scope.policy, after.status)) {
      next = pausedAt(row, c, at);
    } else if (isPausedBy(scope.policy, before.status)) {
      next = resumedAt(row, c, at);
    }
    if (next === row) continue;
    await save(s, scope, next);
    if (next.state === "met" && row.state !== "met") await record(s, row, "met", at);
  }
  await refreshSummary(s, after.id);
}

/**
 * The ticket's priority, channel, tags or team changed: the policy is chosen again, and its clocks
 * take the new targets (counted from when they started; what they already used stays used).
 */
export async function reapplyPolicy(s: OrgTx, ticket: TicketRow, at: Date): Promise<void> {
  const rows = await targetsOf(s, ticket.id);
  const policy = await policyFor(s, ticket);
  const live = [...rows.values()].filter((r) => LIVE.has(r.state));
  if (!policy) {
    await dropTargets(
      s,
      ticket.id,
      live.map((r) => r.target),
    );
    await refreshSummary(s, ticket.id);
    return;
  }
  const spec = (await clockOf(s, policy, ticket, at)).spec;
  const scope: Scope = { ticket, policy, spec, rows };
  const targets = policy.targets as PolicyTargets;
  const gone: SlaTargetName[] = [];
  for (const name of SLA_TARGETS) {
    const t = targets[name];
    const row = rows.get(name);
    if (!t) {
      if (row && LIVE.has(row.state)) gone.push(name);
      continue;
    }
    if (row) {
      if (!LIVE.has(row.state)) continue;
      const moved = { ...row, policyId: policy.id, minutes: t.minutes, businessTime: t.businessTime };
      const c = clock(scope, moved);
      await save(
        s,
        scope,
        moved.state === "active"
          ? { ...moved, dueAt: dueFrom(c, moved.resumedAt, moved.minutes - moved.consumedMinutes) }
          : moved,
      );
    } else if (
      (name === "firstReply" && ticket.status === "new") ||
      (name === "resolution" && ticket.status !== "solved" && ticket.status !== "closed")
    ) {
      const started = startedTarget(ticket, policy, name, t, clock(scope, t), ticket.createdAt);
      await save(s, scope, isPausedBy(policy, ticket.status) ? pausedAt(started, clock(scope, t), at) : started);
    }
  }
  await dropTargets(s, ticket.id, gone);
  await refreshSummary(s, ticket.id);
}

export { record as recordSlaEvent };
