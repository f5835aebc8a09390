import type { EscalationOutcome, EscalationType } from "@frontline/common";
import { domainEvents } from "../../platform/events";
import type { OrgTx } from "../../platform/tenancy";
import type { EscalationRow } from "./escalations.queries";
import type { ReasonRow } from "./reasons.service";

/**
 * Announced in the transaction of an escalation's step, naming who should hear of it: the named
 * supervisor when one is handed an escalation; the agent who raised it and the ticket's assignee
 * when it is taken, resolved or handed back. The notifications module tells them (the bell, then a mail).
 */
export const ESCALATION_NOTICE = "escalation.notice";
export interface EscalationNotice {
  kind: "escalation_requested" | "escalation_taken" | "escalation_resolved" | "escalation_returned";
  escalationId: string;
  /** Who raised the escalation (an agent, the customer, a rule), so a notice can say who escalated. */
  type: EscalationType;
  ticketId: string;
  actor: { userId: string | null; name: string };
  recipientIds: string[];
  level: number;
  reason: string;
  reasonLabels: Record<string, string>;
  outcome: EscalationOutcome | null;
  /** What was written with this step (the escalation's note, the resolution's, the coaching), if anything. */
  note: string | null;
}

/**
 * Announced in the transaction that raised an escalation (of any type), after the ticket's level was
 * set: the rules engine's `escalation.created` triggers react to it.
 */
export const ESCALATION_CREATED = "escalation.created";
export interface EscalationCreated {
  escalationId: string;
  ticketId: string;
  type: EscalationType;
  reason: string;
  level: number;
}

/**
 * Announced in the transaction of a step after the escalation was raised: taken, or resolved
 * (which handing back also is), whoever hears of it.
 */
export const ESCALATION_CHANGED = "escalation.changed";
export interface EscalationChanged {
  escalationId: string;
  ticketId: string;
  status: EscalationRow["status"];
}

/** Announces a step to the people it concerns (the actor aside, and each person once). */
export async function announce(
  s: OrgTx,
  kind: EscalationNotice["kind"],
  e: EscalationRow,
  facts: {
    actor: EscalationNotice["actor"];
    recipients: (string | null)[];
    reason: ReasonRow | undefined;
    note: string | null;
  },
): Promise<void> {
  const recipientIds = [...new Set(facts.recipients.filter((id): id is string => !!id && id !== facts.actor.userId))];
  if (recipientIds.length === 0) return;
  await domainEvents.emit<EscalationNotice>(s, ESCALATION_NOTICE, {
    kind,
    escalationId: e.id,
    type: e.type,
    ticketId: e.ticketId,
    actor: facts.actor,
    recipientIds,
    level: e.level,
    reason: e.reason,
    reasonLabels: facts.reason?.labels ?? {},
    outcome: e.outcome,
    note: facts.note,
  });
}
