import { domainEvents } from "../../platform/events";
import { TICKET_NOTE_MENTIONED, type TicketNoteMentioned } from "../tickets";
import { notifyMentioned } from "./notifications.service";

// Mentioned colleagues are told in the transaction that stores the note: both commit, or neither.
domainEvents.on<TicketNoteMentioned>(TICKET_NOTE_MENTIONED, notifyMentioned);
