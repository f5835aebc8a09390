import {
  createReportScheduleInput,
  idSchema,
  one,
  reportScheduleSchema,
  updateReportScheduleInput,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { authorize } from "../../platform/authorize";
import { createRouter, ctxOf, jsonBody, jsonResponse } from "../../platform/http";
import { authSecurity, createdResponses, okResponses, problemResponses } from "../../platform/openapi";
import { canManageReportSchedules } from "./reports.policy";
import { presentSchedule } from "./reports.present";
import {
  createSchedule,
  deleteSchedule,
  getSchedule,
  listSchedules,
  sendScheduleNow,
  updateSchedule,
} from "./schedules.service";

const r = { security: authSecurity, tags: ["Reports"] };
const idParam = z.object({ id: idSchema });
const schedule = one(reportScheduleSchema);
const managers = " (managers and admins)";

const routes = {
  list: createRoute({
    ...r,
    method: "get",
    path: "/report-schedules",
    summary: `Scheduled reports by name, with their next run, last sending and last error${managers}`,
    responses: okResponses(z.object({ data: z.array(reportScheduleSchema) }), "The schedules"),
  }),
  create: createRoute({
    ...r,
    method: "post",
    path: "/report-schedules",
    summary:
      `Schedule a report mailed as a PDF with a CSV of its numbers${managers}. It reports what its creator ` +
      "may see, and stops (last_error set) if they are deactivated or no longer a manager or admin.",
    request: { body: jsonBody(createReportScheduleInput) },
    responses: createdResponses(schedule, "The schedule"),
  }),
  get: createRoute({
    ...r,
    method: "get",
    path: "/report-schedules/{id}",
    summary: `One scheduled report${managers}`,
    request: { params: idParam },
    responses: okResponses(schedule, "The schedule"),
  }),
  update: createRoute({
    ...r,
    method: "patch",
    path: "/report-schedules/{id}",
    summary: `Change a scheduled report; a new time or resuming plans its next run again${managers}`,
    request: { params: idParam, body: jsonBody(updateReportScheduleInput) },
    responses: okResponses(schedule, "The schedule"),
  }),
  remove: createRoute({
    ...r,
    method: "delete",
    path: "/report-schedules/{id}",
    summary: `Delete a scheduled report${managers}`,
    request: { params: idParam },
    responses: { ...problemResponses, 204: { description: "Deleted" } },
  }),
  sendNow: createRoute({
    ...r,
    method: "post",
    path: "/report-schedules/{id}/send-now",
    summary: `Send the report now, for its period up to today; the schedule stays as it is${managers}`,
    request: { params: idParam },
    responses: {
      ...problemResponses,
      202: jsonResponse(schedule, "Queued: last_sent_at or last_error tell the outcome"),
    },
  }),
};

/** Validate, authorize, one service call, present. */
export const scheduleRoutes = createRouter()
  .openapi(routes.list, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageReportSchedules(ctx.actor));
    return c.json({ data: (await listSchedules(ctx)).map(presentSchedule) }, 200);
  })
  .openapi(routes.create, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageReportSchedules(ctx.actor));
    return c.json({ data: presentSchedule(await createSchedule(ctx, c.req.valid("json"))) }, 201);
  })
  .openapi(routes.get, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageReportSchedules(ctx.actor));
    return c.json({ data: presentSchedule(await getSchedule(ctx, c.req.valid("param").id)) }, 200);
  })
  .openapi(routes.update, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageReportSchedules(ctx.actor));
    const row = await updateSchedule(ctx, c.req.valid("param").id, c.req.valid("json"));
    return c.json({ data: presentSchedule(row) }, 200);
  })
  .openapi(routes.remove, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageReportSchedules(ctx.actor));
    await deleteSchedule(ctx, c.req.valid("param").id);
    return c.body(null, 204);
  })
  .openapi(routes.sendNow, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageReportSchedules(ctx.actor));
    return c.json({ data: presentSchedule(await sendScheduleNow(ctx, c.req.valid("param").id)) }, 202);
  });
