import { addBusinessMinutes, type TicketSlaTarget } from "@frontline/common";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { rowsOf } from "../../platform/db";
import { JobRunner } from "../../platform/jobs";
import { inOrg } from "../../platform/tenancy";
import { registerSlaJobs } from ".";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const minutes = (iso: string, n: number) => new Date(new Date(iso).getTime() + n * 60_000).toISOString();

async function orgWithPolicy(policy: Record<string, unknown> = {}) {
  const org = await makeOrg(h);
  const res = await org.as.admin.post("/api/v1/sla-policies", {
    name: "Standard",
    targets: {
      firstReply: { minutes: 60, businessTime: false },
      nextReply: { minutes: 120, businessTime: false },
      resolution: { minutes: 480, businessTime: false },
    },
    ...policy,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return org;
}

async function ticketOf(org: TestOrg, extra: Record<string, unknown> = {}) {
  const res = await org.as.agent.post("/api/v1/tickets", {
    subject: "Help",
    requester: { email: uniqueEmail(), name: "Ana Pop" },
    message: { body: "Please help" },
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; number: number; createdAt: string; requesterId: string };
}

const sla = async (org: TestOrg, id: string) =>
  Object.fromEntries(
    ((await org.as.agent.get(`/api/v1/tickets/${id}/sla`)).body.data as TicketSlaTarget[]).map((t) => [t.target, t]),
  ) as Record<
    string,
    {
      state: string;
      dueAt: string | null;
      metAt: string | null;
      breachedAt: string | null;
      remainingMinutes: number | null;
    }
  >;

const updatedAt = async (org: TestOrg, id: string) =>
  (await org.as.agent.get(`/api/v1/tickets/${id}`)).body.data.updatedAt as string;

async function customerWrites(org: TestOrg, ticket: { number: number; requesterId: string }, text: string) {
  const email = (await org.as.agent.get(`/api/v1/customers/${ticket.requesterId}`)).body.data.email;
  const raw = [
    `From: <${email}>`,
    "To: <support@example.test>",
    `Subject: Re: Help [#${ticket.number}]`,
    `Message-ID: <${Math.random()}@x.test>`,
    "",
    text,
  ].join("\r\n");
  const res = await org.as.admin.send("POST", "/api/v1/channels/email/inbound", raw, {
    "content-type": "message/rfc822",
  });
  expect(res.body.data.outcome).toBe("message_added");
}

const runnerFor = (org: TestOrg) => {
  const r = new JobRunner(h.deps, { nodeId: `sla-${Math.random()}`, orgIds: [org.orgId] });
  registerSlaJobs(r);
  return r;
};

const eventsOf = async (org: TestOrg, ticketId: string) =>
  rowsOf<{ target: string; kind: string; at: Date }>(
    await inOrg(h.deps.database, org.orgId, (s) =>
      s.tx.execute(
        sql`SELECT target, kind, at FROM sla_events WHERE org_id = ${org.orgId} AND ticket_id = ${ticketId} ORDER BY at, kind`,
      ),
    ),
  ).map((e) => [e.target, e.kind, new Date(e.at).toISOString()]);

describe("SLA clocks work", () => {
  it("start at the ticket's creation and keep the first reply when an agent answers", async () => {
    const org = await orgWithPolicy();
    const t = await ticketOf(org);
    // The creation's own answer already says what the clocks say.
    expect(t).toMatchObject({ slaDueAt: minutes(t.createdAt, 60), slaBreached: false });
    const before = await sla(org, t.id);
    expect(before.firstReply).toMatchObject({ state: "active", dueAt: minutes(t.createdAt, 60) });
    expect(before.resolution).toMatchObject({ state: "active", dueAt: minutes(t.createdAt, 480) });
    expect(before.nextReply).toBeUndefined();
    expect((await org.as.agent.get(`/api/v1/tickets/${t.id}`)).body.data).toMatchObject({
      slaDueAt: minutes(t.createdAt, 60),
      slaBreached: false,
    });

    const reply = (await org.as.agent.post(`/api/v1/tickets/${t.id}/messages`, { kind: "reply", body: "On it" })).body
      .data;
    const after = await sla(org, t.id);
    expect(after.firstReply).toMatchObject({ state: "met", metAt: reply.createdAt, dueAt: null });
    expect((await org.as.agent.get(`/api/v1/tickets/${t.id}`)).body.data.slaDueAt).toBe(minutes(t.createdAt, 480));

    // The customer answers: the next reply is due from their message.
    await customerWrites(org, t, "Still broken");
    const next = (await sla(org, t.id)).nextReply!;
    const messages = (await org.as.agent.get(`/api/v1/tickets/${t.id}/messages`)).body.data;
    expect(next).toMatchObject({ state: "active", dueAt: minutes(messages.at(-1).createdAt, 120) });
  });

  it("stop while the ticket waits on the customer and go on with what they had left", async () => {
    const org = await orgWithPolicy();
    const t = await ticketOf(org);
    await org.as.agent.post(`/api/v1/tickets/${t.id}/messages`, {
      kind: "reply",
      body: "Send a photo?",
      status: "pending",
    });
    const pausedAt = await updatedAt(org, t.id);
    const paused = (await sla(org, t.id)).resolution!;
    expect(paused).toMatchObject({ state: "paused", dueAt: null });
    const used = (new Date(pausedAt).getTime() - new Date(t.createdAt).getTime()) / 60_000;
    expect(paused.remainingMinutes).toBe(Math.round((480 - used) * 10) / 10);

    await customerWrites(org, t, "Here it is");
    const resumedAt = await updatedAt(org, t.id);
    const resumed = (await sla(org, t.id)).resolution!;
    const stopped = new Date(resumedAt).getTime() - new Date(pausedAt).getTime();
    expect(resumed.state).toBe("active");
    expect(resumed.dueAt).toBe(new Date(new Date(t.createdAt).getTime() + 480 * 60_000 + stopped).toISOString());
  });

  it("keep every open promise when the ticket is solved, and the resolution counts again if it reopens", async () => {
    const org = await orgWithPolicy();
    const t = await ticketOf(org);
    await org.as.agent.patch(`/api/v1/tickets/${t.id}`, { status: "solved" });
    const solved = await sla(org, t.id);
    expect([solved.firstReply!.state, solved.resolution!.state]).toEqual(["met", "met"]);
    await org.as.agent.patch(`/api/v1/tickets/${t.id}`, { status: "open" });
    const reopened = await sla(org, t.id);
    expect([reopened.firstReply!.state, reopened.resolution!.state]).toEqual(["met", "active"]);
  });

  it("count business time in the policy's calendar", async () => {
    const org = await makeOrg(h);
    const hours = (["mon", "tue", "wed", "thu", "fri"] as const).map((day) => ({ day, open: "09:00", close: "17:00" }));
    const calendar = (
      await org.as.admin.post("/api/v1/business-calendars", {
        name: "Berlin",
        timeZone: "Europe/Berlin",
        hours,
        holidays: [],
      })
    ).body.data;
    await org.as.admin.post("/api/v1/sla-policies", {
      name: "Business",
      calendarId: calendar.id,
      targets: { firstReply: { minutes: 240 } },
    });
    const t = await ticketOf(org);
    const spec = { timeZone: "Europe/Berlin", hours, closedDates: [] };
    const due = addBusinessMinutes(spec, new Date(t.createdAt), 240)!.toISOString();
    expect((await sla(org, t.id)).firstReply).toMatchObject({ state: "active", dueAt: due });
  });

  it("choose the policy again when the ticket's priority changes", async () => {
    const org = await orgWithPolicy({ name: "Normal", targets: { firstReply: { minutes: 480, businessTime: false } } });
    await org.as.admin.post("/api/v1/sla-policies", {
      name: "Urgent",
      position: 0,
      conditions: { priority: ["urgent"] },
      targets: { firstReply: { minutes: 30, businessTime: false } },
    });
    const t = await ticketOf(org);
    expect((await sla(org, t.id)).firstReply!.dueAt).toBe(minutes(t.createdAt, 480));
    await org.as.agent.patch(`/api/v1/tickets/${t.id}`, { priority: "urgent" });
    expect((await sla(org, t.id)).firstReply).toMatchObject({ dueAt: minutes(t.createdAt, 30), state: "active" });
  });

  it("start once when a trigger on the first message changes the ticket before its clocks are set", async () => {
    const org = await orgWithPolicy({ name: "Normal", targets: { firstReply: { minutes: 480, businessTime: false } } });
    await org.as.admin.post("/api/v1/sla-policies", {
      name: "Urgent",
      position: 0,
      conditions: { priority: ["urgent"] },
      targets: { firstReply: { minutes: 30, businessTime: false }, resolution: { minutes: 240, businessTime: false } },
    });
    const rule = await org.as.admin.post("/api/v1/rules", {
      kind: "trigger",
      name: "Everything is urgent",
      events: ["message.received"],
      conditions: { all: [] },
      actions: [{ type: "set_priority", value: "urgent" }],
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const t = await ticketOf(org);
    const targets = await sla(org, t.id);
    expect(Object.keys(targets).sort()).toEqual(["firstReply", "resolution"]);
    expect(targets.firstReply).toMatchObject({ dueAt: minutes(t.createdAt, 30), state: "active" });
    expect(targets.resolution).toMatchObject({ dueAt: minutes(t.createdAt, 240), state: "active" });
  });
});

describe("SLA clocks fall due", () => {
  it("warn once before, and record the breach at the moment it fell due, once, however often checked", async () => {
    const org = await orgWithPolicy({ warnBeforeMinutes: 20 });
    const t = await ticketOf(org);
    const due = minutes(t.createdAt, 60);
    const runner = runnerFor(org);
    await runner.runDue(new Date(minutes(t.createdAt, 45)));
    await runner.runDue(new Date(minutes(t.createdAt, 46)));
    expect((await sla(org, t.id)).firstReply!.state).toBe("active");
    await runner.runDue(new Date(minutes(t.createdAt, 75)));
    await runner.runDue(new Date(minutes(t.createdAt, 90)));
    expect((await sla(org, t.id)).firstReply).toMatchObject({ state: "breached", breachedAt: due });
    expect((await org.as.agent.get(`/api/v1/tickets/${t.id}`)).body.data.slaBreached).toBe(true);
    const events = await eventsOf(org, t.id);
    expect(events.filter(([target]) => target === "firstReply").map(([, kind]) => kind)).toEqual([
      "warning",
      "breached",
    ]);
    expect(events.find(([, kind]) => kind === "breached")?.[2]).toBe(due);

    // Answered late: still breached, with the time of the answer kept.
    await org.as.agent.post(`/api/v1/tickets/${t.id}/messages`, { kind: "reply", body: "Sorry for the wait" });
    expect((await sla(org, t.id)).firstReply).toMatchObject({ state: "breached", metAt: expect.any(String) });
  });

  it("never breach a target that was kept or is paused when its check comes", async () => {
    const org = await orgWithPolicy();
    const t = await ticketOf(org);
    await org.as.agent.post(`/api/v1/tickets/${t.id}/messages`, {
      kind: "reply",
      body: "Waiting on you",
      status: "pending",
    });
    await runnerFor(org).runDue(new Date(minutes(t.createdAt, 600)));
    const after = await sla(org, t.id);
    expect([after.firstReply!.state, after.resolution!.state]).toEqual(["met", "paused"]);
    expect((await eventsOf(org, t.id)).map(([, kind]) => kind)).toEqual(["met"]);
  });
});
