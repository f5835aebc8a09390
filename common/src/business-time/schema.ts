import { z } from "zod";
import { WEEKDAYS } from "./types";
import { epochDay, namedTimeZone } from "./zone";

/** Most intervals a calendar holds (ten a day) and most closed dates (holidays for decades). */
export const MAX_OPENING_INTERVALS = 70;
export const MAX_CLOSED_DATES = 5_000;

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** A wall-clock time "HH:MM" from 00:00 to 24:00. */
export const wallClockTimeSchema = z.string().regex(HHMM, "Expected a time as HH:MM, from 00:00 to 24:00");

/** A real local date "YYYY-MM-DD". */
export const localDateSchema = z
  .string()
  .refine((s) => epochDay(s) !== null, { message: "Expected a real date as YYYY-MM-DD" });

/** A named IANA time zone ("Europe/Bucharest"), given back in its canonical spelling. */
export const businessTimeZoneSchema = z.string().transform((zone, ctx) => {
  const named = namedTimeZone(zone);
  if (named === null) {
    ctx.addIssue({ code: "custom", message: "Unknown IANA time zone (a region such as Europe/Bucharest)" });
    return z.NEVER;
  }
  return named;
});

export const openingIntervalSchema = z
  .strictObject({ day: z.enum(WEEKDAYS), open: wallClockTimeSchema, close: wallClockTimeSchema })
  .refine((h) => !HHMM.test(h.open) || !HHMM.test(h.close) || h.open < h.close, {
    path: ["close"],
    message: "Must be later than the opening time",
  });

/** A day's intervals may touch ("09:00–12:00" and "12:00–13:00") but not overlap. */
const weeklyHoursSchema = z
  .array(openingIntervalSchema)
  .max(MAX_OPENING_INTERVALS)
  .superRefine((hours, ctx) => {
    // Intervals already refused for their own fields are not compared.
    const sound = (h: { open: string; close: string }) => HHMM.test(h.open) && HHMM.test(h.close) && h.open < h.close;
    for (const [i, a] of hours.entries()) {
      if (!sound(a)) continue;
      const earlier = hours.findIndex(
        (b, j) => j < i && sound(b) && b.day === a.day && a.open < b.close && b.open < a.close,
      );
      if (earlier < 0) continue;
      const b = hours[earlier]!;
      ctx.addIssue({ code: "custom", path: [i], message: `Overlaps ${b.day} ${b.open}–${b.close} (hours.${earlier})` });
    }
  });

/** The zod schema of a `BusinessCalendarSpec`, for APIs that accept one. */
export const businessCalendarSpecSchema = z.strictObject({
  timeZone: businessTimeZoneSchema,
  hours: weeklyHoursSchema,
  closedDates: z.array(localDateSchema).max(MAX_CLOSED_DATES),
});

/**
 * Checks a calendar spec: field path ("timeZone", "hours.2.close", "closedDates.0") → messages;
 * empty when the spec is valid. Unknown fields are named as such.
 */
export function checkCalendarSpec(spec: unknown): Record<string, string[]> {
  const parsed = businessCalendarSpecSchema.safeParse(spec);
  const errors: Record<string, string[]> = {};
  if (parsed.success) return errors;
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add([...issue.path, key].join("."), "Unknown field");
    } else {
      add(issue.path.length ? issue.path.join(".") : "calendar", issue.message);
    }
  }
  return errors;
}
