import {
  type BusinessCalendar,
  businessCalendarListSchema,
  businessCalendarSchema,
  type ClosedDay,
  type CreateBusinessCalendarInput,
  closedDayListSchema,
  type HolidayCountry,
  holidayCountryListSchema,
  one,
  teamCalendarSchema,
  type UpdateBusinessCalendarInput,
} from "@frontline/common";
import { apiDelete, apiGet, apiPatch, apiPost, apiPut } from "./client";

const PATH = "/business-calendars";
const calendarResponse = one(businessCalendarSchema);

/** Every business calendar of the organisation, by name. */
export async function listCalendars(signal?: AbortSignal): Promise<BusinessCalendar[]> {
  return (await apiGet(PATH, businessCalendarListSchema, undefined, signal)).data;
}

/** Creates a calendar (admin only); the organisation's first becomes its default. */
export async function createCalendar(input: CreateBusinessCalendarInput): Promise<BusinessCalendar> {
  return (await apiPost(PATH, input, calendarResponse)).data;
}

/** Changes a calendar, or makes it the default with `isDefault: true` (admin only). */
export async function updateCalendar(id: string, input: UpdateBusinessCalendarInput): Promise<BusinessCalendar> {
  return (await apiPatch(`${PATH}/${encodeURIComponent(id)}`, input, calendarResponse)).data;
}

/** Deletes a calendar no team uses (admin only). */
export function deleteCalendar(id: string): Promise<void> {
  return apiDelete(`${PATH}/${encodeURIComponent(id)}`);
}

/** The days a calendar is closed between two dates, named in the interface language where known. */
export async function listClosedDays(id: string, from: string, to: string, signal?: AbortSignal): Promise<ClosedDay[]> {
  return (await apiGet(`${PATH}/${encodeURIComponent(id)}/closed-days`, closedDayListSchema, { from, to }, signal))
    .data;
}

/** Countries with public holidays, and their regions, named in the interface language. */
export async function listHolidayCountries(signal?: AbortSignal): Promise<HolidayCountry[]> {
  return (await apiGet("/holiday-countries", holidayCountryListSchema, undefined, signal)).data;
}

/** Sets or clears the calendar a team's tickets are counted in (admin only). */
export async function setTeamCalendar(teamId: string, calendarId: string | null) {
  return (await apiPut(`/teams/${encodeURIComponent(teamId)}/calendar`, { calendarId }, one(teamCalendarSchema))).data;
}
