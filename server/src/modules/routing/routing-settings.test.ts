import { setTicketRequirementsInput, updateRoutingAgentInput } from "@frontline/common";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../../test/client";
import { testApp } from "../../../test/harness";
import { makeFloor } from "../../../test/routing";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const GHOST = "01900000-0000-7000-8000-000000000000";

function expectProblem(res: Reply, status: number, fields?: Record<string, string[]>) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  if (fields) expect(res.body.fields).toEqual(fields);
}

describe("skills", () => {
  it("are listed by name with how many agents have each; renamed; deleted from agents and tickets alike", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    const sup = floor.org.as.supervisor;
    const sepa = (await sup.post("/api/v1/routing/skills", { name: "  SEPA " })).body.data;
    const refunds = (await sup.post("/api/v1/routing/skills", { name: "refunds" })).body.data;
    expect(sepa).toEqual({
      id: expect.any(String),
      name: "SEPA",
      agentCount: 0,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    await sup.patch(`/api/v1/routing/agents/${floor.agents[0]!.id}`, { skills: [{ skillId: sepa.id, level: 4 }] });
    const ticket = await floor.ticket();
    await sup.put(`/api/v1/tickets/${ticket.id}/requirements`, { skillIds: [sepa.id], language: null });
    const listed = (await floor.org.as.agent.get("/api/v1/routing/skills")).body;
    expect(listed.data.map((s: { name: string; agentCount: number }) => [s.name, s.agentCount])).toEqual([
      ["refunds", 0],
      ["SEPA", 1],
    ]);
    expect(listed.nextCursor).toBeNull();
    const renamed = await sup.patch(`/api/v1/routing/skills/${refunds.id}`, { name: "Refunds" });
    expect(renamed.body.data).toMatchObject({ id: refunds.id, name: "Refunds" });
    expect((await sup.delete(`/api/v1/routing/skills/${sepa.id}`)).status).toBe(204);
    expect((await sup.get(`/api/v1/routing/agents/${floor.agents[0]!.id}`)).body.data.skills).toEqual([]);
    expect((await sup.get(`/api/v1/tickets/${ticket.id}/requirements`)).body.data.skillIds).toEqual([]);
    const audit = (await floor.org.as.admin.get("/api/v1/audit-events?entityType=skill")).body.data;
    expect(audit.map((e: { action: string }) => e.action)).toEqual([
      "routing.skill_deleted",
      "routing.skill_renamed",
      "routing.skill_created",
      "routing.skill_created",
    ]);
  });

  it("refuses a name taken in any case (409), an empty or long name (400), unknown ids (404) and agents (403)", async () => {
    const floor = await makeFloor(h, []);
    const sup = floor.org.as.supervisor;
    const vat = (await sup.post("/api/v1/routing/skills", { name: "VAT" })).body.data;
    const other = (await sup.post("/api/v1/routing/skills", { name: "Other" })).body.data;
    expectProblem(await sup.post("/api/v1/routing/skills", { name: "vat" }), 409, { name: ["Already in use"] });
    expectProblem(await sup.patch(`/api/v1/routing/skills/${other.id}`, { name: "Vat" }), 409, {
      name: ["Already in use"],
    });
    expectProblem(await sup.post("/api/v1/routing/skills", { name: " " }), 400);
    expectProblem(await sup.post("/api/v1/routing/skills", { name: "x".repeat(61) }), 400);
    expectProblem(await sup.post("/api/v1/routing/skills", { name: "X", level: 2 }), 400, { level: ["Unknown field"] });
    expectProblem(await sup.patch(`/api/v1/routing/skills/${GHOST}`, { name: "Y" }), 404);
    expectProblem(await sup.delete(`/api/v1/routing/skills/${GHOST}`), 404);
    for (const res of [
      await floor.org.as.agent.post("/api/v1/routing/skills", { name: "Mine" }),
      await floor.org.as.agent.patch(`/api/v1/routing/skills/${vat.id}`, { name: "Mine" }),
      await floor.org.as.agent.delete(`/api/v1/routing/skills/${vat.id}`),
    ]) {
      expectProblem(res, 403);
    }
    const names = (await sup.get("/api/v1/routing/skills")).body.data.map((s: { name: string }) => s.name);
    expect(names).toEqual(["Other", "VAT"]);
  });
});

describe("a team's routing", () => {
  it("starts manual with matching on, and is changed by the team's supervisor, a manager or an admin", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    const path = `/api/v1/teams/${floor.teamId}/routing`;
    expect((await floor.agents[0]!.as.get(path)).body.data).toEqual({
      teamId: floor.teamId,
      strategy: "manual",
      skillMatching: true,
      languageMatching: true,
      reassignOnOffline: false,
      updatedAt: null,
    });
    const body = { strategy: "least_loaded", skillMatching: false, languageMatching: true, reassignOnOffline: true };
    const set = await floor.org.as.supervisor.put(path, body);
    expect(set.body.data).toEqual({ teamId: floor.teamId, ...body, updatedAt: expect.any(String) });
    expect((await floor.org.as.manager.put(path, { ...body, strategy: "round_robin" })).status).toBe(200);
    expect((await floor.org.as.admin.put(path, { ...body, strategy: "manual" })).status).toBe(200);
    const audit = (
      await floor.org.as.admin.get(`/api/v1/audit-events?entityId=${floor.teamId}&action=routing.team_updated`)
    ).body.data;
    expect(audit.map((e: { changes: unknown }) => e.changes)).toEqual([
      { strategy: ["round_robin", "manual"] },
      { strategy: ["least_loaded", "round_robin"] },
      { strategy: ["manual", "least_loaded"], skillMatching: [true, false], reassignOnOffline: [false, true] },
    ]);
  });

  it("is refused to agents and to supervisors of other teams (403), and to bad or partial settings (400)", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    const path = `/api/v1/teams/${floor.teamId}/routing`;
    const body = { strategy: "round_robin", skillMatching: true, languageMatching: true, reassignOnOffline: false };
    const other = (await floor.org.as.admin.post("/api/v1/teams", { name: "Elsewhere" })).body.data;
    expectProblem(await floor.agents[0]!.as.put(path, body), 403);
    expectProblem(await floor.org.as.supervisor.put(`/api/v1/teams/${other.id}/routing`, body), 403);
    expectProblem(await floor.org.as.supervisor.put(path, { ...body, strategy: "random" }), 400, {
      strategy: [expect.any(String)],
    });
    expectProblem(await floor.org.as.supervisor.put(path, { strategy: "round_robin" }), 400);
    expectProblem(await floor.org.as.supervisor.put(path, { ...body, lastUserId: GHOST }), 400, {
      lastUserId: ["Unknown field"],
    });
    expectProblem(await floor.org.as.admin.put(`/api/v1/teams/${GHOST}/routing`, body), 404);
    expectProblem(await floor.org.as.admin.get(`/api/v1/teams/${GHOST}/routing`), 404);
    expect((await floor.org.as.admin.get(path)).body.data.strategy).toBe("manual");
  });
});

