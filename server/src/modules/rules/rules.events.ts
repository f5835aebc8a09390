import { domainEvents } from "../../platform/events";
import { ESCALATION_CREATED, type EscalationCreated } from "../escalations";
import { SLA_BREACHED, SLA_WARNING, type SlaAlert } from "../sla";
import {
  TICKET_CHANGED,
  TICKET_CREATED,
  TICKET_MESSAGE_ADDED,
  type TicketChanged,
  type TicketCreated,
  type TicketMessageAdded,
} from "../tickets";
import { runTriggers } from "./rule-engine";

// Triggers run inside the transaction of what set them off: a rule's change commits or rolls back
// with its cause, and a crash in between loses neither.

domainEvents.on<TicketCreated>(TICKET_CREATED, async (s, { ticket }) => {
  await runTriggers(s, "ticket.created", ticket.id, { now: new Date() });
});

domainEvents.on<TicketChanged>(TICKET_CHANGED, async (s, { before, after }) => {
  await runTriggers(s, "ticket.updated", after.id, { before, now: new Date() });
});

domainEvents.on<TicketMessageAdded>(TICKET_MESSAGE_ADDED, async (s, m) => {
  // "Message received" is the customer's: agents' and rules' own messages do not set it off.
  if (m.authorType !== "customer") return;
  await runTriggers(s, "message.received", m.ticketId, {
    message: { body: m.bodyText, authorType: m.authorType },
    now: m.at,
  });
});

// A promise about to be missed, or missed: rules may raise the priority, tell someone, escalate.
domainEvents.on<SlaAlert>(SLA_WARNING, async (s, a) => {
  await runTriggers(s, "sla.warning", a.ticketId, { slaTarget: a.target, now: new Date() });
});

domainEvents.on<SlaAlert>(SLA_BREACHED, async (s, a) => {
  await runTriggers(s, "sla.breached", a.ticketId, { slaTarget: a.target, now: a.dueAt });
});

// Any escalation, an agent's, a customer's or a rule's: rules may tell someone, retag, reprioritise.
domainEvents.on<EscalationCreated>(ESCALATION_CREATED, async (s, e) => {
  await runTriggers(s, "escalation.created", e.ticketId, {
    escalation: { type: e.type, reason: e.reason },
    now: new Date(),
  });
});
