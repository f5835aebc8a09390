import type { Locale, ReportSchedule } from "@frontline/common";
import type { reportSchedules } from "./reports.tables";

export type ScheduleRow = typeof reportSchedules.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Schedule row → API shape. */
export function presentSchedule(r: ScheduleRow): ReportSchedule {
  return {
    id: r.id,
    name: r.name,
    dashboard: r.dashboard,
    filters: r.filters,
    period: r.period,
    cadence: r.cadence,
    weekday: r.weekday,
    dayOfMonth: r.dayOfMonth,
    hour: r.hour,
    timeZone: r.timeZone,
    recipientUserIds: r.recipientUserIds,
    recipientEmails: r.recipientEmails,
    locale: r.locale as Locale,
    active: r.active,
    nextRunAt: iso(r.nextRunAt),
    lastSentAt: iso(r.lastSentAt),
    lastError: r.lastError,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
