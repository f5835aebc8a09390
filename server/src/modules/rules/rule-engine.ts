import {
  conditionsHold,
  type RuleAction,
  type RuleConditions,
  type RuleEvent,
  recentTicketWindows,
} from "@frontline/common";
import { and, arrayContains, asc, eq } from "drizzle-orm";
import { deferredOnce, placeholders } from "../../platform/built-once";
import { newId } from "../../platform/ids";
import { cachedConfig } from "../../platform/org-config";
import type { OrgTx } from "../../platform/tenancy";
import { findTicket } from "../tickets";
import { applyRuleAction } from "./rule-actions";
import { type RuleOccasion, ruleFacts } from "./rule-facts";
import { ruleFirings, rules } from "./rules.tables";

export type RuleRow = typeof rules.$inferSelect;

/** Rules that may act within one transaction, all tickets together: a guard against rules that feed each other. */
const MAX_FIRINGS_PER_TRANSACTION = 50;

// Which rules already acted on which ticket in a transaction. Keyed by the transaction object, so it
// lives exactly as long as the change that set the rules off.
const firedIn = new WeakMap<object, Set<string>>();

/** The organisation's active triggers for an event, in their order. */
function activeTriggers(s: OrgTx, event: RuleEvent): Promise<readonly RuleRow[]> {
  return cachedConfig(s, `rules:triggers:${event}`, () =>
    s.tx
      .select()
      .from(rules)
      .where(
        and(
          eq(rules.orgId, s.orgId),
          eq(rules.kind, "trigger"),
          eq(rules.active, true),
          arrayContains(rules.events, [event]),
        ),
      )
      .orderBy(asc(rules.position), asc(rules.id)),
  );
}

/** Carries out a rule's actions on a ticket and logs the firing. */
async function fire(s: OrgTx, rule: RuleRow, ticketId: string, event: string): Promise<void> {
  // A log line nobody reads back here: it travels with the next statement (decision 031).
  await logFiring(s.tx, { orgId: s.orgId, id: newId(), ruleId: rule.id, ticketId, event });
  for (const action of rule.actions as RuleAction[]) await applyRuleAction(s, rule, ticketId, action);
}

const logFiring = deferredOnce<Pick<typeof ruleFirings.$inferSelect, "orgId" | "id" | "ruleId" | "ticketId" | "event">>(
  (tx) => tx.insert(ruleFirings).values(placeholders("orgId", "id", "ruleId", "ticketId", "event")),
);

/**
 * Runs the triggers of an event on a ticket, inside the transaction that caused it. A trigger acts
 * at most once per ticket per transaction: what its own actions change is announced again and may
 * set off other triggers, never the same one twice, so rules cannot loop.
 */
export async function runTriggers(s: OrgTx, event: RuleEvent, ticketId: string, occasion: Omit<RuleOccasion, "event">) {
  const fired = firedIn.get(s.tx) ?? new Set<string>();
  firedIn.set(s.tx, fired);
  for (const rule of await activeTriggers(s, event)) {
    const key = `${rule.id}:${ticketId}`;
    if (fired.has(key) || fired.size >= MAX_FIRINGS_PER_TRANSACTION) continue;
    // Read afresh: an earlier rule may have changed the ticket.
    const ticket = await findTicket(s, ticketId);
    if (!ticket || ticket.mergedIntoId) return;
    const conditions = rule.conditions as RuleConditions;
    const facts = await ruleFacts(s, ticket, { ...occasion, event }, recentTicketWindows(conditions));
    if (!conditionsHold(conditions, facts)) continue;
    fired.add(key);
    await fire(s, rule, ticketId, event);
  }
}

/**
 * Checks one automation against one ticket at `now` and acts when it holds, once per ticket ever:
 * the firing's unique index makes a second run (a job retried after a crash) a no-op.
 */
export async function runAutomation(s: OrgTx, rule: RuleRow, ticketId: string, now: Date): Promise<boolean> {
  const ticket = await findTicket(s, ticketId, true);
  if (!ticket || ticket.mergedIntoId || ticket.status === "closed") return false;
  const conditions = rule.conditions as RuleConditions;
  const facts = await ruleFacts(s, ticket, { event: "automation", now }, recentTicketWindows(conditions));
  if (!conditionsHold(conditions, facts)) return false;
  const [claimed] = await s.tx
    .insert(ruleFirings)
    .values({ orgId: s.orgId, id: newId(), ruleId: rule.id, ticketId, event: "automation" })
    .onConflictDoNothing()
    .returning({ id: ruleFirings.id });
  if (!claimed) return false;
  for (const action of rule.actions as RuleAction[]) await applyRuleAction(s, rule, ticketId, action);
  return true;
}
