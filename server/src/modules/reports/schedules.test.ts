import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, TEST_PASSWORD, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;
let a: TestOrg;
let b: TestOrg;
let team: string;

beforeAll(async () => {
  h = await testApp();
  a = await makeOrg(h);
  b = await makeOrg(h);
  team = (await a.as.admin.post("/api/v1/teams", { name: "Care", memberIds: [a.users.agent.id] })).body.data.id;
});

const weekly = (over: Record<string, unknown> = {}) => ({
  name: "Weekly floor report",
  dashboard: "agents",
  period: "last_week",
  cadence: "weekly",
  weekday: 1,
  hour: 7,
  timeZone: "Europe/Bucharest",
  recipientUserIds: [a.users.supervisor.id],
  recipientEmails: ["Boss@Example.test"],
  locale: "ro",
  ...over,
});

async function created(over: Record<string, unknown> = {}) {
  const res = await a.as.manager.post("/api/v1/report-schedules", weekly(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

describe("report schedules work", () => {
  it("creates a schedule for its creator, with its next run on the weekday and hour of its zone, audited", async () => {
    const s = await created({ filters: { teamId: team, channel: "email" } });
    expect(s).toMatchObject({
      name: "Weekly floor report",
      dashboard: "agents",
      filters: { teamId: team, channel: "email" },
      period: "last_week",
      cadence: "weekly",
      weekday: 1,
      dayOfMonth: null,
      hour: 7,
      timeZone: "Europe/Bucharest",
      recipientUserIds: [a.users.supervisor.id],
      recipientEmails: ["boss@example.test"],
      locale: "ro",
      active: true,
      lastSentAt: null,
      lastError: null,
      createdBy: a.users.manager.id,
    });
    const next = new Date(s.nextRunAt);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Bucharest",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
    }).format(next);
    expect(local).toBe("Mon 07:00");
    const audit = await a.as.admin.get(`/api/v1/audit-events?entityId=${s.id}`);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(["report_schedule.created"]);
    expect((await a.as.admin.get(`/api/v1/report-schedules/${s.id}`)).body.data).toEqual(s);
  });

  it("lists them by name for managers and admins", async () => {
    const z = await created({ name: "Zeta" });
    const list = (await a.as.admin.get("/api/v1/report-schedules")).body.data as { id: string; name: string }[];
    expect(list.map((x) => x.name)).toEqual([...list.map((x) => x.name)].sort());
    expect(list.map((x) => x.id)).toContain(z.id);
  });

  it("changes a schedule: a new hour moves the next run, pausing clears it, resuming plans it again", async () => {
    const s = await created({ cadence: "daily", weekday: null, hour: 6 });
    const moved = await a.as.manager.patch(`/api/v1/report-schedules/${s.id}`, { hour: 9, timeZone: "UTC" });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(new Date(moved.body.data.nextRunAt).getUTCHours()).toBe(9);
    const paused = await a.as.admin.patch(`/api/v1/report-schedules/${s.id}`, { active: false });
    expect(paused.body.data).toMatchObject({ active: false, nextRunAt: null });
    const resumed = await a.as.admin.patch(`/api/v1/report-schedules/${s.id}`, { active: true });
    expect(resumed.body.data.nextRunAt).toBe(moved.body.data.nextRunAt);
    const monthly = await a.as.manager.patch(`/api/v1/report-schedules/${s.id}`, {
      cadence: "monthly",
      dayOfMonth: 31,
      name: "Monthly",
    });
    expect(monthly.body.data).toMatchObject({ cadence: "monthly", dayOfMonth: 31, weekday: null, name: "Monthly" });
    const audit = await a.as.admin.get(`/api/v1/audit-events?entityId=${s.id}`);
    expect(audit.body.data.filter((e: { action: string }) => e.action === "report_schedule.updated")).toHaveLength(4);
  });

  it("deletes a schedule, and queues one now", async () => {
    const s = await created();
    const now = await a.as.manager.post(`/api/v1/report-schedules/${s.id}/send-now`);
    expect([now.status, now.body.data.id]).toEqual([202, s.id]);
    expect((await a.as.admin.delete(`/api/v1/report-schedules/${s.id}`)).status).toBe(204);
    expect((await a.as.admin.get(`/api/v1/report-schedules/${s.id}`)).status).toBe(404);
    expect((await a.as.admin.post(`/api/v1/report-schedules/${s.id}/send-now`)).status).toBe(404);
  });
});

describe("report schedules reject bad input", () => {
  it.each<[Record<string, unknown>, string]>([
    [{ weekday: null }, "weekday"],
    [{ cadence: "daily" }, "weekday"],
    [{ cadence: "monthly", weekday: null }, "dayOfMonth"],
    [{ weekday: 8 }, "weekday"],
    [{ hour: 24 }, "hour"],
    [{ timeZone: "Mars/Olympus" }, "timeZone"],
    [{ period: "forever" }, "period"],
    [{ dashboard: "team" }, "filters.teamId"],
    [{ recipientUserIds: [], recipientEmails: [] }, "recipientUserIds"],
    [{ recipientEmails: Array.from({ length: 20 }, (_, i) => `r${i}@example.test`) }, "recipientEmails"],
    [{ recipientEmails: ["not-an-address"] }, "recipientEmails.0"],
    [{ recipientEmails: ["x@example.test", "X@example.test"] }, "recipientEmails"],
    [{ locale: "fr" }, "locale"],
    [{ name: " " }, "name"],
    [{ filters: { agentId: "x" } }, "filters.agentId"],
    [{ createdBy: "01900000-0000-7000-8000-000000000000" }, "createdBy"],
    [{ nextRunAt: "2030-01-01T00:00:00Z" }, "nextRunAt"],
  ])("%j → 400 naming %s", async (over, field) => {
    const res = await a.as.manager.post("/api/v1/report-schedules", weekly(over));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(Object.keys(res.body.fields)).toContain(field);
  });

  it("checks a change against the schedule it would leave", async () => {
    const s = await created();
    const res = await a.as.manager.patch(`/api/v1/report-schedules/${s.id}`, { cadence: "monthly" });
    expect([res.status, res.body.fields]).toEqual([
      400,
      { weekday: ["Only for a weekly report"], dayOfMonth: ["Required for a monthly report"] },
    ]);
    expect((await a.as.manager.patch(`/api/v1/report-schedules/${s.id}`, {})).status).toBe(400);
  });

  it("refuses recipients and teams that are not the organisation's, or not active (422)", async () => {
    const gone = await a.as.admin.post("/api/v1/users", {
      email: uniqueEmail(),
      name: "Gone",
      role: "agent",
      password: TEST_PASSWORD,
    });
    await a.as.admin.patch(`/api/v1/users/${gone.body.data.id}`, { active: false });
    const foreignTeam = (await b.as.admin.post("/api/v1/teams", { name: "B" })).body.data.id;
    const res = await a.as.manager.post(
      "/api/v1/report-schedules",
      weekly({
        recipientUserIds: [a.users.agent.id, b.users.agent.id, gone.body.data.id],
        filters: { teamId: foreignTeam },
      }),
    );
    expect([res.status, res.body.code, res.body.fields]).toEqual([
      422,
      "unprocessable",
      {
        "recipientUserIds.1": ["Unknown or inactive user"],
        "recipientUserIds.2": ["Unknown or inactive user"],
        "filters.teamId": ["Unknown team"],
      },
    ]);
  });
});

describe("report schedules refuse the wrong user", () => {
  it("lets agents and supervisors do nothing with them (403)", async () => {
    const s = await created();
    for (const role of ["agent", "supervisor"] as const) {
      const as = a.as[role];
      for (const res of [
        await as.get("/api/v1/report-schedules"),
        await as.post("/api/v1/report-schedules", weekly()),
        await as.get(`/api/v1/report-schedules/${s.id}`),
        await as.patch(`/api/v1/report-schedules/${s.id}`, { name: "Mine" }),
        await as.delete(`/api/v1/report-schedules/${s.id}`),
        await as.post(`/api/v1/report-schedules/${s.id}/send-now`),
      ]) {
        expect([res.status, res.body.code], role).toEqual([403, "forbidden"]);
      }
    }
    expect((await a.as.admin.get(`/api/v1/report-schedules/${s.id}`)).body.data.name).toBe("Weekly floor report");
  });

  it("answers 404 to another organisation's managers and admins, and lists none of A's", async () => {
    const s = await created();
    for (const role of ["manager", "admin"] as const) {
      const as = b.as[role];
      for (const res of [
        await as.get(`/api/v1/report-schedules/${s.id}`),
        await as.patch(`/api/v1/report-schedules/${s.id}`, { recipientEmails: ["spy@example.test"] }),
        await as.delete(`/api/v1/report-schedules/${s.id}`),
        await as.post(`/api/v1/report-schedules/${s.id}/send-now`),
      ]) {
        expect([res.status, res.body.code], role).toEqual([404, "not_found"]);
      }
      expect((await as.get("/api/v1/report-schedules")).body.data).toEqual([]);
    }
    expect((await a.as.admin.get(`/api/v1/report-schedules/${s.id}`)).body.data.recipientEmails).toEqual([
      "boss@example.test",
    ]);
  });
});
