import { domainEvents } from "../../platform/events";
import { ESCALATION_NOTICE, type EscalationNotice } from "../escalations";
import { TICKET_NOTE_MENTIONED, type TicketNoteMentioned } from "../tickets";
import { notifyEscalation } from "./escalation-notices";
import { notifyMentioned } from "./notifications.service";

// Mentioned colleagues are told in the transaction that stores the note: both commit, or neither.
domainEvents.on<TicketNoteMentioned>(TICKET_NOTE_MENTIONED, notifyMentioned);
// So are the people an escalation's step concerns, in that step's transaction.
domainEvents.on<EscalationNotice>(ESCALATION_NOTICE, notifyEscalation);
