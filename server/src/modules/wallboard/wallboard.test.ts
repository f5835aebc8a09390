import { ROLES } from "@frontline/common";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg } from "../../../test/factories";
import { type KnownFloor, knownFloor } from "../../../test/floor";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;
let f: KnownFloor;
const started = Date.now();

beforeAll(async () => {
  h = await testApp();
  f = await knownFloor(h);
});

const noWait = { waiting: 0, oldestWaitSeconds: null, atRiskNextHour: 0, breached: 0 };
const elapsed = () => Math.ceil((Date.now() - started) / 1000) + 1;

describe("GET /wallboard: the floor's numbers", () => {
  it("counts a supervisor's team: queue by channel, promises due within the hour and missed, escalations nobody took", async () => {
    const res = await f.org.as.supervisor.get("/api/v1/wallboard");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const board = res.body.data;
    expect(Date.parse(board.generatedAt)).toBeGreaterThanOrEqual(started);
    expect(board.teamChoices).toEqual([{ id: f.billing, name: "Billing" }]);
    expect(board.teams).toHaveLength(1);
    const [billing] = board.teams;
    // Waiting: due, later (email) and missed (chat); not Ana's, the pending one or the solved one.
    expect(billing).toMatchObject({ id: f.billing, name: "Billing", waiting: 3, atRiskNextHour: 2, breached: 1 });
    expect(billing.escalationsWaiting).toBe(1);
    expect(billing.oldestWaitSeconds).toBeGreaterThanOrEqual(0);
    expect(billing.oldestWaitSeconds).toBeLessThanOrEqual(elapsed());
    expect(billing.channels.map((c: { channel: string }) => c.channel)).toEqual(["chat", "email"]);
    expect(billing.channels[0]).toMatchObject({ channel: "chat", waiting: 1, atRiskNextHour: 0, breached: 1 });
    expect(billing.channels[1]).toMatchObject({ channel: "email", waiting: 2, atRiskNextHour: 2, breached: 0 });
    expect(board.escalationsWaiting.count).toBe(1);
    expect(board.escalationsWaiting.oldestWaitSeconds).toBeLessThanOrEqual(elapsed());
  });

  it("lists the team's people with presence, open load against capacity and the ticket they touched last", async () => {
    const board = (await f.org.as.supervisor.get("/api/v1/wallboard")).body.data;
    const anas = (await f.org.as.admin.get(`/api/v1/tickets/${f.t.anas}`)).body.data;
    expect(board.agents).toEqual([
      {
        id: f.ana.id,
        name: "Ana Pop",
        teamIds: [f.billing],
        presence: "online",
        presenceSince: expect.any(String),
        openLoad: { tickets: 2, chats: 0 },
        capacity: { tickets: 5, chats: 3 },
        currentTicket: { id: f.t.anas, number: anas.number, subject: "Ana works on this" },
      },
      {
        id: f.org.users.supervisor.id,
        name: expect.stringMatching(/^supervisor /),
        teamIds: [f.billing],
        presence: "offline",
        presenceSince: null,
        openLoad: { tickets: 0, chats: 0 },
        capacity: { tickets: 10, chats: 3 },
        currentTicket: null,
      },
    ]);
  });

  it("shows managers and admins every team, and every escalation waiting, teamless tickets' too", async () => {
    for (const role of ["manager", "admin"] as const) {
      const board = (await f.org.as[role].get("/api/v1/wallboard")).body.data;
      expect(board.teamChoices.map((t: { name: string }) => t.name)).toEqual(["Billing", "Returns"]);
      expect(board.teams.map((t: { id: string }) => t.id)).toEqual([f.billing, f.returns]);
      expect(board.teams[1]).toMatchObject({ waiting: 1, atRiskNextHour: 0, breached: 0, escalationsWaiting: 0 });
      expect(board.teams[1].channels).toEqual([
        { channel: "web", ...noWait, waiting: 1, oldestWaitSeconds: expect.any(Number) },
      ]);
      expect(board.agents.map((a: { name: string }) => a.name)).toEqual([
        "Ana Pop",
        "Bogdan Ionescu",
        expect.stringMatching(/^supervisor /),
      ]);
      expect(board.escalationsWaiting.count).toBe(2);
    }
  });

  it("narrows to one team with ?teamId=, its escalations alone", async () => {
    const board = (await f.org.as.manager.get(`/api/v1/wallboard?teamId=${f.returns}`)).body.data;
    expect(board.teams.map((t: { id: string }) => t.id)).toEqual([f.returns]);
    expect(board.agents.map((a: { id: string }) => a.id)).toEqual([f.bogdan.id]);
    expect(board.escalationsWaiting).toEqual({ count: 0, oldestWaitSeconds: null });
    expect(board.teamChoices).toHaveLength(2);
    const own = (await f.org.as.supervisor.get(`/api/v1/wallboard?teamId=${f.billing}`)).body.data;
    expect(own.teams.map((t: { id: string }) => t.id)).toEqual([f.billing]);
  });

  it("moves with the floor: a solved ticket leaves the queue and its promise with it", async () => {
    const org = await makeOrg(h);
    const team = (await org.as.admin.post("/api/v1/teams", { name: "Solo", memberIds: [org.users.supervisor.id] })).body
      .data.id;
    const ticket = await org.as.admin.post("/api/v1/tickets", {
      subject: "Hello",
      requester: { email: "solo@example.test" },
      message: { body: "Hi" },
      teamId: team,
    });
    const before = (await org.as.supervisor.get("/api/v1/wallboard")).body.data.teams[0];
    expect(before).toMatchObject({ waiting: 1, breached: 0 });
    await org.as.admin.patch(`/api/v1/tickets/${ticket.body.data.id}`, { status: "solved" });
    const after = (await org.as.supervisor.get("/api/v1/wallboard")).body.data.teams[0];
    expect(after).toMatchObject({ ...noWait, channels: [], escalationsWaiting: 0 });
  });

  it("answers an empty floor to a supervisor in no team", async () => {
    const org = await makeOrg(h);
    const res = await org.as.supervisor.get("/api/v1/wallboard");
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      teams: [],
      agents: [],
      teamChoices: [],
      escalationsWaiting: { count: 0, oldestWaitSeconds: null },
    });
  });
});

