import type { BusinessCalendar } from "@frontline/common";
import type { CalendarRow } from "./calendars.queries";

/** Calendar row (with its teams and customer regions) → API shape. */
export function presentCalendar(r: CalendarRow): BusinessCalendar {
  return {
    id: r.id,
    name: r.name,
    timeZone: r.timeZone,
    hours: r.hours.map(({ day, open, close }) => ({ day, open, close })),
    holidays: r.holidays.map(({ date, name }) => ({ date, name })),
    holidayCountry: r.holidayCountry,
    holidayRegion: r.holidayRegion,
    customerRegions: r.customerRegions,
    isDefault: r.isDefault,
    teamIds: r.teamIds,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
