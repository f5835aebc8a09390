import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { colleague as colleagueOf, escalate, levelOf, newTicket, noticesOf } from "../../../test/escalations";
import { makeOrg, type TestOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
});

const colleague = (o: TestOrg, role: string, name: string) => colleagueOf(h, o, role, name);

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

  it("without a name, tells the team's people of the level's role, else everyone of that role", async () => {
    const o = await makeOrg(h);
    const lead = await colleague(o, "supervisor", "Stefan Keller");
    const team = await o.as.admin.post("/api/v1/teams", { name: "Billing", memberIds: [lead.id, o.users.agent.id] });
    expect(team.status).toBe(201);
    const inTeam = await newTicket(o, "Double charge", { teamId: team.body.data.id });
    expect((await escalate(o.as.agent, inTeam.id, { reason: "refund_above_limit" })).status).toBe(201);
    const kinds = async (as: Client) => (await noticesOf(as)).map((n) => n.kind);
    expect([await kinds(lead.as), await kinds(o.as.supervisor), await kinds(o.as.manager)]).toEqual([
      ["escalation_requested"],
      [],
      [],
    ]);
    // No team: every supervisor; the manager hears only of a level-2 escalation.
    const loose = await newTicket(o, "Router keeps rebooting");
    expect((await escalate(o.as.agent, loose.id, { reason: "technical_expertise" })).status).toBe(201);
    expect((await kinds(lead.as)).length).toBe(2);
    expect([await kinds(o.as.supervisor), await kinds(o.as.manager)]).toEqual([["escalation_requested"], []]);
    expect((await escalate(o.as.agent, loose.id, { reason: "legal_threat" })).status).toBe(201);
    expect(await kinds(o.as.manager)).toEqual(["escalation_requested"]);
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
    // The supervisor heard of it once, when it was raised for their level; of their own taking, nothing.
    expect((await noticesOf(o.as.supervisor)).map((n) => n.kind)).toEqual(["escalation_requested"]);
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
