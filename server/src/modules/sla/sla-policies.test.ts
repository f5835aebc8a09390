import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
});

const urgent = {
  name: "Urgent",
  conditions: { priority: ["urgent"], channel: ["email", "web"], tags: ["vip"] },
  targets: { firstReply: { minutes: 60, businessTime: false }, resolution: { minutes: 480 } },
};

describe("SLA policies work", () => {
  it("are added last, tried in order, changed, reordered and deleted", async () => {
    const own = await makeOrg(h);
    const calendar = (
      await own.as.admin.post("/api/v1/business-calendars", {
        name: "Bucharest",
        timeZone: "Europe/Bucharest",
        hours: [{ day: "mon", open: "09:00", close: "17:00" }],
        holidays: [],
      })
    ).body.data;
    const a = await own.as.admin.post("/api/v1/sla-policies", { ...urgent, calendarId: calendar.id });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body.data).toMatchObject({
      name: "Urgent",
      calendarId: calendar.id,
      position: 0,
      active: true,
      targets: { firstReply: { minutes: 60, businessTime: false }, resolution: { minutes: 480, businessTime: true } },
      pauseOn: ["pending", "on_hold"],
      warnBeforeMinutes: 60,
    });
    const b = (
      await own.as.admin.post("/api/v1/sla-policies", { name: "Everyone", targets: { firstReply: { minutes: 480 } } })
    ).body.data;
    expect(b.position).toBe(1);
    const changed = await own.as.admin.patch(`/api/v1/sla-policies/${b.id}`, {
      warnBeforeMinutes: 0,
      pauseOn: ["pending"],
    });
    expect(changed.body.data).toMatchObject({ warnBeforeMinutes: 0, pauseOn: ["pending"] });
    const reordered = await own.as.admin.post("/api/v1/sla-policies/reorder", { ids: [b.id, a.body.data.id] });
    expect(reordered.body.data.map((p: { name: string }) => p.name)).toEqual(["Everyone", "Urgent"]);
    expect((await own.as.agent.get("/api/v1/sla-policies")).body.data).toHaveLength(2);
    expect((await own.as.admin.delete(`/api/v1/sla-policies/${b.id}`)).status).toBe(204);
    expect((await own.as.agent.get(`/api/v1/sla-policies/${b.id}`)).status).toBe(404);
  });
});

describe("SLA policies reject bad input", () => {
  it("names the failing field", async () => {
    const none = await org.as.admin.post("/api/v1/sla-policies", { name: "Nothing", targets: {} });
    expect([none.status, Object.keys(none.body.fields)]).toEqual([400, ["targets"]]);
    const bad = await org.as.admin.post("/api/v1/sla-policies", {
      name: "",
      targets: { firstReply: { minutes: 0 }, lunch: { minutes: 3 } },
      conditions: { priority: ["extreme"] },
      pauseOn: ["solved"],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual([
      "conditions.priority.0",
      "name",
      "pauseOn.0",
      "targets.firstReply.minutes",
      "targets.lunch",
    ]);
  });

  it("refuses another organisation's calendar and team, and a partial reorder", async () => {
    const other = await makeOrg(h);
    const theirCalendar = (
      await other.as.admin.post("/api/v1/business-calendars", {
        name: "Theirs",
        timeZone: "UTC",
        hours: [{ day: "mon", open: "09:00", close: "17:00" }],
        holidays: [],
      })
    ).body.data;
    const theirTeam = (await other.as.admin.post("/api/v1/teams", { name: "Their team" })).body.data;
    const res = await org.as.admin.post("/api/v1/sla-policies", {
      ...urgent,
      calendarId: theirCalendar.id,
      conditions: { teamId: [theirTeam.id] },
    });
    expect([res.status, Object.keys(res.body.fields).sort()]).toEqual([422, ["calendarId", "conditions.teamId.0"]]);
    const own = await makeOrg(h);
    const p = (await own.as.admin.post("/api/v1/sla-policies", urgent)).body.data;
    await own.as.admin.post("/api/v1/sla-policies", urgent);
    const partial = await own.as.admin.post("/api/v1/sla-policies/reorder", { ids: [p.id] });
    expect([partial.status, Object.keys(partial.body.fields)]).toEqual([422, ["ids"]]);
  });
});

describe("SLA policies refuse the wrong user", () => {
  it("lets only admins write, and hides other organisations' policies and tickets", async () => {
    expect((await org.as.manager.post("/api/v1/sla-policies", urgent)).status).toBe(403);
    const other = await makeOrg(h);
    const theirs = (await other.as.admin.post("/api/v1/sla-policies", urgent)).body.data;
    for (const res of [
      await org.as.admin.get(`/api/v1/sla-policies/${theirs.id}`),
      await org.as.admin.patch(`/api/v1/sla-policies/${theirs.id}`, { active: false }),
      await org.as.admin.delete(`/api/v1/sla-policies/${theirs.id}`),
    ]) {
      expect(res.status).toBe(404);
    }
    const ticket = (
      await other.as.agent.post("/api/v1/tickets", {
        subject: "x",
        requester: { email: "a@b.test" },
        message: { body: "b" },
      })
    ).body.data;
    expect((await org.as.agent.get(`/api/v1/tickets/${ticket.id}/sla`)).status).toBe(404);
    expect((await other.as.admin.get(`/api/v1/sla-policies/${theirs.id}`)).body.data.active).toBe(true);
  });
});
