import {
  type CreateReportScheduleInput,
  type ReportFilters,
  scheduleIssues,
  type UpdateReportScheduleInput,
} from "@frontline/common";
import { and, asc, eq } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { AppError, type FieldErrors, notFound } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { enqueueJob, enqueueJobOnce } from "../../platform/jobs";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { diff, recordAudit } from "../audit";
import { activeStaff, existingTeamIds } from "../staff";
import type { ScheduleRow } from "./reports.present";
import { reportSchedules } from "./reports.tables";
import { nextRunAfter, type Timing } from "./schedule-time";

/** Waits for a schedule's next run: advances it and queues its delivery (report-job.ts). */
export const RUN_REPORT = "reports.run_schedule";
/** Builds and mails one report; retried while the mail relay fails. */
export const DELIVER_REPORT = "reports.deliver";
/** About 20 minutes of retries (10 s doubling): a report that late is still worth sending. */
export const DELIVER_ATTEMPTS = 8;

const TIMING_FIELDS = ["cadence", "weekday", "dayOfMonth", "hour", "timeZone"] as const;

/** Refuses recipients who are not active colleagues and a team the organisation does not have (422). */
async function checkReferences(s: OrgTx, recipientUserIds: string[], filters: ReportFilters): Promise<void> {
  const errors: FieldErrors = {};
  const active = new Set((await activeStaff(s, recipientUserIds)).map((u) => u.id));
  recipientUserIds.forEach((id, i) => {
    if (!active.has(id)) errors[`recipientUserIds.${i}`] = ["Unknown or inactive user"];
  });
  if (filters.teamId && !(await existingTeamIds(s, [filters.teamId])).has(filters.teamId)) {
    errors["filters.teamId"] = ["Unknown team"];
  }
  if (Object.keys(errors).length) throw new AppError("unprocessable", "A schedule names what does not exist", errors);
}

/** Sets the schedule's next run from `now` (none while paused) and queues the job that waits for it. */
async function planNextRun(s: OrgTx, row: ScheduleRow, now: Date): Promise<ScheduleRow> {
  const next = row.active ? nextRunAfter(row as Timing, now) : null;
  const [planned] = await s.tx
    .update(reportSchedules)
    .set({ nextRunAt: next })
    .where(and(eq(reportSchedules.orgId, s.orgId), eq(reportSchedules.id, row.id)))
    .returning();
  if (next) await enqueueJobOnce(s, RUN_REPORT, { scheduleId: row.id, runAt: next.toISOString() }, { runAt: next });
  return planned!;
}

export async function findSchedule(s: OrgTx, id: string): Promise<ScheduleRow | undefined> {
  const [row] = await s.tx
    .select()
    .from(reportSchedules)
    .where(and(eq(reportSchedules.orgId, s.orgId), eq(reportSchedules.id, id)));
  return row;
}

async function mustFind(s: OrgTx, id: string): Promise<ScheduleRow> {
  const row = await findSchedule(s, id);
  if (!row) throw notFound("Report schedule");
  return row;
}

/** The organisation's scheduled reports by name. */
export async function listSchedules(ctx: Ctx): Promise<ScheduleRow[]> {
  return inOrg(ctx.database, ctx.orgId, (s) =>
    s.tx
      .select()
      .from(reportSchedules)
      .where(eq(reportSchedules.orgId, s.orgId))
      .orderBy(asc(reportSchedules.name), asc(reportSchedules.id)),
  );
}

/** One schedule; 404 when unknown or foreign. */
export async function getSchedule(ctx: Ctx, id: string): Promise<ScheduleRow> {
  return inOrg(ctx.database, ctx.orgId, (s) => mustFind(s, id));
}

/** Adds a schedule that reports what its creator may see, and plans its first run. */
export async function createSchedule(ctx: Ctx, input: CreateReportScheduleInput, now = new Date()) {
  const createdBy = ctx.actor.userId;
  if (!createdBy) throw new AppError("forbidden", "A scheduled report runs as a person: sign in as one");
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    await checkReferences(s, input.recipientUserIds, input.filters);
    const [row] = await s.tx
      .insert(reportSchedules)
      .values({ orgId: s.orgId, id: newId(), ...input, createdBy })
      .returning();
    await recordAudit(s, ctx, {
      action: "report_schedule.created",
      entityType: "report_schedule",
      entityId: row!.id,
      changes: { name: [null, row!.name], recipients: [null, [...row!.recipientUserIds, ...row!.recipientEmails]] },
    });
    return planNextRun(s, row!, now);
  });
}

/** Changes a schedule; a new time or a resumed one plans the next run again. */
export async function updateSchedule(ctx: Ctx, id: string, input: UpdateReportScheduleInput, now = new Date()) {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const before = await mustFind(s, id);
    const merged = { ...before, ...input };
    const issues = scheduleIssues(merged);
    if (issues.length) {
      const fields: FieldErrors = {};
      for (const i of issues) fields[i.path] = [...(fields[i.path] ?? []), i.message];
      throw new AppError("validation_failed", `Invalid value for ${Object.keys(fields).join(", ")}`, fields);
    }
    await checkReferences(s, input.recipientUserIds ?? [], input.filters ?? {});
    const [after] = await s.tx
      .update(reportSchedules)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(reportSchedules.orgId, s.orgId), eq(reportSchedules.id, id)))
      .returning();
    const { createdAt: _a, updatedAt: _b, nextRunAt: _c, ...was } = before;
    const { createdAt: _d, updatedAt: _e, nextRunAt: _f, ...now_ } = after!;
    await recordAudit(s, ctx, {
      action: "report_schedule.updated",
      entityType: "report_schedule",
      entityId: id,
      changes: diff(was, now_),
    });
    const retimed = TIMING_FIELDS.some((f) => input[f] !== undefined && input[f] !== before[f]);
    const resumed = after!.active && !before.active;
    return retimed || resumed || !after!.active ? planNextRun(s, after!, now) : after!;
  });
}

/** Deletes a schedule; its waiting job finds nothing and does nothing. */
export async function deleteSchedule(ctx: Ctx, id: string): Promise<void> {
  await inOrg(ctx.database, ctx.orgId, async (s) => {
    const before = await mustFind(s, id);
    await s.tx.delete(reportSchedules).where(and(eq(reportSchedules.orgId, s.orgId), eq(reportSchedules.id, id)));
    await recordAudit(s, ctx, {
      action: "report_schedule.deleted",
      entityType: "report_schedule",
      entityId: id,
      changes: { name: [before.name, null] },
    });
  });
}

/** Queues the report for the period as of now, whatever the schedule; its next run stays as it was. */
export async function sendScheduleNow(ctx: Ctx, id: string, now = new Date()): Promise<ScheduleRow> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const row = await mustFind(s, id);
    await enqueueJob(
      s,
      DELIVER_REPORT,
      { scheduleId: id, at: now.toISOString(), manual: true },
      { maxAttempts: DELIVER_ATTEMPTS },
    );
    await recordAudit(s, ctx, { action: "report_schedule.sent_now", entityType: "report_schedule", entityId: id });
    return row;
  });
}
