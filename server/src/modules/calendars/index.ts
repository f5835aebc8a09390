export { type ChosenCalendar, calendarForTicket, calendarSpec } from "./calendar-choice";
export { calendarRoutes } from "./calendars.routes";
export { createCalendar } from "./calendars.service";
export { setTeamCalendar } from "./team-calendars";
