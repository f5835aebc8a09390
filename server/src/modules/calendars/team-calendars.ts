import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { inOrg } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { existingTeamIds } from "../staff";
import { findCalendar, lockCalendars, teamCalendarId } from "./calendars.queries";
import { teamCalendars } from "./calendars.tables";

/** Sets (or with `null` clears) the calendar a team's tickets are counted in. */
export async function setTeamCalendar(ctx: Ctx, teamId: string, calendarId: string | null) {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    // Taken like every calendar change, so a calendar being deleted cannot gain a team meanwhile.
    await lockCalendars(s);
    if (!(await existingTeamIds(s, [teamId])).has(teamId)) throw notFound("Team");
    if (calendarId !== null && !(await findCalendar(s, calendarId))) {
      throw new AppError("unprocessable", "Unknown calendar", { calendarId: ["Unknown calendar"] });
    }
    const before = (await teamCalendarId(s, teamId)) ?? null;
    if (before === calendarId) return { teamId, calendarId };
    const mine = and(eq(teamCalendars.orgId, s.orgId), eq(teamCalendars.teamId, teamId));
    if (calendarId === null) await s.tx.delete(teamCalendars).where(mine);
    else if (before === null) await s.tx.insert(teamCalendars).values({ orgId: s.orgId, teamId, calendarId });
    else await s.tx.update(teamCalendars).set({ calendarId }).where(mine);
    await recordAudit(s, ctx, {
      action: "team.calendar_changed",
      entityType: "team",
      entityId: teamId,
      changes: { calendarId: [before, calendarId] },
    });
    return { teamId, calendarId };
  });
}
