export { type ChosenCalendar, calendarForTicket, calendarSpec } from "./calendar-choice";
export { calendarRoutes } from "./calendars.routes";
