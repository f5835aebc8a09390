import {
  customHolidaysSchema,
  type OpeningInterval,
  WEEKDAYS,
  type Weekday,
  weeklyHoursSchema,
} from "@frontline/common";

/** One interval of a day, as the editor holds it. */
export interface TimeRange {
  open: string;
  close: string;
}

/** The weekly hours by day; a day without intervals is closed. */
export type Week = Record<Weekday, TimeRange[]>;

/** The weekdays Monday to Friday, which "copy Monday" fills. */
export const WORKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri"];

/** A new calendar's hours: Monday to Friday, 09:00–17:00. */
export function defaultWeek(): Week {
  return weekOf(WORKDAYS.map((day) => ({ day, open: "09:00", close: "17:00" })));
}

/** The API's flat list of intervals → hours by day. */
export function weekOf(hours: readonly OpeningInterval[]): Week {
  const week = Object.fromEntries(WEEKDAYS.map((day) => [day, [] as TimeRange[]])) as Week;
  for (const { day, open, close } of hours) week[day].push({ open, close });
  return week;
}

/** Hours by day → the API's flat list, and for each entry the day and position it came from. */
export function intervalsOf(week: Week): { hours: OpeningInterval[]; at: [Weekday, number][] } {
  const hours: OpeningInterval[] = [];
  const at: [Weekday, number][] = [];
  for (const day of WEEKDAYS) {
    week[day].forEach(({ open, close }, i) => {
      hours.push({ day, open, close });
      at.push([day, i]);
    });
  }
  return { hours, at };
}

/** Tuesday to Friday get Monday's intervals (weekend days keep theirs). */
export function copyMondayToWeekdays(week: Week): Week {
  const next = { ...week };
  for (const day of WORKDAYS.slice(1)) next[day] = week.mon.map((range) => ({ ...range }));
  return next;
}

/** What is wrong with one time or one day: shown beside it in the reader's language. */
export type HoursProblem = "format" | "order" | "overlap";

/**
 * The problems of the week as the server would see them, keyed "mon.0.open" (an input) or "week"
 * (never open).
 */
export function hoursProblems(week: Week): Record<string, HoursProblem | "empty"> {
  const { hours, at } = intervalsOf(week);
  const result = weeklyHoursSchema.safeParse(hours);
  if (result.success) return {};
  const problems: Record<string, HoursProblem | "empty"> = {};
  for (const issue of result.error.issues) {
    const [index, field] = issue.path;
    const place = typeof index === "number" ? at[index] : undefined;
    if (!place || (field !== "open" && field !== "close")) {
      problems.week = "empty";
      continue;
    }
    const key = `${place[0]}.${place[1]}.${field}`;
    if (issue.code !== "custom") problems[key] ??= "format";
    else problems[key] ??= field === "close" ? "order" : "overlap";
  }
  return problems;
}

/** A closed day as the editor holds it. */
export interface ClosedDateRow {
  date: string;
  name: string;
}

/** What is wrong with a closed day's date or name, keyed "0.date" or "0.name". */
export function closedDateProblems(rows: ClosedDateRow[]): Record<string, "date" | "twice" | "name"> {
  const result = customHolidaysSchema.safeParse(rows);
  if (result.success) return {};
  const problems: Record<string, "date" | "twice" | "name"> = {};
  for (const issue of result.error.issues) {
    const [index, field] = issue.path;
    if (typeof index !== "number") continue;
    if (field === "name") problems[`${index}.name`] ??= "name";
    else if (field === "date") problems[`${index}.date`] ??= issue.message === "Listed twice" ? "twice" : "date";
  }
  return problems;
}

/** The date in `timeZone` today, and the same day a year later, as "YYYY-MM-DD". */
export function yearAhead(now: Date, timeZone: string): { from: string; to: string } {
  let from: string;
  try {
    from = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
      now,
    );
  } catch {
    from = now.toISOString().slice(0, 10);
  }
  const year = Number(from.slice(0, 4)) + 1;
  const rest = from.slice(4);
  // 29 February a year on is 28 February: the range stays within the server's limit.
  return { from, to: rest === "-02-29" ? `${year}-02-28` : `${year}${rest}` };
}

/**
 * Tidies a typed time on leaving the input: "9" → "09:00", "930" → "09:30", "9:5" stays as typed
 * (the check then names it). Anything else is left for the check.
 */
export function tidyTime(typed: string): string {
  const value = typed.trim().replace(".", ":");
  const digits = /^(\d{1,2})$/.exec(value);
  if (digits) return `${digits[1]!.padStart(2, "0")}:00`;
  const compact = /^(\d{1,2})(\d{2})$/.exec(value);
  if (compact) return `${compact[1]!.padStart(2, "0")}:${compact[2]}`;
  const colon = /^(\d):(\d{2})$/.exec(value);
  if (colon) return `0${colon[1]}:${colon[2]}`;
  return value;
}
