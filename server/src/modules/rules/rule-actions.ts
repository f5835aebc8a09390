import {
  canTransition,
  localeSchema,
  type RuleAction,
  renderTemplate,
  type UpdateTicketInput,
} from "@frontline/common";
import type { Actor } from "../../platform/context";
import { AppError } from "../../platform/errors";
import type { OrgTx } from "../../platform/tenancy";
import { diff, recordAudit } from "../audit";
import { findCustomer } from "../customers";
import { requireForTicket } from "../routing";
import { addSystemMessage, applyChanges, findTicket, type TicketRow } from "../tickets";
import { templateValues } from "./rule-facts";
import { escalateByRule, notifyByRule } from "./rule-reach";

/** The system actor a rule acts as, named after it in the audit log. */
const ruleActor = (rule: { name: string }): Actor => ({
  type: "system",
  userId: null,
  name: `rule: ${rule.name}`,
  role: "admin",
});

/** The property change an action asks for, or null when the ticket already is that way (or cannot be). */
function changeOf(action: RuleAction, t: TicketRow): UpdateTicketInput | null {
  switch (action.type) {
    case "set_status":
      return action.value !== t.status && canTransition(t.status, action.value) ? { status: action.value } : null;
    case "set_priority":
      return action.value !== t.priority ? { priority: action.value } : null;
    case "set_team":
      return action.value !== t.teamId ? { teamId: action.value } : null;
    case "set_assignee":
      return action.value !== t.assigneeId ? { assigneeId: action.value } : null;
    case "add_tags": {
      const tags = [...new Set([...t.tags, ...action.value])];
      return tags.length !== t.tags.length ? { tags } : null;
    }
    case "remove_tags": {
      const tags = t.tags.filter((tag) => !action.value.includes(tag));
      return tags.length !== t.tags.length ? { tags } : null;
    }
    default:
      return null;
  }
}

/**
 * Carries out one of a rule's actions on a ticket inside the causing transaction. What a rule
 * cannot do (a status the ticket may not take, an assignee deactivated since the rule was written)
 * is skipped, never a failure of the change that set the rule off; the answer says whether anything happened.
 */
export async function applyRuleAction(
  s: OrgTx,
  rule: { name: string },
  ticketId: string,
  action: RuleAction,
): Promise<boolean> {
  const who = { actor: ruleActor(rule), requestId: null, ip: null };
  const ticket = await findTicket(s, ticketId, true);
  if (!ticket || ticket.mergedIntoId) return false;
  if (action.type === "escalate")
    return escalateByRule(s, who, ticket, action, await templateValues(s, ticket), rule.name);
  if (action.type === "notify") return notifyByRule(s, rule.name, ticket, action, await templateValues(s, ticket));
  if (action.type === "require_skills") return requireForTicket(s, who, ticketId, { addSkillIds: action.value });
  if (action.type === "set_language") return requireForTicket(s, who, ticketId, { language: action.value });
  if (action.type === "reply" || action.type === "add_note") {
    const values = await templateValues(s, ticket);
    const locale = localeSchema.safeParse((await findCustomer(s, ticket.requesterId))?.locale ?? ticket.language);
    const text =
      action.type === "reply" && locale.success ? (action.translations[locale.data] ?? action.body) : action.body;
    const written = await addSystemMessage(s, who, ticketId, {
      kind: action.type === "reply" ? "reply" : "note",
      body: renderTemplate(text, values),
    });
    return written !== null;
  }
  const change = changeOf(action, ticket);
  if (!change) return false;
  try {
    const after = await applyChanges(s, ticket, change);
    await recordAudit(s, who, {
      action: "ticket.updated",
      entityType: "ticket",
      entityId: ticketId,
      changes: diff(pick(ticket, change), pick(after, change)),
    });
    return true;
  } catch (err) {
    // Refused before anything was written (an inactive assignee, a deleted team): the rule passes over it.
    if (err instanceof AppError && err.status < 500) return false;
    throw err;
  }
}

function pick(t: TicketRow, change: UpdateTicketInput): Record<string, unknown> {
  return Object.fromEntries(Object.keys(change).map((k) => [k, t[k as keyof TicketRow]]));
}
