import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
});

const vip = {
  kind: "trigger",
  name: "VIP first",
  events: ["ticket.created", "ticket.created"],
  conditions: { all: [{ field: "tags", op: "contains", value: "vip" }] },
  actions: [{ type: "set_priority", value: "urgent" }],
};

describe("rules work", () => {
  it("adds rules at the end of their kind, lists them in order, changes, reorders and deletes them", async () => {
    const own = await makeOrg(h);
    const a = (await own.as.admin.post("/api/v1/rules", vip)).body.data;
    expect(a).toMatchObject({
      name: "VIP first",
      kind: "trigger",
      active: true,
      position: 0,
      events: ["ticket.created"],
    });
    expect(a).toMatchObject({ conditions: { any: [] }, lastFiredAt: null, firings30d: 0 });
    const b = (await own.as.admin.post("/api/v1/rules", { ...vip, name: "Second" })).body.data;
    const auto = (
      await own.as.admin.post("/api/v1/rules", {
        kind: "automation",
        name: "Close solved",
        conditions: {
          all: [
            { field: "status", op: "is", value: "solved" },
            { field: "hours_since_updated", op: "gte", value: 96 },
          ],
        },
        actions: [{ type: "set_status", value: "closed" }],
      })
    ).body.data;
    expect([b.position, auto.position, auto.events]).toEqual([1, 0, []]);

    const changed = await own.as.admin.patch(`/api/v1/rules/${b.id}`, { active: false, name: "Second, off" });
    expect(changed.body.data).toMatchObject({ active: false, name: "Second, off" });
    const reordered = await own.as.admin.post("/api/v1/rules/reorder", { kind: "trigger", ids: [b.id, a.id] });
    expect(reordered.body.data.map((r: { id: string }) => r.id)).toEqual([b.id, a.id]);
    const listed = (await own.as.supervisor.get("/api/v1/rules")).body.data;
    expect(listed.map((r: { name: string }) => r.name)).toEqual(["Close solved", "Second, off", "VIP first"]);
    expect((await own.as.admin.delete(`/api/v1/rules/${a.id}`)).status).toBe(204);
    expect((await own.as.admin.get(`/api/v1/rules/${a.id}`)).status).toBe(404);
  });
});

describe("rules reject bad input", () => {
  it("names the failing condition, action and field", async () => {
    const res = await org.as.admin.post("/api/v1/rules", {
      ...vip,
      conditions: { all: [{ field: "priority", op: "contains", value: "x" }] },
      actions: [{ type: "reply", body: "Dear {{customer.ssn}}" }],
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(["actions.0.body", "conditions.all.0.op"]);
  });

  it("refuses a team or person the organisation does not have, and events on an automation", async () => {
    const other = await makeOrg(h);
    const res = await org.as.admin.post("/api/v1/rules", {
      ...vip,
      actions: [
        { type: "set_assignee", value: other.users.agent.id },
        { type: "set_team", value: "01900000-0000-7000-8000-000000000000" },
      ],
    });
    expect([res.status, Object.keys(res.body.fields).sort()]).toEqual([422, ["actions.0.value", "actions.1.value"]]);
    const auto = (
      await org.as.admin.post("/api/v1/rules", {
        kind: "automation",
        name: "a",
        actions: [{ type: "add_tags", value: ["x"] }],
      })
    ).body.data;
    const wrong = await org.as.admin.patch(`/api/v1/rules/${auto.id}`, { events: ["ticket.created"] });
    expect([wrong.status, Object.keys(wrong.body.fields)]).toEqual([400, ["events"]]);
  });

  it("needs every rule of the kind, once, to reorder", async () => {
    const own = await makeOrg(h);
    const a = (await own.as.admin.post("/api/v1/rules", vip)).body.data;
    await own.as.admin.post("/api/v1/rules", vip);
    const res = await own.as.admin.post("/api/v1/rules/reorder", { kind: "trigger", ids: [a.id, a.id] });
    expect([res.status, Object.keys(res.body.fields)]).toEqual([422, ["ids"]]);
  });
});

describe("rules refuse the wrong user", () => {
  it("lets only admins write and supervisors and above read", async () => {
    expect((await org.as.manager.post("/api/v1/rules", vip)).status).toBe(403);
    expect((await org.as.agent.get("/api/v1/rules")).status).toBe(403);
    expect((await org.as.supervisor.get("/api/v1/rules")).status).toBe(200);
  });

  it("answers 404 for another organisation's rule", async () => {
    const other = await makeOrg(h);
    const theirs = (await other.as.admin.post("/api/v1/rules", vip)).body.data;
    expect((await org.as.admin.get(`/api/v1/rules/${theirs.id}`)).status).toBe(404);
    expect((await org.as.admin.patch(`/api/v1/rules/${theirs.id}`, { active: false })).status).toBe(404);
    expect((await org.as.admin.delete(`/api/v1/rules/${theirs.id}`)).status).toBe(404);
    expect((await other.as.admin.get(`/api/v1/rules/${theirs.id}`)).body.data.active).toBe(true);
  });
});
