import type { BusinessCalendarSpec, ClosedDay, CustomHoliday, Locale, OpeningInterval } from "@frontline/common";
import { publicClosures } from "./public-holidays";

/** What deciding a calendar's closed days needs of it. */
export interface ClosingRules {
  timeZone: string;
  hours: OpeningInterval[];
  holidays: CustomHoliday[];
  holidayCountry: string | null;
  holidayRegion: string | null;
}

/**
 * Every day from `from` to `to` (inclusive) the calendar is closed all day, in date order: its own
 * closed days, and the public holidays of its country. A day that is both is shown once, as the
 * organisation named it.
 */
export function closedDaysOf(rules: ClosingRules, from: string, to: string, lang: Locale | null = null): ClosedDay[] {
  const days = new Map<string, ClosedDay>();
  if (rules.holidayCountry) {
    for (const c of publicClosures(rules.holidayCountry, rules.holidayRegion, from, to, lang)) {
      days.set(c.date, { date: c.date, name: c.name, source: "public_holiday" });
    }
  }
  for (const h of rules.holidays) {
    if (h.date >= from && h.date <= to) days.set(h.date, { date: h.date, name: h.name, source: "custom" });
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** How far back and ahead of today a spec lists closed days: enough for any SLA target and report. */
export const SPEC_WINDOW = { yearsBack: 1, yearsAhead: 2 } as const;

// Making a formatter costs far more than using one; zones are few.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    if (dateFormats.size < 1_000) dateFormats.set(timeZone, format);
  }
  return format;
}

/** Today's date in `timeZone`, as "YYYY-MM-DD". */
export function localDate(now: Date, timeZone: string): string {
  const parts = dateFormatIn(timeZone)
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => Object.assign(acc, { [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** "YYYY-MM-DD" moved by whole years, keeping the day (29 February becomes 28 February). */
function shiftYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return date.slice(5) === "02-29" && !leap ? `${year}-02-28` : `${year}${date.slice(4)}`;
}

/**
 * The calendar as business-time arithmetic takes it. `closedDates` runs from one year before
 * today (in the calendar's zone) to two years after: clocks started a year ago and targets set two
 * years out both land inside it.
 */
export function specOf(rules: ClosingRules, now: Date): BusinessCalendarSpec {
  const today = localDate(now, rules.timeZone);
  const from = shiftYears(today, -SPEC_WINDOW.yearsBack);
  const to = shiftYears(today, SPEC_WINDOW.yearsAhead);
  return {
    timeZone: rules.timeZone,
    hours: rules.hours,
    closedDates: closedDaysOf(rules, from, to).map((d) => d.date),
  };
}
