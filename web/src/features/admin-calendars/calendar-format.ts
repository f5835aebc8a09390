import { WEEKDAYS, type Weekday } from "@frontline/common";

const cache = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    cache.set(key, f);
  }
  return f;
}

/** A weekday named in the reader's language ("Monday", "Montag", "الاثنين"); 1 January 2024 was a Monday. */
export function weekdayName(day: Weekday, locale: string, style: "long" | "short" = "long"): string {
  return format(locale, { weekday: style }).format(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
}

/** A calendar date ("YYYY-MM-DD", no time zone) with its weekday, in the reader's language. */
export function formatCalendarDate(date: string, locale: string): string {
  return format(locale, { weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
