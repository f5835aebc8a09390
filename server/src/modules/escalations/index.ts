import "./escalations.events";

export { ESCALATION_NOTICE, type EscalationNotice } from "./escalation-notices";
export { escalationRoutes } from "./escalations.routes";
export { type EscalateTicket, escalateTicket } from "./escalations.service";
export { escalationSettingsRoutes } from "./reasons.routes";
export {
  askForSupervisor,
  confirmSupervisorLink,
  LINK_DAYS,
  previewSupervisorLink,
  supervisorRequested,
  supervisorRequestFooter,
} from "./supervisor-requests";
