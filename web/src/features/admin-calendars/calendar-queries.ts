import { queryOptions } from "@tanstack/react-query";
import { listCalendars, listClosedDays, listHolidayCountries } from "../../api/calendars";
import { queryKeys } from "../../api/query-keys";

/** Every calendar, with its teams: the page and the team pickers read this one list. */
export const calendarsQuery = queryOptions({
  queryKey: queryKeys.calendars.all,
  queryFn: ({ signal }) => listCalendars(signal),
});

/** Countries with public holidays change only with a new library version: fetched once per language. */
export const holidayCountriesQuery = (language: string) =>
  queryOptions({
    queryKey: queryKeys.calendars.countries(language),
    queryFn: ({ signal }) => listHolidayCountries(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** A calendar's closed days in a range, named in the reader's language. */
export const closedDaysQuery = (id: string, from: string, to: string, language: string) =>
  queryOptions({
    queryKey: queryKeys.calendars.closedDays(id, from, to, language),
    queryFn: ({ signal }) => listClosedDays(id, from, to, signal),
    staleTime: 5 * 60_000,
  });
