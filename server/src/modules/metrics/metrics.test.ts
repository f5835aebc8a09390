import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;
let a: TestOrg;
let b: TestOrg;
let teamOfA: string;

beforeAll(async () => {
  h = await testApp();
  a = await makeOrg(h);
  b = await makeOrg(h);
  teamOfA = (await a.as.admin.post("/api/v1/teams", { name: "Care", memberIds: [a.users.supervisor.id] })).body.data.id;
  for (const subject of ["One", "Two"]) {
    const res = await a.as.agent.post("/api/v1/tickets", {
      subject,
      requester: { email: uniqueEmail(), name: "Ana" },
      message: { body: "Hello" },
      teamId: teamOfA,
      tags: ["billing"],
    });
    expect(res.status).toBe(201);
  }
});

describe("metrics API", () => {
  it("keeps each organisation's numbers to itself, whatever the filter", async () => {
    expect((await a.as.manager.get("/api/v1/metrics/summary")).body.data.ticketsCreated).toBe(2);
    expect((await b.as.manager.get("/api/v1/metrics/summary")).body.data.ticketsCreated).toBe(0);
    const foreignTeam = await b.as.manager.get(`/api/v1/metrics/summary?teamId=${teamOfA}`);
    expect(foreignTeam.body.data.ticketsCreated).toBe(0);
    expect((await b.as.manager.get("/api/v1/metrics/tickets?set=created")).body.data).toEqual([]);
    expect((await b.as.manager.get("/api/v1/metrics/complaints")).body.data.tags).toEqual([]);
    const rows = (await b.as.manager.get("/api/v1/metrics/breakdown?by=team")).body.data.rows;
    expect(rows).toEqual([]);
  });

  it("shows supervisors their own teams only", async () => {
    expect((await a.as.supervisor.get("/api/v1/metrics/summary")).body.data.ticketsCreated).toBe(2);
    const other = (await a.as.admin.post("/api/v1/teams", { name: "Sales" })).body.data.id;
    expect((await a.as.supervisor.get(`/api/v1/metrics/summary?teamId=${other}`)).status).toBe(403);
    expect((await b.as.supervisor.get(`/api/v1/metrics/summary?teamId=${teamOfA}`)).status).toBe(403);
    // An agent holds none of these tickets: their own figures are empty.
    expect((await a.as.agent.get("/api/v1/metrics/summary")).body.data.ticketsCreated).toBe(0);
    expect((await a.as.agent.get(`/api/v1/metrics/tickets?set=created&agentId=${a.users.admin.id}`)).status).toBe(403);
  });

  it("leaves out a ticket merged into another, with or without a slice", async () => {
    const c = await makeOrg(h);
    const open = async (subject: string) =>
      (
        await c.as.agent.post("/api/v1/tickets", {
          subject,
          requester: { email: uniqueEmail(), name: "Ion" },
          message: { body: "Hello" },
          channel: "email",
        })
      ).body.data.id as string;
    const kept = await open("Kept");
    const duplicate = await open("Duplicate");
    const merged = await c.as.supervisor.post(`/api/v1/tickets/${kept}/merge`, { sourceId: duplicate });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    for (const query of ["", "?channel=email"]) {
      const m = (await c.as.manager.get(`/api/v1/metrics/summary${query}`)).body.data;
      expect(m, query).toMatchObject({ ticketsCreated: 1, ticketsSolved: 0 });
      const solved = (await c.as.manager.get(`/api/v1/metrics/tickets?set=solved${query.replace("?", "&")}`)).body;
      expect(solved.data).toEqual([]);
    }
  });

  it("answers bad queries with the failing field", async () => {
    const bad = async (query: string, field: string, status = 400) => {
      const res = await a.as.manager.get(`/api/v1/metrics/${query}`);
      expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(Object.keys(res.body.fields ?? {}), query).toContain(field);
    };
    await bad("summary?from=2026-03-09T00:00:00Z&to=2026-03-02T00:00:00Z", "to");
    await bad("summary?from=2020-01-01T00:00:00Z&to=2026-03-02T00:00:00Z", "from");
    await bad("summary?teamId=nope", "teamId");
    await bad("summary?channel=pigeon", "channel");
    await bad("summary?businessTime=maybe", "businessTime");
    await bad("summary?colour=red", "colour");
    await bad("series?interval=hour&from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "interval");
    await bad("series?timeZone=Mars%2FOlympus", "timeZone");
    await bad("complaints?interval=hour&from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "interval");
    await bad("breakdown?by=moon", "by");
    await bad("tickets?set=everything", "set");
    await bad("tickets?set=created&cursor=forged", "cursor", 400);
  });
});
