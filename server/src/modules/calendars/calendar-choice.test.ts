import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, type TestOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { inOrg } from "../../platform/tenancy";
import { lockCalendars } from "./calendars.queries";
import { calendarForTicket, calendarSpec } from "./index";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const NOW = new Date("2026-06-15T10:00:00Z");
const HOURS = [{ day: "mon", open: "09:00", close: "17:00" }];

async function makeCalendar(admin: Client, name: string, extra: Record<string, unknown> = {}) {
  const res = await admin.post("/api/v1/business-calendars", { name, timeZone: "UTC", hours: HOURS, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.id as string;
}

async function makeTeam(admin: Client, name: string, calendarId?: string) {
  const team = (await admin.post("/api/v1/teams", { name })).body.data.id as string;
  if (calendarId) {
    const res = await admin.send("PUT", `/api/v1/teams/${team}/calendar`, { calendarId });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  return team;
}

/** The id of the calendar chosen for a ticket of `org`, or undefined. */
const chosen = (org: TestOrg, teamId: string | null, customerTimeZone: string | null) =>
  inOrg(
    h.deps.database,
    org.orgId,
    async (s) => (await calendarForTicket(s, { teamId, customerTimeZone }, NOW))?.calendarId,
  );

describe("calendarForTicket: which calendar counts a ticket", () => {
  it("is undefined (calendar time) in an organisation without calendars", async () => {
    const org = await makeOrg(h);
    const team = await makeTeam(org.as.admin, "Support");
    expect(await chosen(org, team, "Europe/Bucharest")).toBeUndefined();
    expect(await chosen(org, null, null)).toBeUndefined();
  });

  it("takes the team's calendar, else the customer's region (most exact first), else the default", async () => {
    const org = await makeOrg(h);
    const fallback = await makeCalendar(org.as.admin, "Default");
    const europe = await makeCalendar(org.as.admin, "Europe", { customerRegions: ["Europe/*"] });
    const bucharest = await makeCalendar(org.as.admin, "Bucharest", { customerRegions: ["Europe/Bucharest"] });
    const americas = await makeCalendar(org.as.admin, "Americas", { customerRegions: ["America/*"] });
    const argentina = await makeCalendar(org.as.admin, "Argentina", { customerRegions: ["America/Argentina/*"] });
    const night = await makeCalendar(org.as.admin, "Night shift");
    const nightTeam = await makeTeam(org.as.admin, "Night", night);
    const plainTeam = await makeTeam(org.as.admin, "Plain");

    expect(await chosen(org, nightTeam, "Europe/Bucharest")).toBe(night);
    expect(await chosen(org, nightTeam, null)).toBe(night);
    expect(await chosen(org, plainTeam, "Europe/Bucharest")).toBe(bucharest);
    expect(await chosen(org, null, "Europe/Berlin")).toBe(europe);
    expect(await chosen(org, null, "America/Argentina/Salta")).toBe(argentina);
    expect(await chosen(org, null, "America/New_York")).toBe(americas);
    expect(await chosen(org, plainTeam, "Asia/Tokyo")).toBe(fallback);
    expect(await chosen(org, null, "UTC")).toBe(fallback);
    expect(await chosen(org, null, null)).toBe(fallback);

    // Clearing the team's calendar hands its tickets to the customer's region.
    await org.as.admin.send("PUT", `/api/v1/teams/${nightTeam}/calendar`, { calendarId: null });
    expect(await chosen(org, nightTeam, "Europe/Bucharest")).toBe(bucharest);
    await org.as.admin.patch(`/api/v1/business-calendars/${night}`, { isDefault: true });
    expect(await chosen(org, nightTeam, "Asia/Tokyo")).toBe(night);
  });

  it("never chooses another organisation's calendar, team or region", async () => {
    const [a, b] = [await makeOrg(h), await makeOrg(h)];
    const aCal = await makeCalendar(a.as.admin, "A", { customerRegions: ["Europe/*"] });
    const aTeam = await makeTeam(a.as.admin, "A team", aCal);
    expect(await chosen(b, aTeam, "Europe/Bucharest")).toBeUndefined();
    const bCal = await makeCalendar(b.as.admin, "B");
    expect(await chosen(b, aTeam, "Europe/Bucharest")).toBe(bCal);
    expect(await inOrg(h.deps.database, b.orgId, (s) => calendarSpec(s, aCal, NOW))).toBeUndefined();
  });
});

describe("calendarSpec: what business-time arithmetic is given", () => {
  it("gives the zone, the weekly hours and every closed day from a year back to two years ahead", async () => {
    const org = await makeOrg(h);
    const id = await makeCalendar(org.as.admin, "Bucharest", {
      timeZone: "Europe/Bucharest",
      hours: [
        { day: "mon", open: "13:00", close: "17:00" },
        { day: "mon", open: "08:00", close: "12:00" },
      ],
      holidayCountry: "RO",
      holidays: [
        { date: "2025-06-14", name: "Too old" },
        { date: "2025-06-15", name: "First day in" },
        { date: "2026-07-10", name: "Company day" },
        { date: "2028-06-15", name: "Last day in" },
        { date: "2028-06-16", name: "Too far" },
      ],
    });
    const spec = await inOrg(h.deps.database, org.orgId, (s) => calendarSpec(s, id, NOW));
    const listed = await org.as.agent.get(`/api/v1/business-calendars/${id}/closed-days?from=2025-06-15&to=2028-06-15`);
    expect(spec).toEqual({
      timeZone: "Europe/Bucharest",
      hours: [
        { day: "mon", open: "08:00", close: "12:00" },
        { day: "mon", open: "13:00", close: "17:00" },
      ],
      closedDates: listed.body.data.map((d: { date: string }) => d.date),
    });
    expect(spec!.closedDates).toHaveLength(53);
    expect(spec!.closedDates.slice(0, 3)).toEqual(["2025-06-15", "2025-08-15", "2025-11-30"]);
    expect(spec!.closedDates).toEqual(expect.arrayContaining(["2026-07-10", "2026-12-01", "2027-05-02"]));
    expect(spec!.closedDates.slice(-3)).toEqual(["2028-06-04", "2028-06-05", "2028-06-15"]);
    expect([...spec!.closedDates].sort()).toEqual(spec!.closedDates);
  });

  it("counts today in the calendar's zone: late evening in UTC is already tomorrow in Tokyo", async () => {
    const org = await makeOrg(h);
    const id = await makeCalendar(org.as.admin, "Tokyo", {
      timeZone: "Asia/Tokyo",
      holidays: [
        { date: "2025-06-15", name: "Out of the window in Tokyo" },
        { date: "2025-06-16", name: "First day in" },
        { date: "2028-06-16", name: "Last day in" },
      ],
    });
    const late = new Date("2026-06-15T20:00:00Z");
    const spec = await inOrg(h.deps.database, org.orgId, (s) => calendarSpec(s, id, late));
    expect(spec!.closedDates).toEqual(["2025-06-16", "2028-06-16"]);
  });
});

describe("the calendars every ticket change reads, kept between transactions", () => {
  it("follows each change at once, whether made through the API or straight in the database", async () => {
    const org = await makeOrg(h);
    const first = await makeCalendar(org.as.admin, "First");
    const team = await makeTeam(org.as.admin, "Support");
    const spec = (id: string, now = NOW) => inOrg(h.deps.database, org.orgId, (s) => calendarSpec(s, id, now));
    expect(await chosen(org, team, "Europe/Rome")).toBe(first);
    expect((await spec(first))!.hours).toEqual(HOURS);

    const second = await makeCalendar(org.as.admin, "Second", { customerRegions: ["Europe/*"] });
    expect(await chosen(org, team, "Europe/Rome")).toBe(second);
    await org.as.admin.send("PUT", `/api/v1/teams/${team}/calendar`, { calendarId: first });
    expect(await chosen(org, team, "Europe/Rome")).toBe(first);

    const friday = [{ day: "fri", open: "10:00", close: "12:00" }];
    await org.as.admin.patch(`/api/v1/business-calendars/${first}`, { hours: friday });
    expect((await spec(first))!.hours).toEqual(friday);

    // An operator's SQL moves the version on too (migration 0035).
    await inOrg(h.deps.database, org.orgId, (s) =>
      s.tx.execute(sql`UPDATE team_calendars SET calendar_id = ${second} WHERE org_id = ${org.orgId}`),
    );
    expect(await chosen(org, team, "Asia/Tokyo")).toBe(second);
    await inOrg(h.deps.database, org.orgId, (s) =>
      s.tx.execute(sql`UPDATE business_calendars SET holidays = '[{"date":"2026-06-19","name":"Bridge"}]'::jsonb
        WHERE org_id = ${org.orgId} AND id = ${first}`),
    );
    expect((await spec(first))!.closedDates).toEqual(["2026-06-19"]);
    // The window moves with the day: a year later, that day is a year back and still in it; two later, not.
    expect((await spec(first, new Date("2027-06-15T10:00:00Z")))!.closedDates).toEqual(["2026-06-19"]);
    expect((await spec(first, new Date("2027-06-20T10:00:00Z")))!.closedDates).toEqual([]);
  });

  it("lets a changing transaction read its own change", async () => {
    const org = await makeOrg(h);
    const first = await makeCalendar(org.as.admin, "First");
    expect(await chosen(org, null, null)).toBe(first);
    const second = await makeCalendar(org.as.admin, "Second");
    const inside = await inOrg(h.deps.database, org.orgId, async (s) => {
      await lockCalendars(s);
      await s.tx.execute(sql`UPDATE business_calendars SET is_default = false WHERE org_id = ${org.orgId}`);
      await s.tx.execute(
        sql`UPDATE business_calendars SET is_default = true WHERE org_id = ${org.orgId} AND id = ${second}`,
      );
      return (await calendarForTicket(s, { teamId: null, customerTimeZone: null }, NOW))?.calendarId;
    });
    expect(inside).toBe(second);
    expect(await chosen(org, null, null)).toBe(second);
  });
});
