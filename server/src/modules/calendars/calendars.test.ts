import { beforeAll, describe, expect, it } from "vitest";
import { Client, type Reply } from "../../../test/client";
import { makeOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const GHOST = "01900000-0000-7000-8000-0000000000c1";
const NON_ADMINS = ["agent", "supervisor", "manager"] as const;
const PATH = "/api/v1/business-calendars";

const WEEKDAYS_9_TO_5 = ["mon", "tue", "wed", "thu", "fri"].map((day) => ({ day, open: "09:00", close: "17:00" }));

/** Creates a calendar as `admin`; fails the test unless it answers 201. */
async function makeCalendar(admin: Client, input: Record<string, unknown> = {}) {
  const res = await admin.post(PATH, {
    name: `Hours ${Math.random()}`,
    timeZone: "UTC",
    hours: WEEKDAYS_9_TO_5,
    ...input,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

async function makeTeam(admin: Client, name: string) {
  const res = await admin.post("/api/v1/teams", { name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; name: string };
}

const putTeamCalendar = (as: Client, teamId: string, calendarId: string | null) =>
  as.send("PUT", `/api/v1/teams/${teamId}/calendar`, { calendarId });

function expectProblem(res: Reply, status: number, fields?: Record<string, string[]>) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  if (fields) expect(res.body.fields).toEqual(fields);
}

const names = async (as: Client) => (await as.get(PATH)).body.data.map((c: { name: string }) => c.name);
const defaults = async (as: Client) =>
  (await as.get(PATH)).body.data
    .filter((c: { isDefault: boolean }) => c.isDefault)
    .map((c: { name: string }) => c.name);

describe("business calendars: works", () => {
  it("creates a calendar with split shifts, closed days, a holiday country and customer regions; the first is the default", async () => {
    const org = await makeOrg(h);
    const res = await org.as.admin.post(PATH, {
      name: "  Bucharest desk ",
      timeZone: "Europe/Bucharest",
      hours: [
        { day: "tue", open: "13:00", close: "17:30" },
        { day: "mon", open: "13:00", close: "17:30" },
        { day: "mon", open: "08:00", close: "12:00" },
        { day: "sat", open: "10:00", close: "24:00" },
      ],
      holidays: [
        { date: "2026-12-31", name: "Inventory" },
        { date: "2026-07-10", name: " Company day " },
      ],
      holidayCountry: "ro",
      customerRegions: ["Europe/Bucharest", "Europe/Chisinau"],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      data: {
        id: expect.stringMatching(UUID),
        name: "Bucharest desk",
        timeZone: "Europe/Bucharest",
        hours: [
          { day: "mon", open: "08:00", close: "12:00" },
          { day: "mon", open: "13:00", close: "17:30" },
          { day: "tue", open: "13:00", close: "17:30" },
          { day: "sat", open: "10:00", close: "24:00" },
        ],
        holidays: [
          { date: "2026-07-10", name: "Company day" },
          { date: "2026-12-31", name: "Inventory" },
        ],
        holidayCountry: "RO",
        holidayRegion: null,
        customerRegions: ["Europe/Bucharest", "Europe/Chisinau"],
        isDefault: true,
        teamIds: [],
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      },
    });
    const calendar = res.body.data;
    for (const role of [...NON_ADMINS, "admin"] as const) {
      expect((await org.as[role].get(PATH)).body, role).toEqual({ data: [calendar] });
      expect((await org.as[role].get(`${PATH}/${calendar.id}`)).body, role).toEqual({ data: calendar });
    }
    const audit = await org.as.admin.get(`/api/v1/audit-events?entityId=${calendar.id}`);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(["business_calendar.created"]);
    expect(audit.body.data[0].changes.holidayCountry).toEqual([null, "RO"]);
  });

  it("keeps exactly one default: a new default or a PATCH moves it, and both changes are audited", async () => {
    const org = await makeOrg(h);
    const a = await makeCalendar(org.as.admin, { name: "A" });
    const b = await makeCalendar(org.as.admin, { name: "B" });
    expect(b.isDefault).toBe(false);
    expect(await defaults(org.as.agent)).toEqual(["A"]);
    const c = await makeCalendar(org.as.admin, { name: "C", isDefault: true });
    expect(c.isDefault).toBe(true);
    expect(await defaults(org.as.agent)).toEqual(["C"]);
    const moved = await org.as.admin.patch(`${PATH}/${b.id}`, { isDefault: true });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.data).toEqual({ ...b, isDefault: true, updatedAt: expect.stringMatching(ISO) });
    expect(await defaults(org.as.agent)).toEqual(["B"]);
    const again = await org.as.admin.patch(`${PATH}/${b.id}`, { isDefault: true });
    expect(again.body.data.isDefault).toBe(true);
    expect(await defaults(org.as.agent)).toEqual(["B"]);
    const changes = async (id: string) =>
      (await org.as.admin.get(`/api/v1/audit-events?entityId=${id}`)).body.data.map(
        (e: { action: string; changes: object }) => [e.action, e.changes],
      );
    expect((await changes(c.id)).slice(0, 1)).toEqual([["business_calendar.updated", { isDefault: [true, false] }]]);
    expect((await changes(b.id)).slice(0, 2)).toEqual([
      ["business_calendar.updated", {}],
      ["business_calendar.updated", { isDefault: [false, true] }],
    ]);
    expect((await changes(a.id)).slice(0, 1)).toEqual([["business_calendar.updated", { isDefault: [true, false] }]]);
  });

  it("changes name, zone, hours, closed days, country and regions; a new country clears the old region", async () => {
    const org = await makeOrg(h);
    const cal = await makeCalendar(org.as.admin, { name: "Munich", holidayCountry: "DE", holidayRegion: "by" });
    expect([cal.holidayCountry, cal.holidayRegion]).toEqual(["DE", "BY"]);
    const path = `${PATH}/${cal.id}`;
    const res = await org.as.admin.patch(path, {
      name: "Munich and Vienna",
      timeZone: "Europe/Vienna",
      hours: [{ day: "sun", open: "00:00", close: "24:00" }],
      holidays: [{ date: "2027-01-02", name: "Bridge day" }],
      customerRegions: ["Europe/*"],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toEqual({
      ...cal,
      name: "Munich and Vienna",
      timeZone: "Europe/Vienna",
      hours: [{ day: "sun", open: "00:00", close: "24:00" }],
      holidays: [{ date: "2027-01-02", name: "Bridge day" }],
      customerRegions: ["Europe/*"],
      updatedAt: expect.stringMatching(ISO),
    });
    const austria = await org.as.admin.patch(path, { holidayCountry: "AT" });
    expect([austria.body.data.holidayCountry, austria.body.data.holidayRegion]).toEqual(["AT", null]);
    const vienna = await org.as.admin.patch(path, { holidayRegion: "9" });
    expect([vienna.body.data.holidayCountry, vienna.body.data.holidayRegion]).toEqual(["AT", "9"]);
    const none = await org.as.admin.patch(path, { holidayCountry: null, customerRegions: [] });
    expect(none.body.data).toMatchObject({ holidayCountry: null, holidayRegion: null, customerRegions: [] });
    // The same name in another case is the same calendar's own name: no conflict with itself.
    expect((await org.as.admin.patch(path, { name: "MUNICH AND VIENNA" })).status).toBe(200);
  });

  it("deletes an unused calendar; the default only when it is the last; the next one is default again", async () => {
    const org = await makeOrg(h);
    const first = await makeCalendar(org.as.admin, { name: "First", customerRegions: ["Asia/Riyadh"] });
    const second = await makeCalendar(org.as.admin, { name: "Second" });
    const gone = await org.as.admin.delete(`${PATH}/${second.id}`);
    expect([gone.status, gone.body]).toEqual([204, null]);
    expectProblem(await org.as.admin.get(`${PATH}/${second.id}`), 404);
    expect((await org.as.admin.delete(`${PATH}/${first.id}`)).status).toBe(204);
    expect((await org.as.agent.get(PATH)).body).toEqual({ data: [] });
    // Its region went with it, and the next calendar is the organisation's default.
    const next = await makeCalendar(org.as.admin, { name: "Next", customerRegions: ["Asia/Riyadh"] });
    expect(next.isDefault).toBe(true);
    const audit = await org.as.admin.get(`/api/v1/audit-events?entityId=${first.id}`);
    expect(audit.body.data[0]).toMatchObject({
      action: "business_calendar.deleted",
      changes: { name: ["First", null], isDefault: [true, null] },
    });
  });

  it("gives a team a calendar, changes and clears it; the calendar lists its teams", async () => {
    const org = await makeOrg(h);
    const emea = await makeCalendar(org.as.admin, { name: "EMEA" });
    const americas = await makeCalendar(org.as.admin, { name: "Americas", timeZone: "America/New_York" });
    const support = await makeTeam(org.as.admin, "Support");
    const sales = await makeTeam(org.as.admin, "Sales");
    const set = await putTeamCalendar(org.as.admin, support.id, emea.id);
    expect([set.status, set.body]).toEqual([200, { data: { teamId: support.id, calendarId: emea.id } }]);
    expect((await putTeamCalendar(org.as.admin, sales.id, emea.id)).status).toBe(200);
    const teamsOf = async (id: string) => (await org.as.agent.get(`${PATH}/${id}`)).body.data.teamIds;
    expect(await teamsOf(emea.id)).toEqual([support.id, sales.id].sort());
    expect((await putTeamCalendar(org.as.admin, sales.id, americas.id)).body.data.calendarId).toBe(americas.id);
    expect([await teamsOf(emea.id), await teamsOf(americas.id)]).toEqual([[support.id], [sales.id]]);
    const cleared = await putTeamCalendar(org.as.admin, support.id, null);
    expect(cleared.body).toEqual({ data: { teamId: support.id, calendarId: null } });
    expect((await putTeamCalendar(org.as.admin, support.id, null)).status).toBe(200);
    expect(await teamsOf(emea.id)).toEqual([]);
    const audit = await org.as.admin.get(`/api/v1/audit-events?entityId=${support.id}&action=team.calendar_changed`);
    expect(audit.body.data.map((e: { changes: object }) => e.changes)).toEqual([
      { calendarId: [emea.id, null] },
      { calendarId: [null, emea.id] },
    ]);
  });

  it("lists the countries with public holidays and their regions, named in the caller's language", async () => {
    const org = await makeOrg(h);
    const inLanguage = async (lang: string | undefined) => {
      const res = await org.as.agent.get("/api/v1/holiday-countries", lang ? { "accept-language": lang } : {});
      expect(res.status).toBe(200);
      return new Map(res.body.data.map((c: { code: string }) => [c.code, c]));
    };
    const en = await inLanguage(undefined);
    expect(en.size).toBe(207);
    expect(en.get("RO")).toEqual({ code: "RO", name: "Romania", regions: [] });
    expect(en.get("DE")).toMatchObject({ name: "Germany" });
    expect((en.get("DE") as { regions: unknown[] }).regions).toContainEqual({ code: "BY", name: "Bayern" });
    expect((await inLanguage("de-DE,de;q=0.9")).get("RO")).toMatchObject({ name: "Rumänien" });
    expect((await inLanguage("ar")).get("DE")).toMatchObject({ name: "ألمانيا" });
    expect((await inLanguage("ru")).get("SA")).toMatchObject({ name: "Саудовская Аравия" });
    expect((await inLanguage("fr, ro;q=0.5")).get("US")).toMatchObject({ name: "Statele Unite ale Americii" });
  });
});

describe("business calendars: rejects bad input", () => {
  it("refuses overlapping, reversed, malformed or missing hours (400 naming the interval)", async () => {
    const org = await makeOrg(h);
    const post = (hours: unknown) => org.as.admin.post(PATH, { name: "X", timeZone: "UTC", hours });
    const cases: [unknown, Record<string, string[]>][] = [
      [
        [
          { day: "mon", open: "09:00", close: "13:00" },
          { day: "mon", open: "12:30", close: "17:00" },
        ],
        { "hours.1.open": ["Overlaps 09:00–13:00"] },
      ],
      [[{ day: "mon", open: "17:00", close: "09:00" }], { "hours.0.close": ["Must be later than the opening time"] }],
      [[{ day: "mon", open: "09:00", close: "09:00" }], { "hours.0.close": ["Must be later than the opening time"] }],
      [[], { hours: ["Open at least once a week"] }],
    ];
    for (const [hours, fields] of cases) expectProblem(await post(hours), 400, fields);
    for (const [bad, field] of [
      [{ day: "mon", open: "9:00", close: "17:00" }, "hours.0.open"],
      [{ day: "mon", open: "09:00", close: "24:01" }, "hours.0.close"],
      [{ day: "mon", open: "09:60", close: "17:00" }, "hours.0.open"],
      [{ day: "monday", open: "09:00", close: "17:00" }, "hours.0.day"],
      [{ day: "mon", open: "09:00", close: "17:00", note: "x" }, "hours.0.note"],
    ] as const) {
      const res = await post([bad]);
      expectProblem(res, 400);
      expect(Object.keys(res.body.fields), field).toEqual([field]);
    }
    // Touching intervals are a lunch break of no length, not an overlap.
    await makeCalendar(org.as.admin, {
      hours: [
        { day: "fri", open: "08:00", close: "12:00" },
        { day: "fri", open: "12:00", close: "16:00" },
      ],
    });
    expect(await names(org.as.admin)).toHaveLength(1);
  });

  it("refuses unreal dates, repeated dates, nameless closed days and unknown time zones", async () => {
    const org = await makeOrg(h);
    const post = (extra: Record<string, unknown>) =>
      org.as.admin.post(PATH, { name: "X", timeZone: "UTC", hours: WEEKDAYS_9_TO_5, ...extra });
    expectProblem(await post({ holidays: [{ date: "2026-02-29", name: "Leap" }] }), 400, {
      "holidays.0.date": ["A real date, as YYYY-MM-DD"],
    });
    expectProblem(await post({ holidays: [{ date: "26-12-01", name: "Short" }] }), 400, {
      "holidays.0.date": ["A real date, as YYYY-MM-DD"],
    });
    expectProblem(
      await post({
        holidays: [
          { date: "2026-12-24", name: "Eve" },
          { date: "2026-12-24", name: "Again" },
        ],
      }),
      400,
      { "holidays.1.date": ["Listed twice"] },
    );
    expect(Object.keys((await post({ holidays: [{ date: "2028-02-29", name: " " }] })).body.fields)).toEqual([
      "holidays.0.name",
    ]);
    expectProblem(await post({ timeZone: "Mars/Olympus_Mons" }), 400, { timeZone: ["Unknown IANA time zone"] });
    expectProblem(await post({ orgId: GHOST, teamIds: [] }), 400, {
      orgId: ["Unknown field"],
      teamIds: ["Unknown field"],
    });
    expect(await names(org.as.admin)).toEqual([]);
  });

  it("refuses countries and regions the holiday library does not know (400), and a region without a country", async () => {
    const org = await makeOrg(h);
    const post = (extra: Record<string, unknown>) =>
      org.as.admin.post(PATH, { name: "X", timeZone: "UTC", hours: WEEKDAYS_9_TO_5, ...extra });
    expectProblem(await post({ holidayCountry: "XX" }), 400, { holidayCountry: ["Unknown country"] });
    expectProblem(await post({ holidayCountry: "ROU" }), 400, { holidayCountry: ["A two-letter country code"] });
    expectProblem(await post({ holidayCountry: "DE", holidayRegion: "ZZ" }), 400, {
      holidayRegion: ["Unknown region of DE"],
    });
    expectProblem(await post({ holidayRegion: "BY" }), 400, { holidayRegion: ["A region needs its holidayCountry"] });
    const cal = await makeCalendar(org.as.admin, { name: "No country" });
    expectProblem(await org.as.admin.patch(`${PATH}/${cal.id}`, { holidayRegion: "BY" }), 400, {
      holidayRegion: ["A region needs its holidayCountry"],
    });
    expectProblem(await org.as.admin.patch(`${PATH}/${cal.id}`, { holidayCountry: "RO", holidayRegion: "B" }), 400, {
      holidayRegion: ["Unknown region of RO"],
    });
    expect((await org.as.admin.get(`${PATH}/${cal.id}`)).body.data).toEqual(cal);
  });

  it("refuses a name in use (any case, 409) and a customer region another calendar serves (409), in this organisation only", async () => {
    const org = await makeOrg(h);
    const emea = await makeCalendar(org.as.admin, { name: "EMEA", customerRegions: ["Europe/*", "Africa/Cairo"] });
    const dup = await org.as.admin.post(PATH, { name: "emea", timeZone: "UTC", hours: WEEKDAYS_9_TO_5 });
    expectProblem(dup, 409, { name: ["Already in use"] });
    const other = await makeCalendar(org.as.admin, { name: "Other" });
    expectProblem(await org.as.admin.patch(`${PATH}/${other.id}`, { name: " Emea " }), 409, {
      name: ["Already in use"],
    });
    const taken = await org.as.admin.patch(`${PATH}/${other.id}`, {
      customerRegions: ["Asia/*", "Africa/Cairo", "Europe/*"],
    });
    expectProblem(taken, 409, {
      "customerRegions.1": ["Already served by EMEA"],
      "customerRegions.2": ["Already served by EMEA"],
    });
    expect((await org.as.admin.get(`${PATH}/${other.id}`)).body.data).toEqual(other);
    // A more exact entry is another region: it may go to another calendar.
    const bucharest = await org.as.admin.patch(`${PATH}/${other.id}`, { customerRegions: ["Europe/Bucharest"] });
    expect(bucharest.body.data.customerRegions).toEqual(["Europe/Bucharest"]);
    for (const [regions, field] of [
      [["Mars/*"], "customerRegions.0"],
      [["*"], "customerRegions.0"],
      [["Europe"], "customerRegions.0"],
      [["Europe/Bucharest", "Europe/Bucharest"], "customerRegions.1"],
    ] as const) {
      const res = await org.as.admin.patch(`${PATH}/${emea.id}`, { customerRegions: regions });
      expectProblem(res, 400);
      expect(Object.keys(res.body.fields), JSON.stringify(regions)).toEqual([field]);
    }
    await makeCalendar((await makeOrg(h)).as.admin, { name: "EMEA", customerRegions: ["Europe/*"] });
    expect(await names(org.as.admin)).toEqual(["EMEA", "Other"]);
  });

  it("refuses to drop the default, to delete it while others remain, or a calendar a team uses (409, naming why)", async () => {
    const org = await makeOrg(h);
    const main = await makeCalendar(org.as.admin, { name: "Main" });
    const night = await makeCalendar(org.as.admin, { name: "Night" });
    expectProblem(await org.as.admin.patch(`${PATH}/${main.id}`, { isDefault: false, name: "Renamed" }), 409, {
      isDefault: ["Make another calendar the default instead"],
    });
    const busy = await org.as.admin.delete(`${PATH}/${main.id}`);
    expectProblem(busy, 409, { isDefault: ["Make another calendar the default first"] });
    expect(busy.body.detail).toBe("This is the default calendar: make another one the default first");
    for (const name of ["Night shift", "Early birds"]) {
      const team = await makeTeam(org.as.admin, name);
      expect((await putTeamCalendar(org.as.admin, team.id, night.id)).status).toBe(200);
    }
    const used = await org.as.admin.delete(`${PATH}/${night.id}`);
    expectProblem(used, 409, { teamIds: ["Used by Early birds", "Used by Night shift"] });
    expect(used.body.detail).toBe("Teams count their tickets in this calendar: Early birds, Night shift");
    expect((await org.as.admin.patch(`${PATH}/${night.id}`, { isDefault: false })).status).toBe(200);
    expect((await org.as.agent.get(PATH)).body.data).toEqual([
      main,
      { ...night, teamIds: expect.any(Array), updatedAt: expect.stringMatching(ISO) },
    ]);
  });

  it("refuses unknown calendars and teams on a team's calendar: 422 for the body, 404 for the path", async () => {
    const org = await makeOrg(h);
    const team = await makeTeam(org.as.admin, "Support");
    const cal = await makeCalendar(org.as.admin);
    const foreign = await makeCalendar((await makeOrg(h)).as.admin);
    for (const calendarId of [GHOST, foreign.id]) {
      const res = await putTeamCalendar(org.as.admin, team.id, calendarId);
      expectProblem(res, 422, { calendarId: ["Unknown calendar"] });
    }
    expectProblem(await putTeamCalendar(org.as.admin, GHOST, cal.id), 404);
    expectProblem(await org.as.admin.send("PUT", `/api/v1/teams/${team.id}/calendar`, {}), 400, {
      calendarId: ["Invalid input: expected string, received undefined"],
    });
    expectProblem(await putTeamCalendar(org.as.admin, team.id, "nope"), 400);
    expect((await org.as.admin.get(`${PATH}/${cal.id}`)).body.data.teamIds).toEqual([]);
    for (const [method, path] of [
      ["GET", `${PATH}/${GHOST}`],
      ["PATCH", `${PATH}/${GHOST}`],
      ["DELETE", `${PATH}/${GHOST}`],
      ["GET", `${PATH}/${GHOST}/closed-days?from=2026-01-01&to=2026-12-31`],
    ] as const) {
      expectProblem(await org.as.admin.send(method, path, method === "PATCH" ? { name: "x" } : undefined), 404);
    }
  });
});

describe("business calendars: refuse the wrong user", () => {
  it("answers 403 to every role but admin on writes, before looking anything up, and changes nothing", async () => {
    const org = await makeOrg(h);
    const cal = await makeCalendar(org.as.admin, { name: "Keep" });
    const team = await makeTeam(org.as.admin, "Support");
    for (const role of NON_ADMINS) {
      const as = org.as[role];
      for (const res of [
        await as.post(PATH, { name: role, timeZone: "UTC", hours: WEEKDAYS_9_TO_5 }),
        await as.patch(`${PATH}/${cal.id}`, { name: "Taken" }),
        await as.patch(`${PATH}/${GHOST}`, { name: "Taken" }),
        await as.delete(`${PATH}/${cal.id}`),
        await as.delete(`${PATH}/${GHOST}`),
        await putTeamCalendar(as, team.id, cal.id),
        await putTeamCalendar(as, GHOST, GHOST),
      ]) {
        expectProblem(res, 403);
        expect(res.body.code, role).toBe("forbidden");
      }
    }
    expect((await org.as.admin.get(PATH)).body.data).toEqual([cal]);
  });

  it("lets every signed-in role read calendars, closed days and countries; nobody unsigned", async () => {
    const org = await makeOrg(h);
    const cal = await makeCalendar(org.as.admin, { holidays: [{ date: "2026-03-02", name: "Offsite" }] });
    for (const role of [...NON_ADMINS, "admin"] as const) {
      const res = await org.as[role].get(`${PATH}/${cal.id}/closed-days?from=2026-03-01&to=2026-03-31`);
      expect([res.status, res.body], role).toEqual([
        200,
        { data: [{ date: "2026-03-02", name: "Offsite", source: "custom" }] },
      ]);
      expect((await org.as[role].get("/api/v1/holiday-countries")).status, role).toBe(200);
    }
    for (const path of [PATH, `${PATH}/${cal.id}`, "/api/v1/holiday-countries"]) {
      expectProblem(await new Client(h.app).get(path), 401);
    }
  });
});
