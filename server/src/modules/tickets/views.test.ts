import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;
let teamId: string;

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
  teamId = (
    await org.as.admin.post("/api/v1/teams", {
      name: "Returns",
      memberIds: [org.users.agent.id, org.users.supervisor.id],
    })
  ).body.data.id;
});

const open = (extra: Record<string, unknown> = {}) =>
  org.as.agent.post("/api/v1/tickets", {
    subject: "x",
    requester: { email: uniqueEmail() },
    message: { body: "y" },
    ...extra,
  });

describe("views work", () => {
  it("saves a personal view whose 'me' means the viewer, and counts it", async () => {
    await open({ assigneeId: org.users.agent.id, priority: "urgent" });
    await open({ assigneeId: org.users.agent.id, priority: "low" });
    await open({ assigneeId: org.users.supervisor.id, priority: "urgent" });
    const created = await org.as.agent.post("/api/v1/views", {
      name: "My urgent",
      filters: { assigneeId: "me", priority: ["urgent"] },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      name: "My urgent",
      scope: "personal",
      teamId: null,
      ownerId: org.users.agent.id,
      sort: "updated_desc",
    });
    const counts = (await org.as.agent.get("/api/v1/views/counts")).body.data;
    expect(counts).toContainEqual({ id: created.body.data.id, count: 1 });
    // Another user does not see it.
    expect((await org.as.manager.get("/api/v1/views")).body.data.map((v: { id: string }) => v.id)).not.toContain(
      created.body.data.id,
    );
  });

  it("shares a team view with the team's members, set up by a supervisor", async () => {
    await open({ teamId, status: undefined });
    const shared = await org.as.supervisor.post("/api/v1/views", {
      name: "Returns queue",
      teamId,
      filters: { teamId, status: ["new", "open"] },
    });
    expect(shared.status).toBe(201);
    expect(shared.body.data.scope).toBe("team");
    const agentViews = (await org.as.agent.get("/api/v1/views")).body.data.map((v: { id: string }) => v.id);
    expect(agentViews).toContain(shared.body.data.id);
    expect((await org.as.manager.get("/api/v1/views")).body.data.map((v: { id: string }) => v.id)).not.toContain(
      shared.body.data.id,
    );
    const count = (await org.as.agent.get("/api/v1/views/counts")).body.data.find(
      (c: { id: string }) => c.id === shared.body.data.id,
    );
    expect(count.count).toBe(1);
    const renamed = await org.as.supervisor.patch(`/api/v1/views/${shared.body.data.id}`, {
      name: "Returns — new and open",
    });
    expect(renamed.body.data.name).toBe("Returns — new and open");
  });

  it("shares a personal view with a team and takes it back", async () => {
    const mine = (
      await org.as.supervisor.post("/api/v1/views", { name: "Escalated", filters: { priority: ["urgent"] } })
    ).body.data;
    const shared = await org.as.supervisor.patch(`/api/v1/views/${mine.id}`, { teamId });
    expect(shared.status).toBe(200);
    expect(shared.body.data).toMatchObject({
      scope: "team",
      teamId,
      ownerId: org.users.supervisor.id,
      name: "Escalated",
    });
    expect((await org.as.agent.get("/api/v1/views")).body.data.map((v: { id: string }) => v.id)).toContain(mine.id);

    const back = await org.as.supervisor.patch(`/api/v1/views/${mine.id}`, { teamId: null });
    expect(back.body.data).toMatchObject({ scope: "personal", teamId: null, ownerId: org.users.supervisor.id });
    expect((await org.as.agent.get("/api/v1/views")).body.data.map((v: { id: string }) => v.id)).not.toContain(mine.id);
    const audit = await org.as.admin.get(`/api/v1/audit-events?action=view.updated&entityType=view`);
    const changes = audit.body.data
      .filter((e: { entityId: string }) => e.entityId === mine.id)
      .map((e: { changes: unknown }) => e.changes);
    expect(changes).toEqual([{ teamId: [teamId, null] }, { teamId: [null, teamId] }]);
  });

  it("deletes one's own view", async () => {
    const v = (await org.as.manager.post("/api/v1/views", { name: "Temp", filters: {} })).body.data;
    expect((await org.as.manager.delete(`/api/v1/views/${v.id}`)).status).toBe(204);
    expect((await org.as.manager.get("/api/v1/views")).body.data.map((x: { id: string }) => x.id)).not.toContain(v.id);
  });
});

describe("views reject bad input and the wrong user", () => {
  it("names bad filters and refuses an unknown team", async () => {
    const bad = await org.as.agent.post("/api/v1/views", { name: "", filters: { status: ["done"], colour: "red" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(["filters.colour", "filters.status.0", "name"]);
    const ghost = await org.as.supervisor.post("/api/v1/views", {
      name: "x",
      teamId: "01900000-0000-7000-8000-000000000000",
      filters: {},
    });
    expect(ghost.status).toBe(422);
    const view = (await org.as.supervisor.post("/api/v1/views", { name: "y", filters: {} })).body.data;
    const reshared = await org.as.supervisor.patch(`/api/v1/views/${view.id}`, {
      teamId: "01900000-0000-7000-8000-000000000000",
    });
    expect(reshared.status).toBe(422);
    expect(reshared.body.fields).toEqual({ teamId: ["Unknown team"] });
  });

  it("lets an agent neither share a view nor change a team view or another's view", async () => {
    expect((await org.as.agent.post("/api/v1/views", { name: "x", teamId, filters: {} })).status).toBe(403);
    const shared = (await org.as.supervisor.post("/api/v1/views", { name: "Team", teamId, filters: {} })).body.data;
    expect((await org.as.agent.patch(`/api/v1/views/${shared.id}`, { name: "Mine now" })).status).toBe(403);
    const personal = (await org.as.manager.post("/api/v1/views", { name: "Private", filters: {} })).body.data;
    expect((await org.as.agent.delete(`/api/v1/views/${personal.id}`)).status).toBe(404);
    const own = (await org.as.agent.post("/api/v1/views", { name: "Mine", filters: {} })).body.data;
    const share = await org.as.agent.patch(`/api/v1/views/${own.id}`, { teamId });
    expect(share.status).toBe(403);
    expect((await org.as.agent.get("/api/v1/views")).body.data.find((v: { id: string }) => v.id === own.id).scope).toBe(
      "personal",
    );
    const other = await makeOrg(h);
    expect((await other.as.admin.patch(`/api/v1/views/${shared.id}`, { name: "x" })).status).toBe(404);
  });
});
