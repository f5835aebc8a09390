import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, type TestOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { inOrg } from "../../platform/tenancy";
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
