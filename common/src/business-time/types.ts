/** Days of the week as calendars name them. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * One opening interval on a weekday, in the calendar's own wall-clock time: "09:00"–"17:30".
 * `close` may be "24:00" (open until midnight); an interval never crosses midnight (a night shift
 * is two intervals, one on each day). A day may have several intervals (split shifts).
 */
export interface OpeningInterval {
  day: Weekday;
  open: string;
  close: string;
}

/**
 * What business-time arithmetic needs of a calendar: its IANA time zone, its weekly opening hours,
 * and the local dates ("YYYY-MM-DD") on which it is closed all day (public holidays, one-off closures).
 */
export interface BusinessCalendarSpec {
  timeZone: string;
  hours: readonly OpeningInterval[];
  closedDates: readonly string[];
}