describe("an agent's routing profile", () => {
  it("is set by their supervisors, managers and admins; never by an agent, nor a supervisor of other teams", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    const ana = floor.agents[0]!;
    const path = `/api/v1/routing/agents/${ana.id}`;
    const outsider = floor.org.users.agent.id; // in no team
    expect(
      (await floor.org.as.supervisor.patch(path, { maxTickets: 4, languages: ["fr", "fr", "de"] })).body.data,
    ).toMatchObject({
      capacity: { tickets: 4, chats: 3 },
      languages: ["fr", "de"],
      speaks: ["en", "fr", "de"],
      profileLocale: "en",
    });
    expect((await floor.org.as.manager.patch(path, { maxChats: 1 })).body.data.capacity).toEqual({
      tickets: 4,
      chats: 1,
    });
    expectProblem(await ana.as.patch(path, { maxTickets: 50 }), 403);
    expectProblem(await floor.org.as.supervisor.patch(`/api/v1/routing/agents/${outsider}`, { maxTickets: 1 }), 403);
    expect((await floor.org.as.admin.patch(`/api/v1/routing/agents/${outsider}`, { maxTickets: 1 })).status).toBe(200);
    // An agent sees their own profile, not a colleague's.
    expect((await ana.as.get(path)).status).toBe(200);
    expectProblem(await ana.as.get(`/api/v1/routing/agents/${outsider}`), 403);
    expectProblem(await ana.as.get("/api/v1/routing/agents"), 403);
  });

  it("refuses unknown languages, bad levels and capacities, and duplicate skills (400), writing nothing", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    const sup = floor.org.as.supervisor;
    const path = `/api/v1/routing/agents/${floor.agents[0]!.id}`;
    const skill = (await sup.post("/api/v1/routing/skills", { name: "VAT" })).body.data;
    expectProblem(await sup.patch(path, { languages: ["en", "klingon"] }), 400, {
      "languages.1": ["Unknown language: give an ISO 639-1 code such as de or pt"],
    });
    expectProblem(await sup.patch(path, { skills: [{ skillId: skill.id, level: 6 }] }), 400);
    expectProblem(await sup.patch(path, { skills: [{ skillId: skill.id }, { skillId: skill.id, level: 1 }] }), 400, {
      skills: ["A skill is listed twice"],
    });
    expectProblem(await sup.patch(path, { maxTickets: -1 }), 400);
    expectProblem(await sup.patch(path, { maxChats: 1.5 }), 400);
    expectProblem(await sup.patch(path, { presence: "online" }), 400, { presence: ["Unknown field"] });
    expectProblem(await sup.patch(`/api/v1/routing/agents/${GHOST}`, { maxTickets: 1 }), 404);
    expect((await sup.get(path)).body.data).toMatchObject({
      skills: [],
      languages: [],
      capacity: { tickets: 10, chats: 3 },
    });
  });
});

