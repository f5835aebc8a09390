import "./escalations.events";

export { BAD_RATING_REASON } from "./defaults";
export {
  ESCALATION_CHANGED,
  ESCALATION_CREATED,
  ESCALATION_NOTICE,
  type EscalationChanged,
  type EscalationCreated,
  type EscalationNotice,
} from "./escalation-notices";
export { escalationStatus, waitingEscalations } from "./escalations.queries";
export { escalationRoutes } from "./escalations.routes";
export {
  createEscalation,
  type EscalateTicket,
  escalateTicket,
  resolveEscalation,
  takeEscalation,
} from "./escalations.service";
export { withoutOurFooters } from "./link-texts";
export { escalationSettingsRoutes } from "./reasons.routes";
export { findReason, type ReasonRow } from "./reasons.service";
export {
  askForSupervisor,
  confirmSupervisorLink,
  LINK_DAYS,
  previewSupervisorLink,
  supervisorRequested,
  supervisorRequestFooter,
} from "./supervisor-requests";
