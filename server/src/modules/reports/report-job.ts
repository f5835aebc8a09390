import { type Locale, localeSchema } from "@frontline/common";
import { and, eq } from "drizzle-orm";
import type { Ctx, Deps } from "../../platform/context";
import { enqueueJob, enqueueJobOnce, type JobHandler } from "../../platform/jobs";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import type { MailTransport } from "../channels";
import { findUser } from "../staff";
import { buildReport, reportMail } from "./report-mail";
import { mayReportAs } from "./reports.policy";
import type { ScheduleRow } from "./reports.present";
import { reportSchedules } from "./reports.tables";
import { nextRunAfter, periodOf, type Timing } from "./schedule-time";
import { DELIVER_ATTEMPTS, DELIVER_REPORT, findSchedule, RUN_REPORT } from "./schedules.service";

const STOPPED = "Stopped: its creator is no longer an active manager or admin, so it may not report as them";
const NO_RELAY = "Not sent: no mail relay is configured (SMTP_URL)";

const setOutcome = (s: OrgTx, id: string, set: Partial<ScheduleRow>) =>
  s.tx
    .update(reportSchedules)
    .set(set)
    .where(and(eq(reportSchedules.orgId, s.orgId), eq(reportSchedules.id, id)));

/**
 * A schedule's run is due: plan the one after it and queue this one's delivery, in one transaction,
 * so a failed delivery never stops the schedule. A job for another time than the schedule's next run
 * (it was changed, paused or deleted since) does nothing.
 */
export const runScheduleHandler: JobHandler = async (ctx, payload, _job, now) => {
  const { scheduleId, runAt } = payload as { scheduleId: string; runAt: string };
  await inOrg(ctx.database, ctx.orgId, async (s) => {
    const row = await findSchedule(s, scheduleId);
    if (!row?.active || row.nextRunAt?.toISOString() !== runAt) return;
    // After a pause of the whole process, one report for the latest run, not a backlog of them.
    const next = nextRunAfter(row as Timing, new Date(Math.max(now.getTime(), Date.parse(runAt))));
    await setOutcome(s, scheduleId, { nextRunAt: next });
    await enqueueJobOnce(s, RUN_REPORT, { scheduleId, runAt: next.toISOString() }, { runAt: next });
    await enqueueJob(s, DELIVER_REPORT, { scheduleId, at: runAt, manual: false }, { maxAttempts: DELIVER_ATTEMPTS });
  });
};

/** Stops a schedule whose creator may no longer report: paused, with the reason in last_error. */
async function stop(ctx: Ctx, row: ScheduleRow): Promise<void> {
  await inOrg(ctx.database, ctx.orgId, async (s) => {
    await setOutcome(s, row.id, { active: false, nextRunAt: null, lastError: STOPPED, updatedAt: new Date() });
    await recordAudit(s, ctx, {
      action: "report_schedule.stopped",
      entityType: "report_schedule",
      entityId: row.id,
      changes: { active: [true, false] },
    });
  });
}

/**
 * Builds the report of a schedule as its creator sees the numbers (their role's scope) for the
 * period ending at `at`, and mails the PDF and CSV to its recipients. A failure is kept in
 * last_error and retried; a creator who left or was demoted stops the schedule.
 */
export function deliverReportHandler(deps: Deps, transport: MailTransport | undefined): JobHandler {
  return async (ctx, payload, job, now) => {
    const { scheduleId, at, manual } = payload as { scheduleId: string; at: string; manual: boolean };
    const found = await inOrg(ctx.database, ctx.orgId, async (s) => {
      const row = await findSchedule(s, scheduleId);
      return row ? { row, creator: row.createdBy ? await findUser(s, row.createdBy) : undefined } : undefined;
    });
    if (!found || (!manual && !found.row.active)) return;
    const { row, creator } = found;
    if (!mayReportAs(creator)) return stop(ctx, row);
    if (!transport) {
      await inOrg(ctx.database, ctx.orgId, (s) => setOutcome(s, row.id, { lastError: NO_RELAY }));
      return;
    }
    try {
      const asCreator: Ctx = {
        ...ctx,
        actor: { type: "user", userId: creator!.id, name: creator!.name, role: creator!.role },
      };
      const period = periodOf(row.period, new Date(at), row.timeZone);
      const report = await buildReport(asCreator, row, period, now);
      if (report.recipients.length === 0) {
        await inOrg(ctx.database, ctx.orgId, (s) =>
          setOutcome(s, row.id, { lastError: "Not sent: no recipient left" }),
        );
        return;
      }
      const locale: Locale = localeSchema.safeParse(row.locale).data ?? "en";
      await transport.send(reportMail(deps, report, locale));
      await inOrg(ctx.database, ctx.orgId, (s) => setOutcome(s, row.id, { lastSentAt: now, lastError: null }));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const attempt = `${job.attempts}/${job.maxAttempts}`;
      await inOrg(ctx.database, ctx.orgId, (s) =>
        setOutcome(s, row.id, { lastError: `Not sent (attempt ${attempt}): ${message}`.slice(0, 500) }),
      );
      throw err;
    }
  };
}
