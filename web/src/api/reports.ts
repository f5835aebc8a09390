import {
  type CreateReportScheduleInput,
  one,
  pageOf,
  type ReportSchedule,
  reportScheduleSchema,
  type UpdateReportScheduleInput,
} from "@frontline/common";
import { apiDelete, apiGet, apiPatch, apiPost } from "./client";

const PATH = "/report-schedules";
const scheduleResponse = one(reportScheduleSchema);
// A plain list ({data}): an organisation has a handful of scheduled reports.
const scheduleList = pageOf(reportScheduleSchema).pick({ data: true });
const at = (id: string) => `${PATH}/${encodeURIComponent(id)}`;

/** Every scheduled report, by name (managers and admins). */
export async function listReportSchedules(signal?: AbortSignal): Promise<ReportSchedule[]> {
  return (await apiGet(PATH, scheduleList, undefined, signal)).data;
}

/** Schedules a report; it reports what its creator may see. */
export async function createReportSchedule(input: CreateReportScheduleInput): Promise<ReportSchedule> {
  return (await apiPost(PATH, input, scheduleResponse)).data;
}

/** Changes a scheduled report. */
export async function updateReportSchedule(id: string, input: UpdateReportScheduleInput): Promise<ReportSchedule> {
  return (await apiPatch(at(id), input, scheduleResponse)).data;
}

/** Deletes a scheduled report. */
export function deleteReportSchedule(id: string): Promise<void> {
  return apiDelete(at(id));
}

/** Queues the report now; its last sending or error shows the outcome. */
export async function sendReportNow(id: string): Promise<ReportSchedule> {
  return (await apiPost(`${at(id)}/send-now`, undefined, scheduleResponse)).data;
}
