import { domainEvents } from "../../platform/events";
import { TICKET_CHANGED, type TicketChanged } from "../tickets";
import { scheduleSurvey } from "./scheduling";

// Solving a ticket schedules its survey in the same transaction, so the survey exists exactly when
// the solve commits.
domainEvents.on<TicketChanged>(TICKET_CHANGED, async (s, { before, after }) => {
  if (before.status !== "solved" && after.status === "solved" && !after.mergedIntoId) await scheduleSurvey(s, after);
});