describe("presence", () => {
  it("is set by the agent for themselves, by their team's supervisor, a manager or an admin", async () => {
    const floor = await makeFloor(h, ["Ana", "Bogdan"]);
    const [ana, bogdan] = floor.agents;
    expect((await ana!.as.get("/api/v1/me/presence")).body.data).toEqual({
      userId: ana!.id,
      status: "offline",
      since: null,
    });
    expect((await ana!.as.put("/api/v1/me/presence", { status: "away" })).body.data.status).toBe("away");
    expect(
      (await ana!.as.put(`/api/v1/routing/agents/${ana!.id}/presence`, { status: "online" })).body.data.status,
    ).toBe("online");
    expectProblem(await ana!.as.put(`/api/v1/routing/agents/${bogdan!.id}/presence`, { status: "online" }), 403);
    const bySup = await floor.org.as.supervisor.put(`/api/v1/routing/agents/${bogdan!.id}/presence`, {
      status: "online",
    });
    expect(bySup.body.data).toEqual({ userId: bogdan!.id, status: "online", since: expect.any(String) });
    const outsider = floor.org.users.agent.id;
    expectProblem(
      await floor.org.as.supervisor.put(`/api/v1/routing/agents/${outsider}/presence`, { status: "online" }),
      403,
    );
    expect(
      (await floor.org.as.manager.put(`/api/v1/routing/agents/${outsider}/presence`, { status: "online" })).status,
    ).toBe(200);
    expectProblem(await ana!.as.put("/api/v1/me/presence", { status: "busy" }), 400);
    expectProblem(await ana!.as.put("/api/v1/me/presence", {}), 400, { status: [expect.any(String)] });
    expectProblem(await floor.org.as.admin.put(`/api/v1/routing/agents/${GHOST}/presence`, { status: "online" }), 404);
    const audit = (
      await floor.org.as.admin.get(`/api/v1/audit-events?entityId=${bogdan!.id}&action=routing.presence_changed`)
    ).body.data;
    expect(audit.map((e: { actorName: string; changes: unknown }) => [e.actorName, e.changes])).toEqual([
      [expect.stringMatching(/^supervisor /), { presence: ["offline", "online"] }],
    ]);
  });
});