describe("GET /wallboard: who may watch what", () => {
  it("refuses agents (403), on the snapshot and on the stream", async () => {
    for (const path of ["/api/v1/wallboard", "/api/v1/wallboard/stream", `/api/v1/wallboard?teamId=${f.billing}`]) {
      const res = await f.org.as.agent.get(path);
      expect(res.status, path).toBe(403);
      expect(res.body.code).toBe("forbidden");
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("refuses a supervisor a team they are not in (403), on the snapshot and on the stream", async () => {
    for (const path of [`/api/v1/wallboard?teamId=${f.returns}`, `/api/v1/wallboard/stream?teamId=${f.returns}`]) {
      const res = await f.org.as.supervisor.get(path);
      expect(res.status, path).toBe(403);
    }
  });

  it("answers 404 to every role allowed for another organisation's team or an unknown one", async () => {
    const other = await makeOrg(h);
    for (const role of ROLES.filter((r) => r !== "agent")) {
      for (const teamId of [f.billing, "01900000-0000-7000-8000-000000000000"]) {
        for (const path of [`/api/v1/wallboard?teamId=${teamId}`, `/api/v1/wallboard/stream?teamId=${teamId}`]) {
          const res = await other.as[role].get(path);
          expect(res.status, `${role} ${path}`).toBe(404);
          expect(res.body.code).toBe("not_found");
        }
      }
    }
  });

  it("rejects a malformed team id and unknown parameters (400)", async () => {
    const bad = await f.org.as.admin.get("/api/v1/wallboard?teamId=billing");
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty("teamId");
    const unknown = await f.org.as.admin.get("/api/v1/wallboard?team=x");
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual({ team: ["Unknown field"] });
  });

  it("needs a signed-in caller (401)", async () => {
    const res = await h.app.request("/api/v1/wallboard/stream");
    expect(res.status).toBe(401);
  });
});
