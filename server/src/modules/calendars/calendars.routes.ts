import {
  businessCalendarListSchema,
  businessCalendarSchema,
  closedDayListSchema,
  closedDaysQuery,
  createBusinessCalendarInput,
  holidayCountryListSchema,
  idSchema,
  one,
  setTeamCalendarInput,
  teamCalendarSchema,
  updateBusinessCalendarInput,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { preferredLocale } from "../../platform/accept-language";
import { authorize } from "../../platform/authorize";
import { createRouter, ctxOf, jsonBody, jsonResponse } from "../../platform/http";
import { authSecurity, problemResponses } from "../../platform/openapi";
import { canManageCalendars, canReadCalendars } from "./calendars.policy";
import { presentCalendar } from "./calendars.present";
import {
  calendarClosedDays,
  createCalendar,
  deleteCalendar,
  getCalendar,
  listCalendars,
  updateCalendar,
} from "./calendars.service";
import { holidayCountries } from "./public-holidays";
import { setTeamCalendar } from "./team-calendars";

const idParam = z.object({ id: idSchema });
const base = { security: authSecurity, tags: ["Business calendars"] };
const PATH = "/business-calendars";

const routes = {
  list: createRoute({
    ...base,
    method: "get",
    path: PATH,
    summary: "List business calendars",
    responses: { ...problemResponses, 200: jsonResponse(businessCalendarListSchema, "Every calendar, by name") },
  }),
  create: createRoute({
    ...base,
    method: "post",
    path: PATH,
    summary: "Create a business calendar (admins); the first becomes the default",
    request: { body: jsonBody(createBusinessCalendarInput) },
    responses: { ...problemResponses, 201: jsonResponse(one(businessCalendarSchema), "The new calendar") },
  }),
  get: createRoute({
    ...base,
    method: "get",
    path: `${PATH}/{id}`,
    summary: "Get a business calendar",
    request: { params: idParam },
    responses: { ...problemResponses, 200: jsonResponse(one(businessCalendarSchema), "The calendar") },
  }),
  update: createRoute({
    ...base,
    method: "patch",
    path: `${PATH}/{id}`,
    summary: "Change a business calendar, or make it the default (admins)",
    request: { params: idParam, body: jsonBody(updateBusinessCalendarInput) },
    responses: { ...problemResponses, 200: jsonResponse(one(businessCalendarSchema), "The calendar") },
  }),
  remove: createRoute({
    ...base,
    method: "delete",
    path: `${PATH}/{id}`,
    summary: "Delete a business calendar no team uses; the default only when it is the last (admins)",
    request: { params: idParam },
    responses: { ...problemResponses, 204: { description: "Deleted" } },
  }),
  closedDays: createRoute({
    ...base,
    method: "get",
    path: `${PATH}/{id}/closed-days`,
    summary: "Days the calendar is closed between two dates (at most three years), named in Accept-Language",
    request: { params: idParam, query: closedDaysQuery },
    responses: { ...problemResponses, 200: jsonResponse(closedDayListSchema, "Closed days, by date") },
  }),
  countries: createRoute({
    ...base,
    method: "get",
    path: "/holiday-countries",
    summary: "Countries and regions with known public holidays, named in Accept-Language",
    responses: { ...problemResponses, 200: jsonResponse(holidayCountryListSchema, "Countries, by name") },
  }),
  teamCalendar: createRoute({
    ...base,
    method: "put",
    path: "/teams/{id}/calendar",
    summary: "Set or clear the calendar a team's tickets are counted in (admins)",
    request: { params: idParam, body: jsonBody(setTeamCalendarInput) },
    responses: { ...problemResponses, 200: jsonResponse(one(teamCalendarSchema), "The team's calendar") },
  }),
};

export const calendarRoutes = createRouter()
  .openapi(routes.list, async (c) => {
    const ctx = ctxOf(c);
    authorize(canReadCalendars(ctx.actor));
    return c.json({ data: (await listCalendars(ctx)).map(presentCalendar) }, 200);
  })
  .openapi(routes.create, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageCalendars(ctx.actor));
    return c.json({ data: presentCalendar(await createCalendar(ctx, c.req.valid("json"))) }, 201);
  })
  .openapi(routes.get, async (c) => {
    const ctx = ctxOf(c);
    authorize(canReadCalendars(ctx.actor));
    return c.json({ data: presentCalendar(await getCalendar(ctx, c.req.valid("param").id)) }, 200);
  })
  .openapi(routes.update, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageCalendars(ctx.actor));
    const row = await updateCalendar(ctx, c.req.valid("param").id, c.req.valid("json"));
    return c.json({ data: presentCalendar(row) }, 200);
  })
  .openapi(routes.remove, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageCalendars(ctx.actor));
    await deleteCalendar(ctx, c.req.valid("param").id);
    return c.body(null, 204);
  })
  .openapi(routes.closedDays, async (c) => {
    const ctx = ctxOf(c);
    authorize(canReadCalendars(ctx.actor));
    const lang = preferredLocale(c.req.header("accept-language")) ?? null;
    const days = await calendarClosedDays(ctx, c.req.valid("param").id, c.req.valid("query"), lang);
    return c.json({ data: days }, 200);
  })
  .openapi(routes.countries, (c) => {
    const ctx = ctxOf(c);
    authorize(canReadCalendars(ctx.actor));
    return c.json({ data: holidayCountries(preferredLocale(c.req.header("accept-language")) ?? "en") }, 200);
  })
  .openapi(routes.teamCalendar, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageCalendars(ctx.actor));
    const { calendarId } = c.req.valid("json");
    return c.json({ data: await setTeamCalendar(ctx, c.req.valid("param").id, calendarId) }, 200);
  });