describe("a ticket's requirements", () => {
  it("refuse unknown skills (422), unknown languages (400), and a merged ticket (409)", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    const as = floor.agents[0]!.as;
    const [one, two] = [await floor.ticket(), await floor.ticket()];
    const path = `/api/v1/tickets/${one.id}/requirements`;
    expectProblem(await as.put(path, { skillIds: [GHOST], language: null }), 422, { "skillIds.0": ["Unknown skill"] });
    expectProblem(await as.put(path, { skillIds: [], language: "xx" }), 400, {
      language: ["Unknown language: give an ISO 639-1 code such as de or pt"],
    });
    expectProblem(await as.put(path, { skillIds: [] }), 400);
    expectProblem(await as.put(`/api/v1/tickets/${GHOST}/requirements`, { skillIds: [], language: null }), 404);
    await floor.org.as.supervisor.post(`/api/v1/tickets/${one.id}/merge`, { sourceId: two.id });
    expectProblem(await as.put(`/api/v1/tickets/${two.id}/requirements`, { skillIds: [], language: "de" }), 409);
    const set = await as.put(path, { skillIds: [], language: "PT" });
    expect(set.body.data).toMatchObject({ language: "pt", requiredLanguage: "pt" });
  });
});

describe("the floor", () => {
  it("is for supervisors and above; the queue needs its team", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    expectProblem(await floor.agents[0]!.as.get(`/api/v1/routing/queue?teamId=${floor.teamId}`), 403);
    expectProblem(await floor.org.as.supervisor.get("/api/v1/routing/queue"), 400, { teamId: [expect.any(String)] });
    expectProblem(await floor.org.as.supervisor.get(`/api/v1/routing/queue?teamId=${GHOST}`), 404);
    const page = await floor.org.as.supervisor.get(`/api/v1/routing/agents?teamId=${floor.teamId}&limit=1`);
    expect(page.body.data.map((a: { name: string }) => a.name)).toEqual(["Ana"]);
    const rest = await floor.org.as.supervisor.get(
      `/api/v1/routing/agents?teamId=${floor.teamId}&limit=1&cursor=${page.body.nextCursor}`,
    );
    expect(rest.body.data.map((a: { role: string }) => a.role)).toEqual(["supervisor"]);
    expect(rest.body.nextCursor).toBeNull();
  });
});

describe("arbitrary input never breaks routing", () => {
  const anyJson = fc.jsonValue({ maxDepth: 3, stringUnit: "binary" });
  const nearProfile = fc.record(
    {
      skills: fc.oneof(
        fc.array(fc.record({ skillId: fc.uuid(), level: fc.oneof(fc.integer(), fc.constant(null)) })),
        anyJson,
      ),
      languages: fc.oneof(fc.array(fc.constantFrom("en", "DE", "pt", "xx", "")), anyJson),
      maxTickets: fc.oneof(fc.integer({ min: -5, max: 600 }), anyJson),
      maxChats: fc.oneof(fc.integer({ min: -5, max: 30 }), anyJson),
    },
    { requiredKeys: [] },
  );
  const nearRequirements = fc.record(
    {
      skillIds: fc.oneof(fc.array(fc.uuid(), { maxLength: 3 }), anyJson),
      language: fc.oneof(fc.constantFrom("de", "zz", null), anyJson),
    },
    { requiredKeys: [] },
  );

  it("PATCH /routing/agents/:id and PUT /tickets/:id/requirements: no 500, a change only from a valid body", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    const sup = floor.org.as.supervisor;
    const agentPath = `/api/v1/routing/agents/${floor.agents[0]!.id}`;
    const ticket = await floor.ticket();
    const reqPath = `/api/v1/tickets/${ticket.id}/requirements`;
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson, nearProfile), fc.oneof(anyJson, nearRequirements), async (profile, req) => {
        const before = [(await sup.get(agentPath)).body.data, (await sup.get(reqPath)).body.data];
        const a = await sup.send("PATCH", agentPath, JSON.stringify(profile), { "content-type": "application/json" });
        const r = await sup.send("PUT", reqPath, JSON.stringify(req), { "content-type": "application/json" });
        expect(a.status, JSON.stringify(a.body)).toBeLessThan(500);
        expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
        if (a.status !== 200) expect((await sup.get(agentPath)).body.data).toEqual(before[0]);
        else expect(updateRoutingAgentInput.safeParse(profile).success).toBe(true);
        if (r.status !== 200) expect((await sup.get(reqPath)).body.data).toEqual(before[1]);
        else expect(setTicketRequirementsInput.safeParse(req).success).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
