export { assignedInTeams, assigneeLoads, assignTicket, type QueueOptions, teamQueue } from "./assignment";
export { downloadHeaders } from "./attachment-rules";
export { attachmentRoutes } from "./attachments.routes";
export { messageFiles, storeMessageFiles } from "./attachments.service";
export {
  addCustomerMessage,
  type CheckedFile,
  checkCustomerFiles,
  type PublicMessageRow,
  publicMessages,
  requesterAttachment,
  requesterTickets,
  storeCustomerFiles,
  ticketNumbers,
} from "./customer-side";
export { latestTouchedTickets, type TeamChannelCounts, teamFloorCounts } from "./floor";
export {
  addStaffMessage,
  findMessage,
  insertMessage,
  type MessageRow,
  mergeMessageMeta,
  type NewMessage,
  TICKET_REPLY_ADDED,
  type TicketReplyAdded,
  threadMailIds,
} from "./messages.service";
export { TICKET_NOTE_MENTIONED, type TicketNoteMentioned } from "./note-mentions";
export { addSystemMessage } from "./system-messages";
export { applyChanges, changedFields, setEscalationLevel } from "./ticket-changes";
export {
  TICKET_CHANGED,
  TICKET_CREATED,
  TICKET_MESSAGE_ADDED,
  type TicketChanged,
  type TicketCreated,
  type TicketMessageAdded,
} from "./ticket-events";
export { MARK_END, MARK_START, type MessageHit, searchMessages, searchTickets, type TicketHit } from "./ticket-search";
export { presentMessage, presentTicket } from "./tickets.present";
export {
  findTicket,
  liveTicketIds,
  requesterTicketCounts,
  setSlaSummary,
  type TicketRow,
  ticketByNumber,
  ticketsByIds,
} from "./tickets.queries";
export { ticketRoutes } from "./tickets.routes";
export { createTicket, type OpenTicket, openTicket, updateTicket } from "./tickets.service";
export { messages, tickets } from "./tickets.tables";
export { viewRoutes } from "./views.routes";
export { createView } from "./views.service";
