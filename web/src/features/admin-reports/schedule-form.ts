import type {
  CreateReportScheduleInput,
  Locale,
  ReportCadence,
  ReportDashboard,
  ReportPeriod,
  ReportSchedule,
  UpdateReportScheduleInput,
} from "@frontline/common";

/** What the schedule form edits, flat: one input per field. */
export interface ScheduleValues extends Record<string, unknown> {
  name: string;
  dashboard: ReportDashboard;
  period: ReportPeriod;
  cadence: ReportCadence;
  weekday: number;
  dayOfMonth: number;
  hour: number;
  timeZone: string;
  recipientUserIds: string[];
  recipientEmails: string[];
  locale: Locale;
  teamId: string | null;
  channel: string | null;
  active: boolean;
}

/** The form's values for a schedule, or a new one's in the reader's language and zone. */
export function valuesOf(s: ReportSchedule | null, defaults: { locale: Locale; timeZone: string }): ScheduleValues {
  return {
    name: s?.name ?? "",
    dashboard: s?.dashboard ?? "overview",
    period: s?.period ?? "last_week",
    cadence: s?.cadence ?? "weekly",
    weekday: s?.weekday ?? 1,
    dayOfMonth: s?.dayOfMonth ?? 1,
    hour: s?.hour ?? 7,
    timeZone: s?.timeZone ?? defaults.timeZone,
    recipientUserIds: s?.recipientUserIds ?? [],
    recipientEmails: s?.recipientEmails ?? [],
    locale: s?.locale ?? defaults.locale,
    teamId: s?.filters.teamId ?? null,
    channel: s?.filters.channel ?? null,
    active: s?.active ?? true,
  };
}

/** The whole schedule as the API takes it: the day field that belongs to the cadence, the others null. */
export function candidateOf(v: ScheduleValues): CreateReportScheduleInput {
  const { teamId, channel, weekday, dayOfMonth, ...rest } = v;
  return {
    ...rest,
    weekday: v.cadence === "weekly" ? weekday : null,
    dayOfMonth: v.cadence === "monthly" ? dayOfMonth : null,
    filters: {
      ...(teamId ? { teamId } : {}),
      ...(channel ? { channel: channel as CreateReportScheduleInput["filters"]["channel"] } : {}),
    },
  } as CreateReportScheduleInput;
}

/** Only what changed, so a change never rewrites what another manager just set. */
export function changesOf(s: ReportSchedule, v: ScheduleValues): UpdateReportScheduleInput {
  const next = candidateOf(v);
  const before: Record<string, unknown> = { ...s };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) out[key] = value;
  }
  return out as UpdateReportScheduleInput;
}

/** Which input shows a field's message: the filters' own inputs, else the field itself. */
export const fieldOf = (path: string) =>
  path.startsWith("filters.") ? (path.split(".")[1] ?? path) : (path.split(".")[0] ?? path);
