import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, signedIn, TEST_PASSWORD, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
});

async function newTicket(o: TestOrg, subject = "Refund for order 7781", extra: Record<string, unknown> = {}) {
  const res = await o.as.agent.post("/api/v1/tickets", {
    subject,
    requester: { email: uniqueEmail("buyer"), name: "Ioana Marin" },
    message: { body: "Where is my refund?" },
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; number: number; subject: string; requesterId: string };
}

/** A colleague of the organisation with a role, signed in. */
async function colleague(o: TestOrg, role: string, name: string) {
  const user = (
    await o.as.admin.post("/api/v1/users", { email: uniqueEmail(role), name, role, password: TEST_PASSWORD })
  ).body.data;
  return { id: user.id as string, as: await signedIn(h, o.orgId, user.id) };
}

const escalate = (as: Client, ticketId: string, body: Record<string, unknown>) =>
  as.post(`/api/v1/tickets/${ticketId}/escalations`, body);

const levelOf = async (as: Client, ticketId: string) =>
  (await as.get(`/api/v1/tickets/${ticketId}`)).body.data.escalationLevel as number;

const noticesOf = async (as: Client) =>
  (await as.get("/api/v1/notifications")).body.data as { kind: string; escalation: unknown; excerpt: string }[];

describe("escalating a ticket works", () => {
  it("an agent escalates with a reason, a note and a named supervisor: level 1, and the supervisor is told", async () => {
    const ticket = await newTicket(org);
    const res = await escalate(org.as.agent, ticket.id, {
      reason: "refund_above_limit",
      note: "Wants 480 EUR back, my limit is 200.",
      toUserId: org.users.supervisor.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const agentName = (await org.as.agent.get("/api/v1/me")).body.data.name;
    const supervisorName = (await org.as.supervisor.get("/api/v1/me")).body.data.name;
    expect(res.body.data).toEqual({
      id: expect.any(String),
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      ticketSubject: "Refund for order 7781",
      type: "agent",
      via: null,
      reason: "refund_above_limit",
      reasonLabels: {
        en: "Refund above my limit",
        ro: "Rambursare peste limita mea",
        de: "Erstattung über meinem Limit",
        ru: "Возврат сверх моего лимита",
        ar: "استرداد يتجاوز صلاحياتي",
      },
      level: 1,
      status: "open",
      note: "Wants 480 EUR back, my limit is 200.",
      toUser: { id: org.users.supervisor.id, name: supervisorName },
      createdBy: { type: "user", id: org.users.agent.id, name: agentName },
      createdAt: expect.any(String),
      takenBy: null,
      takenAt: null,
      resolvedBy: null,
      resolvedAt: null,
      outcome: null,
      resolutionNote: null,
      coachingNote: null,
    });
    expect(await levelOf(org.as.agent, ticket.id)).toBe(1);
    const onTicket = (await org.as.agent.get(`/api/v1/tickets/${ticket.id}/escalations`)).body.data;
    expect(onTicket).toEqual([res.body.data]);
    const [notice] = await noticesOf(org.as.supervisor);
    expect(notice).toMatchObject({
      kind: "escalation_requested",
      actor: { id: org.users.agent.id, name: agentName },
      ticket: { id: ticket.id, number: ticket.number, subject: "Refund for order 7781" },
      messageId: null,
      excerpt: "Wants 480 EUR back, my limit is 200.",
      escalation: {
        id: res.body.data.id,
        level: 1,
        reason: "refund_above_limit",
        reasonLabel: "Refund above my limit",
        outcome: null,
      },
      readAt: null,
    });
    const audit = (await org.as.admin.get(`/api/v1/audit-events?entityId=${res.body.data.id}`)).body.data;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(["escalation.created"]);
  });

  it("escalating an escalated ticket raises it a level, up to 3; the named handler must fit the level", async () => {
    const o = await makeOrg(h);
    const ticket = await newTicket(o);
    expect((await escalate(o.as.agent, ticket.id, { reason: "angry_customer" })).body.data.level).toBe(1);
    const tooLow = await escalate(o.as.supervisor, ticket.id, {
      reason: "legal_threat",
      toUserId: o.users.supervisor.id,
    });
    expect([tooLow.status, tooLow.body.fields]).toEqual([422, { toUserId: ["Level 2 goes to a manager or above"] }]);
    const second = await escalate(o.as.supervisor, ticket.id, { reason: "legal_threat", toUserId: o.users.manager.id });
    expect([second.status, second.body.data.level]).toEqual([201, 2]);
    expect((await escalate(o.as.manager, ticket.id, { reason: "legal_threat" })).body.data.level).toBe(3);
    expect(await levelOf(o.as.agent, ticket.id)).toBe(3);
    const fourth = await escalate(o.as.agent, ticket.id, { reason: "legal_threat" });
    expect([fourth.status, fourth.body.code, fourth.body.detail]).toEqual([
      409,
      "conflict",
      "This ticket is escalated as high as it goes",
    ]);
    const levels = (await o.as.agent.get(`/api/v1/tickets/${ticket.id}/escalations`)).body.data;
    expect(levels.map((e: { level: number }) => e.level)).toEqual([3, 2, 1]);
  });

  it("a supervisor takes it: the agent and the assignee are told, a colleague cannot take it after", async () => {
    const o = await makeOrg(h);
    const assignee = await colleague(o, "agent", "Irina Volkova");
    const ticket = await newTicket(o, "Router keeps rebooting", { assigneeId: assignee.id });
    const raised = (await escalate(o.as.agent, ticket.id, { reason: "technical_expertise" })).body.data;
    const taken = await o.as.supervisor.post(`/api/v1/escalations/${raised.id}/take`);
    expect(taken.status).toBe(200);
    expect(taken.body.data).toMatchObject({
      status: "taken",
      takenBy: { id: o.users.supervisor.id, name: expect.any(String) },
      takenAt: expect.any(String),
    });
    // Taking again is a no-op for the same person, a conflict for anyone else.
    expect((await o.as.supervisor.post(`/api/v1/escalations/${raised.id}/take`)).body.data).toEqual(taken.body.data);
    const other = await colleague(o, "supervisor", "Stefan Keller");
    const late = await other.as.post(`/api/v1/escalations/${raised.id}/take`);
    expect([late.status, late.body.code]).toEqual([409, "conflict"]);
    expect(late.body.detail).toMatch(/ has taken this escalation$/);
    for (const person of [o.as.agent, assignee.as]) {
      const [notice] = await noticesOf(person);
      expect(notice).toMatchObject({
        kind: "escalation_taken",
        actor: { id: o.users.supervisor.id },
        escalation: { id: raised.id, level: 1, reason: "technical_expertise", outcome: null },
      });
    }
    expect(await noticesOf(o.as.supervisor)).toEqual([]);
  });

  it("resolving ends it: the level drops, the note lands on the ticket, the agent and assignee are told", async () => {
    const o = await makeOrg(h);
    const assignee = await colleague(o, "agent", "Andrei Popescu");
    const ticket = await newTicket(o, "Double charge", { assigneeId: assignee.id });
    const raised = (await escalate(o.as.agent, ticket.id, { reason: "refund_above_limit" })).body.data;
    const res = await o.as.supervisor.post(`/api/v1/escalations/${raised.id}/resolve`, {
      outcome: "refund_approved",
      note: "Approved the full refund; tell her today.",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({
      status: "resolved",
      outcome: "refund_approved",
      resolutionNote: "Approved the full refund; tell her today.",
      takenBy: { id: o.users.supervisor.id },
      resolvedBy: { id: o.users.supervisor.id },
    });
    expect(res.body.data.takenAt).toBe(res.body.data.resolvedAt);
    expect(await levelOf(o.as.agent, ticket.id)).toBe(0);
    const messages = (await o.as.agent.get(`/api/v1/tickets/${ticket.id}/messages`)).body.data;
    expect(messages.at(-1)).toMatchObject({
      kind: "note",
      bodyText: "Approved the full refund; tell her today.",
      author: { type: "user", id: o.users.supervisor.id },
    });
    for (const person of [o.as.agent, assignee.as]) {
      expect((await noticesOf(person))[0]).toMatchObject({
        kind: "escalation_resolved",
        excerpt: "Approved the full refund; tell her today.",
        escalation: { id: raised.id, outcome: "refund_approved", reasonLabel: "Refund above my limit" },
      });
    }
    const again = await o.as.supervisor.post(`/api/v1/escalations/${raised.id}/resolve`, { outcome: "no_action" });
    expect([again.status, again.body.detail]).toEqual([409, "This escalation is resolved already"]);
    const audit = (await o.as.admin.get(`/api/v1/audit-events?entityId=${raised.id}`)).body.data;
    expect(audit.map((a: { action: string }) => a.action).sort()).toEqual([
      "escalation.created",
      "escalation.resolved",
    ]);
  });

  it("de-escalating hands it back a level down, with the coaching note on the ticket and in the escalation", async () => {
    const o = await makeOrg(h);
    const ticket = await newTicket(o, "Cancelled flight");
    const first = (await escalate(o.as.agent, ticket.id, { reason: "angry_customer" })).body.data;
    await o.as.supervisor.post(`/api/v1/escalations/${first.id}/take`);
    const second = (await escalate(o.as.supervisor, ticket.id, { reason: "customer_request" })).body.data;
    const res = await o.as.manager.post(`/api/v1/escalations/${second.id}/de-escalate`, {
      coachingNote: "Offer the voucher first; only then the refund.",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({
      status: "resolved",
      outcome: "returned_to_agent",
      coachingNote: "Offer the voucher first; only then the refund.",
      resolutionNote: null,
    });
    expect(await levelOf(o.as.agent, ticket.id)).toBe(1);
    const messages = (await o.as.agent.get(`/api/v1/tickets/${ticket.id}/messages`)).body.data;
    expect(messages.at(-1)).toMatchObject({ kind: "note", bodyText: "Offer the voucher first; only then the refund." });
    expect((await noticesOf(o.as.supervisor))[0]).toMatchObject({
      kind: "escalation_returned",
      excerpt: "Offer the voucher first; only then the refund.",
      escalation: { id: second.id, level: 2, outcome: "returned_to_agent" },
    });
    const back = await o.as.supervisor.post(`/api/v1/escalations/${first.id}/de-escalate`, {
      coachingNote: "Well handled; you can take it from here.",
    });
    expect(back.status).toBe(200);
    expect(await levelOf(o.as.agent, ticket.id)).toBe(0);
    expect((await noticesOf(o.as.agent))[0]).toMatchObject({ kind: "escalation_returned" });
  });

  it("lists the queue by status, type and assignment, oldest first, in pages; an agent sees their own", async () => {
    const o = await makeOrg(h);
    const other = await colleague(o, "agent", "Jonas Weber");
    const [t1, t2, t3] = [await newTicket(o, "One"), await newTicket(o, "Two"), await newTicket(o, "Three")];
    const e1 = (await escalate(o.as.agent, t1.id, { reason: "vip", toUserId: o.users.manager.id })).body.data;
    const e2 = (await escalate(other.as, t2.id, { reason: "angry_customer" })).body.data;
    const e3 = (await escalate(o.as.agent, t3.id, { reason: "other" })).body.data;
    await o.as.supervisor.post(`/api/v1/escalations/${e3.id}/take`);
    const ids = async (as: Client, query: string) =>
      ((await as.get(`/api/v1/escalations${query}`)).body.data as { id: string }[]).map((e) => e.id);
    expect(await ids(o.as.supervisor, "")).toEqual([e1.id, e2.id, e3.id]);
    expect(await ids(o.as.supervisor, "?sort=newest")).toEqual([e3.id, e2.id, e1.id]);
    expect(await ids(o.as.supervisor, "?status=open")).toEqual([e1.id, e2.id]);
    expect(await ids(o.as.supervisor, "?status=taken")).toEqual([e3.id]);
    expect(await ids(o.as.supervisor, "?status=open,taken&assignedTo=me")).toEqual([e3.id]);
    expect(await ids(o.as.manager, "?assignedTo=me")).toEqual([e1.id]);
    expect(await ids(o.as.supervisor, `?assignedTo=${o.users.manager.id}`)).toEqual([e1.id]);
    expect(await ids(o.as.supervisor, "?assignedTo=none")).toEqual([e2.id]);
    expect(await ids(o.as.supervisor, "?type=customer_request")).toEqual([]);
    expect(await ids(o.as.supervisor, `?ticketId=${t2.id}`)).toEqual([e2.id]);
    expect(await ids(o.as.agent, "")).toEqual([e1.id, e3.id]);
    expect(await ids(other.as, "?status=open")).toEqual([e2.id]);
    const first = (await o.as.supervisor.get("/api/v1/escalations?limit=2")).body;
    expect(first.data.map((e: { id: string }) => e.id)).toEqual([e1.id, e2.id]);
    const second = (await o.as.supervisor.get(`/api/v1/escalations?limit=2&cursor=${first.nextCursor}`)).body;
    expect([second.data.map((e: { id: string }) => e.id), second.nextCursor]).toEqual([[e3.id], null]);
    const escalated = (await o.as.agent.get("/api/v1/tickets?escalated=true")).body.data;
    expect(escalated.map((t: { id: string }) => t.id).sort()).toEqual([t1.id, t2.id, t3.id].sort());
    const calm = await newTicket(o, "Calm");
    expect(
      (await o.as.agent.get("/api/v1/tickets?escalated=false")).body.data.map((t: { id: string }) => t.id),
    ).toEqual([calm.id]);
  });
});

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
