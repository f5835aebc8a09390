import type { ReportSchedule } from "@frontline/common";
import type { TFunction } from "i18next";

/** Monday to Sunday in the reader's language (1 January 2024 was a Monday). */
export function weekdayNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** An hour of the day as the reader writes it ("07:00"). */
export function hourLabel(hour: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(2024, 0, 1, hour)));
}

/** When a schedule sends, in words: "Every Monday at 07:00 (Europe/Bucharest)". */
export function cadenceSummary(s: ReportSchedule, t: TFunction, locale: string): string {
  const hour = hourLabel(s.hour, locale);
  const when =
    s.cadence === "weekly"
      ? t("reports.summary.weekly", { weekday: weekdayNames(locale)[(s.weekday ?? 1) - 1], hour })
      : s.cadence === "monthly"
        ? t("reports.summary.monthly", { day: s.dayOfMonth ?? 1, hour })
        : t("reports.summary.daily", { hour });
  return `${when} (${s.timeZone})`;
}
