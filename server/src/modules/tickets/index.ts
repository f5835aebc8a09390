export { insertMessage, type NewMessage } from "./messages.service";
export { findTicket, type TicketRow } from "./tickets.queries";
export { ticketRoutes } from "./tickets.routes";
export { messages, tickets } from "./tickets.tables";
