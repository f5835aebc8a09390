import { beforeAll, describe, expect, it } from "vitest";
import { colleague as colleagueOf, escalate, levelOf, newTicket, noticesOf } from "../../../test/escalations";
import { makeOrg, type TestOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const colleague = (o: TestOrg, role: string, name: string) => colleagueOf(h, o, role, name);

describe("escalating rejects bad input, writing nothing", () => {
  it("names the failing field: unknown or retired reason, a toUserId that is no supervisor of the organisation", async () => {
    const o = await makeOrg(h);
    const foreign = await makeOrg(h);
    const ticket = await newTicket(o);
    const inactive = await colleague(o, "supervisor", "Gone Away");
    await o.as.admin.patch(`/api/v1/users/${inactive.id}`, { active: false });
    await o.as.admin.patch("/api/v1/escalation-reasons/vip", { active: false });
    const cases: [Record<string, unknown>, number, Record<string, string[]>][] = [
      [{ reason: "no_such_reason" }, 422, { reason: ["Unknown or retired reason"] }],
      [{ reason: "vip" }, 422, { reason: ["Unknown or retired reason"] }],
      [{ reason: "angry_customer", toUserId: o.users.agent.id }, 422, { toUserId: [notSupervisor] }],
      [{ reason: "angry_customer", toUserId: inactive.id }, 422, { toUserId: [notSupervisor] }],
      [{ reason: "angry_customer", toUserId: foreign.users.supervisor.id }, 422, { toUserId: [notSupervisor] }],
      [{ reason: "angry_customer", toUserId: "not-a-uuid" }, 400, { toUserId: ["Invalid UUID"] }],
      [{ reason: "Angry Customer!" }, 400, { reason: [codeMessage] }],
      [{}, 400, { reason: ["Invalid input: expected string, received undefined"] }],
      [{ reason: "angry_customer", level: 3 }, 400, { level: ["Unknown field"] }],
      [
        { reason: "angry_customer", note: "x".repeat(5001) },
        400,
        { note: ["Too big: expected string to have <=5000 characters"] },
      ],
    ];
    for (const [body, status, fields] of cases) {
      const res = await escalate(o.as.agent, ticket.id, body);
      expect([res.status, res.body.fields], JSON.stringify(body)).toEqual([status, fields]);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(await levelOf(o.as.agent, ticket.id)).toBe(0);
    expect((await o.as.agent.get(`/api/v1/tickets/${ticket.id}/escalations`)).body.data).toEqual([]);
    expect(await noticesOf(foreign.as.supervisor)).toEqual([]);
  });

  it("refuses closed and merged tickets (409), unknown ones (404), and bad resolve, de-escalate and list input (400)", async () => {
    const o = await makeOrg(h);
    const closed = await newTicket(o, "Closed");
    await o.as.agent.patch(`/api/v1/tickets/${closed.id}`, { status: "solved" });
    await o.as.agent.patch(`/api/v1/tickets/${closed.id}`, { status: "closed" });
    const survivor = await newTicket(o, "Survivor");
    const merged = await newTicket(o, "Merged");
    await o.as.supervisor.post(`/api/v1/tickets/${survivor.id}/merge`, { sourceId: merged.id });
    for (const id of [closed.id, merged.id]) {
      expect((await escalate(o.as.agent, id, { reason: "angry_customer" })).status).toBe(409);
    }
    const ghost = "01900000-0000-7000-8000-000000000000";
    expect((await escalate(o.as.agent, ghost, { reason: "angry_customer" })).status).toBe(404);
    const ticket = await newTicket(o);
    const raised = (await escalate(o.as.agent, ticket.id, { reason: "angry_customer" })).body.data;
    const bad = [
      [await o.as.supervisor.post(`/api/v1/escalations/${raised.id}/resolve`, {}), "outcome"],
      [await o.as.supervisor.post(`/api/v1/escalations/${raised.id}/resolve`, { outcome: "fired" }), "outcome"],
      [
        await o.as.supervisor.post(`/api/v1/escalations/${raised.id}/de-escalate`, { coachingNote: "  " }),
        "coachingNote",
      ],
      [await o.as.supervisor.get("/api/v1/escalations?status=lost"), "status.0"],
      [await o.as.supervisor.get("/api/v1/escalations?assignedTo=someone"), "assignedTo"],
      [await o.as.supervisor.get("/api/v1/escalations?cursor=forged"), "cursor"],
      [await o.as.supervisor.get("/api/v1/escalations/report?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), "to"],
    ] as const;
    for (const [res, field] of bad) {
      expect([res.status, Object.keys(res.body.fields ?? {})], field).toEqual([400, [field]]);
    }
    expect((await o.as.agent.get(`/api/v1/tickets/${ticket.id}/escalations`)).body.data[0].status).toBe("open");
  });
});

const notSupervisor = "Not an active supervisor, manager or admin of this organisation";
const codeMessage = "Lower-case letters, digits and _ only, starting with a letter";

describe("escalations refuse the wrong user", () => {
  it("lets only supervisors and above take, resolve, de-escalate and read the report (403 before any lookup)", async () => {
    const o = await makeOrg(h);
    const ticket = await newTicket(o);
    const raised = (await escalate(o.as.agent, ticket.id, { reason: "angry_customer" })).body.data;
    for (const res of [
      await o.as.agent.post(`/api/v1/escalations/${raised.id}/take`),
      await o.as.agent.post(`/api/v1/escalations/${raised.id}/resolve`, { outcome: "no_action" }),
      await o.as.agent.post(`/api/v1/escalations/${raised.id}/de-escalate`, { coachingNote: "x" }),
      await o.as.agent.get("/api/v1/escalations/report"),
    ]) {
      expect([res.status, res.body.code]).toEqual([403, "forbidden"]);
    }
    expect((await o.as.agent.get(`/api/v1/tickets/${ticket.id}/escalations`)).body.data[0].status).toBe("open");
  });

  it("keeps a level for its role: a supervisor cannot take, resolve or hand back a manager's escalation", async () => {
    const o = await makeOrg(h);
    const ticket = await newTicket(o);
    await escalate(o.as.agent, ticket.id, { reason: "angry_customer" });
    const top = (await escalate(o.as.agent, ticket.id, { reason: "legal_threat" })).body.data;
    for (const res of [
      await o.as.supervisor.post(`/api/v1/escalations/${top.id}/take`),
      await o.as.supervisor.post(`/api/v1/escalations/${top.id}/resolve`, { outcome: "no_action" }),
      await o.as.supervisor.post(`/api/v1/escalations/${top.id}/de-escalate`, { coachingNote: "x" }),
    ]) {
      expect([res.status, res.body.detail]).toEqual([403, "Level 2 is for a manager or above"]);
    }
    expect((await o.as.manager.post(`/api/v1/escalations/${top.id}/take`)).status).toBe(200);
    const stolen = await o.as.admin.post(`/api/v1/escalations/${top.id}/resolve`, { outcome: "no_action" });
    expect([stolen.status, stolen.body.code]).toEqual([409, "conflict"]);
  });

  it("answers 404 to another organisation's tickets and escalations, for every role allowed, and changes nothing", async () => {
    const a = await makeOrg(h);
    const b = await makeOrg(h);
    const ticket = await newTicket(a);
    const raised = (await escalate(a.as.agent, ticket.id, { reason: "angry_customer" })).body.data;
    for (const role of ["agent", "supervisor", "manager", "admin"] as const) {
      const as = b.as[role];
      expect((await escalate(as, ticket.id, { reason: "angry_customer" })).status, role).toBe(404);
      expect((await as.get(`/api/v1/tickets/${ticket.id}/escalations`)).status, role).toBe(404);
      expect((await as.get("/api/v1/escalations?status=open,taken,resolved")).body, role).toEqual({
        data: [],
        nextCursor: null,
      });
      expect((await as.get(`/api/v1/escalations?ticketId=${ticket.id}`)).body.data, role).toEqual([]);
      const expected = role === "agent" ? 403 : 404;
      for (const res of [
        await as.post(`/api/v1/escalations/${raised.id}/take`),
        await as.post(`/api/v1/escalations/${raised.id}/resolve`, { outcome: "no_action" }),
        await as.post(`/api/v1/escalations/${raised.id}/de-escalate`, { coachingNote: "x" }),
      ]) {
        expect(res.status, role).toBe(expected);
      }
    }
    const report = (await b.as.admin.get("/api/v1/escalations/report")).body.data;
    expect([report.total, report.byReason]).toEqual([0, []]);
    expect((await a.as.agent.get(`/api/v1/tickets/${ticket.id}/escalations`)).body.data).toEqual([raised]);
  });
});
