export {
  findMessage,
  insertMessage,
  type MessageRow,
  mergeMessageMeta,
  type NewMessage,
  TICKET_REPLY_ADDED,
  type TicketReplyAdded,
  threadMailIds,
} from "./messages.service";
export { findTicket, type TicketRow } from "./tickets.queries";
export { ticketRoutes } from "./tickets.routes";
export { messages, tickets } from "./tickets.tables";
