import type { Escalation, EscalationReason } from "@frontline/common";
import type { OrgTx } from "../../platform/tenancy";
import { findCustomer } from "../customers";
import { staffNames } from "../staff";
import { ticketsByIds } from "../tickets";
import type { EscalationRow } from "./escalations.queries";
import { type ReasonRow, reasonsOf } from "./reasons.service";

/** Reason row → API shape. */
export function presentReason(r: ReasonRow): EscalationReason {
  return { code: r.code, labels: r.labels, active: r.active, position: r.position, builtIn: r.builtIn };
}

interface Names {
  tickets: Awaited<ReturnType<typeof ticketsByIds>>;
  staff: Map<string, string>;
  customers: Map<string, string>;
  reasons: Map<string, Record<string, string>>;
}

const person = (names: Names, id: string | null) => (id ? { id, name: names.staff.get(id) ?? "" } : null);

/** Escalation row → API shape, with the names of its ticket, people and reason as they are now. */
export function presentEscalation(r: EscalationRow, names: Names): Escalation {
  const ticket = names.tickets.get(r.ticketId);
  const createdBy: Escalation["createdBy"] = r.createdByUserId
    ? { type: "user", id: r.createdByUserId, name: names.staff.get(r.createdByUserId) ?? "" }
    : r.createdByCustomerId
      ? { type: "customer", id: r.createdByCustomerId, name: names.customers.get(r.createdByCustomerId) ?? "" }
      : // The system raised it: by a rule when one is recorded (its name then), else unnamed.
        { type: "system", id: null, name: r.createdByRule ?? "" };
  return {
    id: r.id,
    ticketId: r.ticketId,
    ticketNumber: ticket?.number ?? 0,
    ticketSubject: ticket?.subject ?? "",
    type: r.type,
    via: r.via,
    reason: r.reason,
    reasonLabels: names.reasons.get(r.reason) ?? {},
    level: r.level,
    status: r.status,
    note: r.note,
    toUser: person(names, r.toUserId),
    createdBy,
    createdAt: r.createdAt.toISOString(),
    takenBy: person(names, r.takenByUserId),
    takenAt: r.takenAt?.toISOString() ?? null,
    resolvedBy: person(names, r.resolvedByUserId),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    outcome: r.outcome,
    resolutionNote: r.resolutionNote,
    coachingNote: r.coachingNote,
  };
}

/** Presents rows with one read each of their tickets, staff, customers and the reason list. */
export async function describeEscalations(s: OrgTx, rows: EscalationRow[]): Promise<Escalation[]> {
  if (rows.length === 0) return [];
  const staffIds = rows.flatMap((r) =>
    [r.toUserId, r.createdByUserId, r.takenByUserId, r.resolvedByUserId].filter((id): id is string => id !== null),
  );
  const customerIds = [...new Set(rows.flatMap((r) => (r.createdByCustomerId ? [r.createdByCustomerId] : [])))];
  const customers = new Map<string, string>();
  for (const id of customerIds) {
    const c = await findCustomer(s, id);
    if (c) customers.set(id, c.name || c.email || "");
  }
  const names: Names = {
    tickets: await ticketsByIds(
      s,
      rows.map((r) => r.ticketId),
    ),
    staff: await staffNames(s, staffIds),
    customers,
    reasons: new Map((await reasonsOf(s)).map((r) => [r.code, r.labels])),
  };
  return rows.map((r) => presentEscalation(r, names));
}
