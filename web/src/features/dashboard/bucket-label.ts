import type { MetricInterval } from "@frontline/common";

const formats = new Map<string, Intl.DateTimeFormat>();

const OPTIONS: Record<MetricInterval | "hourOfDay", Intl.DateTimeFormatOptions> = {
  hourOfDay: { hour: "numeric", minute: "2-digit" },
  hour: { day: "numeric", month: "short", hour: "numeric", minute: "2-digit" },
  day: { day: "numeric", month: "short" },
  week: { day: "numeric", month: "short" },
  month: { month: "short", year: "numeric" },
};

/**
 * A trend bucket's start as its axis label, in the viewer's zone: the time for hours of one day,
 * day and time for hours of several, the day for days and weeks (a week by its Monday), month and year.
 */
export function bucketLabel(
  iso: string,
  interval: MetricInterval,
  locale: string,
  timeZone: string,
  spansDays: boolean,
): string {
  const kind = interval === "hour" && !spansDays ? "hourOfDay" : interval;
  const key = `${locale}|${timeZone}|${kind}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...OPTIONS[kind], timeZone });
    formats.set(key, format);
  }
  return format.format(new Date(iso));
}
