import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { escalate, newTicket, noticesOf } from "../../../test/escalations";
import { makeOrg, type TestOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { enqueueJob, JobRunner } from "../../platform/jobs";
import { inOrg } from "../../platform/tenancy";
import { registerSlaJobs } from "../sla";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const trigger = async (as: Client, body: Record<string, unknown>) => {
  const res = await as.post("/api/v1/rules", { kind: "trigger", ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string };
};

type Listed = { type: string; reason: string; level: number; note: string | null; createdBy: unknown };
const escalationsOf = async (o: TestOrg, ticketId: string) =>
  (await o.as.supervisor.get(`/api/v1/tickets/${ticketId}/escalations`)).body.data as Listed[];

describe("rules escalate", () => {
  it("a trigger on sla.breached escalates exactly once, however often the SLA check runs and targets are missed", async () => {
    const org = await makeOrg(h);
    await org.as.admin.post("/api/v1/sla-policies", {
      name: "Standard",
      targets: { firstReply: { minutes: 60, businessTime: false }, resolution: { minutes: 600, businessTime: false } },
      warnBeforeMinutes: 0,
    });
    await trigger(org.as.admin, {
      name: "Missed promises go up",
      events: ["sla.breached"],
      actions: [{ type: "escalate", reason: "sla_breach", note: "#{{ticket.number}} missed its SLA" }],
    });
    const t = await newTicket(org, "Printer jams");
    const runner = new JobRunner(h.deps, { nodeId: `esc-${Math.random()}`, orgIds: [org.orgId] });
    registerSlaJobs(runner);
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    await runner.runDue(at(61));
    // The same check again, as after a crash between its work and its completion.
    await inOrg(h.deps.database, org.orgId, (s) =>
      enqueueJob(s, "sla.check", { ticketId: t.id, target: "firstReply" }, { runAt: at(61) }),
    );
    await runner.runDue(at(62));
    await runner.runDue(at(700));
    const listed = await escalationsOf(org, t.id);
    expect(listed.map((e) => [e.type, e.reason, e.level, e.note])).toEqual([
      ["automatic", "sla_breach", 1, `#${t.number} missed its SLA`],
    ]);
    expect((await org.as.agent.get(`/api/v1/tickets/${t.id}`)).body.data.escalationLevel).toBe(1);
    const audit = (await org.as.admin.get("/api/v1/audit-events?action=escalation.created")).body.data;
    expect(audit.map((e: { actorName: string }) => e.actorName)).toEqual(["rule: Missed promises go up"]);
    // It fired on both breaches; the second found the escalation open and raised nothing.
    const [rule] = (await org.as.admin.get("/api/v1/rules")).body.data;
    expect(rule.firings30d).toBe(2);
  });

  it("hands the escalation to a named supervisor, whose bell says so", async () => {
    const org = await makeOrg(h);
    await trigger(org.as.admin, {
      name: "Legal words",
      events: ["message.received"],
      conditions: { all: [{ field: "message_body", op: "contains", value: "lawyer" }] },
      actions: [
        { type: "escalate", reason: "legal_threat", toUserId: org.users.supervisor.id },
        { type: "add_tags", value: ["legal"] },
      ],
    });
    const t = await newTicket(org, "Contract", { message: { body: "My lawyer will call you." } });
    expect((await escalationsOf(org, t.id)).map((e) => [e.type, e.reason, e.createdBy])).toEqual([
      ["automatic", "legal_threat", { type: "system", id: null, name: "Legal words" }],
    ]);
    expect((await org.as.agent.get(`/api/v1/tickets/${t.id}`)).body.data.tags).toEqual(["legal"]);
    const [notice] = await noticesOf(org.as.supervisor);
    expect(notice).toMatchObject({ kind: "escalation_requested", escalation: { reason: "legal_threat", level: 1 } });
  });

  it("leave it to whoever is on duty when the named handler left, and the change that set them off goes through", async () => {
    const org = await makeOrg(h);
    await trigger(org.as.admin, {
      name: "Urgent goes up",
      events: ["ticket.updated"],
      conditions: { all: [{ field: "priority", op: "changed_to", value: "urgent" }] },
      actions: [
        { type: "escalate", reason: "other", toUserId: org.users.supervisor.id },
        { type: "add_tags", value: ["hot"] },
      ],
    });
    await org.as.admin.patch(`/api/v1/users/${org.users.supervisor.id}`, { active: false });
    const t = await newTicket(org);
    const res = await org.as.agent.patch(`/api/v1/tickets/${t.id}`, { priority: "urgent" });
    expect(res.status).toBe(200);
    expect((await org.as.agent.get(`/api/v1/tickets/${t.id}`)).body.data).toMatchObject({
      priority: "urgent",
      tags: ["hot"],
      escalationLevel: 1,
    });
    const listed = (await org.as.manager.get(`/api/v1/tickets/${t.id}/escalations`)).body.data;
    expect(listed.map((e: { reason: string; toUser: unknown }) => [e.reason, e.toUser])).toEqual([["other", null]]);
  });
});

describe("escalation.created triggers", () => {
  it("see the new escalation's type and reason and the ticket's level, whoever raised it", async () => {
    const org = await makeOrg(h);
    await trigger(org.as.admin, {
      name: "Refunds above the limit to billing",
      events: ["escalation.created"],
      conditions: {
        all: [
          { field: "escalation_type", op: "is", value: "agent" },
          { field: "escalation_reason", op: "one_of", value: ["refund_above_limit", "vip"] },
          { field: "escalation_level", op: "is", value: 1 },
        ],
      },
      actions: [{ type: "add_tags", value: ["billing"] }],
    });
    await trigger(org.as.admin, {
      name: "Second level",
      events: ["escalation.created"],
      conditions: { all: [{ field: "escalation_level", op: "gte", value: 2 }] },
      actions: [{ type: "set_priority", value: "urgent" }],
    });
    await trigger(org.as.admin, {
      name: "Customer asked",
      events: ["escalation.created"],
      conditions: { all: [{ field: "escalation_type", op: "is", value: "customer_request" }] },
      actions: [{ type: "add_tags", value: ["asked"] }],
    });
    const refund = await newTicket(org);
    expect((await escalate(org.as.agent, refund.id, { reason: "refund_above_limit" })).status).toBe(201);
    expect((await org.as.agent.get(`/api/v1/tickets/${refund.id}`)).body.data).toMatchObject({
      tags: ["billing"],
      priority: "normal",
    });
    expect((await escalate(org.as.agent, refund.id, { reason: "refund_above_limit" })).status).toBe(201);
    expect((await org.as.agent.get(`/api/v1/tickets/${refund.id}`)).body.data).toMatchObject({
      tags: ["billing"],
      priority: "urgent",
      escalationLevel: 2,
    });

    const asked = await newTicket(org, "Broken kettle", {
      message: { body: "I want to speak to a manager." },
      language: "en",
    });
    expect((await org.as.agent.get(`/api/v1/tickets/${asked.id}`)).body.data.tags).toEqual(["asked"]);
    const other = await newTicket(org, "Slow site");
    await escalate(org.as.agent, other.id, { reason: "technical_expertise" });
    expect((await org.as.agent.get(`/api/v1/tickets/${other.id}`)).body.data.tags).toEqual([]);
  });
});

describe("escalating rules reject bad input", () => {
  it("refuse an unknown or retired reason and a handler who is not a supervisor of the organisation (422)", async () => {
    const org = await makeOrg(h);
    const other = await makeOrg(h);
    await org.as.admin.patch("/api/v1/escalation-reasons/other", { active: false });
    await org.as.admin.post("/api/v1/escalation-reasons", {
      code: "chargeback",
      labels: { en: "Chargeback", ro: "Contestație", de: "Rückbuchung", ru: "Возврат платежа", ar: "استرداد" },
    });
    const res = await org.as.admin.post("/api/v1/rules", {
      kind: "trigger",
      name: "Bad",
      events: ["message.received"],
      actions: [
        { type: "escalate", reason: "no_such_reason" },
        { type: "escalate", reason: "other" },
        { type: "escalate", reason: "chargeback", toUserId: other.users.supervisor.id },
        { type: "escalate", reason: "vip", toUserId: org.users.agent.id },
        { type: "escalate", reason: "chargeback", toUserId: org.users.manager.id },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("unprocessable");
    expect(res.body.fields).toEqual({
      "actions.0.reason": ["Unknown or retired reason"],
      "actions.1.reason": ["Unknown or retired reason"],
      "actions.2.toUserId": ["Not an active supervisor, manager or admin of this organisation"],
      "actions.3.toUserId": ["Not an active supervisor, manager or admin of this organisation"],
    });
    // Another organisation's own reason is no reason here, on a change either.
    const rule = await trigger(other.as.admin, {
      name: "Fine",
      events: ["message.received"],
      actions: [{ type: "add_tags", value: ["x"] }],
    });
    const patched = await other.as.admin.patch(`/api/v1/rules/${rule.id}`, {
      actions: [{ type: "escalate", reason: "chargeback" }],
    });
    expect(patched.status).toBe(422);
    expect(patched.body.fields).toEqual({ "actions.0.reason": ["Unknown or retired reason"] });
    expect((await org.as.admin.get("/api/v1/rules")).body.data).toEqual([]);
  });
});
