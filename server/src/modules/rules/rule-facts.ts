import {
  type EscalationType,
  type FactValue,
  isOpen,
  type RuleEvent,
  type RuleFacts,
  type RuleField,
  readsNegative,
  type TemplateValues,
} from "@frontline/common";
import type { OrgTx } from "../../platform/tenancy";
import { calendarForTicket } from "../calendars";
import { type CustomerRow, findCustomer } from "../customers";
import { withoutOurFooters } from "../escalations";
import { currentOrganization } from "../orgs";
import { findUser } from "../staff";
import { requesterTicketCounts, type TicketRow } from "../tickets";

/**
 * What happened, beyond the ticket itself: the message that came, what changed, the SLA target at
 * stake, the escalation just raised.
 */
export interface RuleOccasion {
  event: RuleEvent | "automation";
  message?: { body: string; authorType: "user" | "customer" | "system" };
  before?: TicketRow;
  slaTarget?: string;
  escalation?: { type: EscalationType; reason: string };
  now: Date;
}

// Ticket columns and the rule fields that name them.
const TICKET_FIELDS: Partial<Record<RuleField, (t: TicketRow) => FactValue>> = {
  status: (t) => t.status,
  priority: (t) => t.priority,
  channel: (t) => t.channel,
  team: (t) => t.teamId,
  assignee: (t) => t.assigneeId,
  language: (t) => t.language,
  tags: (t) => t.tags,
  subject: (t) => t.subject,
  escalation_level: (t) => t.escalationLevel,
};

const hoursBetween = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 3_600_000);

/**
 * The facts a rule is checked against, computed from the ticket as it is now and what happened;
 * the requester's other tickets are counted over each window (in days) in `windows`.
 */
export async function ruleFacts(
  s: OrgTx,
  ticket: TicketRow,
  occasion: RuleOccasion,
  windows: readonly number[] = [],
): Promise<RuleFacts> {
  const customer = await findCustomer(s, ticket.requesterId);
  const values: RuleFacts["values"] = {
    requester_email: customer?.email ?? null,
    customer_vip: customer?.vip ?? false,
    customer_company: customer?.companyId ?? null,
    hours_since_created: hoursBetween(ticket.createdAt, occasion.now),
    hours_since_updated: hoursBetween(ticket.updatedAt, occasion.now),
  };
  for (const [field, read] of Object.entries(TICKET_FIELDS)) values[field as RuleField] = read!(ticket);
  if (occasion.message) {
    values.message_body = occasion.message.body;
    values.message_author = occasion.message.authorType === "user" ? "agent" : occasion.message.authorType;
    // Our own footers, quoted back without quote marks, ask "Not happy with how this is going?".
    values.message_negative = readsNegative(withoutOurFooters(occasion.message.body));
  }
  if (occasion.slaTarget) values.sla_target = occasion.slaTarget;
  if (occasion.escalation) {
    values.escalation_type = occasion.escalation.type;
    values.escalation_reason = occasion.escalation.reason;
  }
  // Open now in the ticket's calendar (team, customer's region, default); without one, always open.
  const calendar = await calendarForTicket(
    s,
    { teamId: ticket.teamId, customerTimeZone: customer?.timeZone ?? null },
    occasion.now,
  );
  values.within_business_hours = calendar ? isOpen(calendar.spec, occasion.now) : true;
  const facts: RuleFacts = { values };
  if (windows.length > 0) {
    facts.recentTickets = await requesterTicketCounts(s, ticket.requesterId, ticket.id, occasion.now, windows);
  }
  if (occasion.before) {
    const before = occasion.before;
    const changes: NonNullable<RuleFacts["changes"]> = {};
    for (const [field, read] of Object.entries(TICKET_FIELDS)) {
      const was = read!(before);
      if (JSON.stringify(was) !== JSON.stringify(read!(ticket))) changes[field as RuleField] = was;
    }
    facts.changes = changes;
  }
  return facts;
}

/** The values a rule's texts may name, for this ticket. */
export async function templateValues(s: OrgTx, ticket: TicketRow): Promise<TemplateValues> {
  const customer: CustomerRow | undefined = await findCustomer(s, ticket.requesterId);
  const assignee = ticket.assigneeId ? await findUser(s, ticket.assigneeId) : undefined;
  const org = await currentOrganization(s);
  const name = customer?.name ?? "";
  return {
    "ticket.number": String(ticket.number),
    "ticket.subject": ticket.subject,
    "ticket.status": ticket.status,
    "ticket.priority": ticket.priority,
    "customer.name": name,
    "customer.first_name": name.split(/\s+/)[0] ?? "",
    "customer.email": customer?.email ?? "",
    "assignee.name": assignee?.name ?? "",
    "organization.name": org?.name ?? "",
  };
}
