import type { Deps } from "../../platform/context";
import type { JobRunner } from "../../platform/jobs";
import type { MailTransport } from "../channels";
import { deliverReportHandler, runScheduleHandler } from "./report-job";
import { DELIVER_REPORT, RUN_REPORT } from "./schedules.service";

export { exportRoutes } from "./export.routes";
export { scheduleRoutes } from "./schedules.routes";
export { DELIVER_REPORT, RUN_REPORT } from "./schedules.service";

/**
 * Registers scheduled reports' jobs. Without a relay (`SMTP_URL` unset) a due report is not sent
 * and says so in last_error; the schedule goes on, and a relay set later sends the next one.
 */
export function registerReportJobs(runner: JobRunner, deps: Deps, transport?: MailTransport): void {
  runner.register(RUN_REPORT, runScheduleHandler);
  runner.register(DELIVER_REPORT, deliverReportHandler(deps, transport));
}
