import { type RuleAction, renderTemplate, roleAtLeast, roleSchema, type TemplateValues } from "@frontline/common";
import type { Ctx } from "../../platform/context";
import { AppError } from "../../platform/errors";
import type { OrgTx } from "../../platform/tenancy";
import { escalateTicket } from "../escalations";
import { notifyFromRule } from "../notifications";
import { activeStaff, activeTeamMemberIds } from "../staff";
import type { TicketRow } from "../tickets";

// Actions that reach past the ticket to people: an automatic escalation, a notice in colleagues' bells.

type Who = Pick<Ctx, "actor" | "requestId" | "ip">;
type Escalate = Extract<RuleAction, { type: "escalate" }>;
type Notify = Extract<RuleAction, { type: "notify" }>;

/**
 * Raises an automatic escalation through the escalations module, which raises nothing while the
 * ticket has one open. A named handler who may no longer take it (deactivated, demoted, below the
 * level) leaves it to whoever is on duty; a ticket that cannot be escalated (closed, merged, at the
 * top level) is passed over. Answers whether an escalation was raised.
 */
export async function escalateByRule(
  s: OrgTx,
  who: Who,
  ticket: TicketRow,
  action: Escalate,
  values: TemplateValues,
  ruleName: string,
): Promise<boolean> {
  const raise = async (toUserId: string | null) => {
    const { created } = await escalateTicket(s, who, {
      ticketId: ticket.id,
      type: "automatic",
      reason: action.reason,
      note: action.note ? renderTemplate(action.note, values) : null,
      toUserId,
      ruleName,
    });
    return created;
  };
  try {
    try {
      return await raise(action.toUserId ?? null);
    } catch (err) {
      if (action.toUserId && err instanceof AppError && err.fields?.toUserId) return await raise(null);
      throw err;
    }
  } catch (err) {
    // Refused before anything was written: the rule passes over it, the change that set it off stands.
    if (err instanceof AppError && err.status < 500) return false;
    throw err;
  }
}

/** Who a notice goes to, as ids of colleagues (the notifications module keeps the active ones). */
async function recipientsOf(s: OrgTx, ticket: TicketRow, to: Notify["to"]): Promise<string[]> {
  switch (to) {
    case "assignee":
      return ticket.assigneeId ? [ticket.assigneeId] : [];
    case "team":
      return ticket.teamId ? activeTeamMemberIds(s, ticket.teamId) : [];
    case "supervisors":
      return (await activeStaff(s))
        .filter((p) => roleAtLeast(roleSchema.catch("agent").parse(p.role), "supervisor"))
        .map((p) => p.id);
    default:
      return [to];
  }
}

/** Tells the people a rule names about the ticket, in their bells (and mail). Answers whether anyone was told. */
export async function notifyByRule(
  s: OrgTx,
  ruleName: string,
  ticket: TicketRow,
  action: Notify,
  values: TemplateValues,
): Promise<boolean> {
  const recipientIds = await recipientsOf(s, ticket, action.to);
  if (recipientIds.length === 0) return false;
  const told = await notifyFromRule(s, {
    ruleName,
    ticketId: ticket.id,
    recipientIds,
    text: renderTemplate(action.text, values),
  });
  return told.length > 0;
}
