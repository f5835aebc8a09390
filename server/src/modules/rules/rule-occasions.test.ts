import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { JobRunner } from "../../platform/jobs";
import { registerSlaJobs } from "../sla";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const WEEK = (["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const).map((day) => ({
  day,
  open: "00:00",
  close: "24:00",
}));
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function newTicket(org: TestOrg) {
  const res = await org.as.agent.post("/api/v1/tickets", {
    subject: "Printer",
    requester: { email: uniqueEmail() },
    message: { body: "It jams" },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; createdAt: string };
}

describe("triggers on SLA alerts and business hours", () => {
  it("act when an SLA target is missed, once, knowing which target it was", async () => {
    const org = await makeOrg(h);
    await org.as.admin.post("/api/v1/sla-policies", {
      name: "Standard",
      targets: { firstReply: { minutes: 60, businessTime: false }, resolution: { minutes: 600, businessTime: false } },
      warnBeforeMinutes: 0,
    });
    const rule = await org.as.admin.post("/api/v1/rules", {
      kind: "trigger",
      name: "Missed first reply",
      events: ["sla.breached"],
      conditions: { all: [{ field: "sla_target", op: "is", value: "firstReply" }] },
      actions: [
        { type: "set_priority", value: "urgent" },
        { type: "add_note", body: "First reply missed on #{{ticket.number}}" },
      ],
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const t = await newTicket(org);
    const runner = new JobRunner(h.deps, { nodeId: `occ-${Math.random()}`, orgIds: [org.orgId] });
    registerSlaJobs(runner);
    await runner.runDue(new Date(new Date(t.createdAt).getTime() + 61 * 60_000));
    await runner.runDue(new Date(new Date(t.createdAt).getTime() + 700 * 60_000));
    expect((await org.as.agent.get(`/api/v1/tickets/${t.id}`)).body.data.priority).toBe("urgent");
    const notes = (await org.as.agent.get(`/api/v1/tickets/${t.id}/messages`)).body.data.filter(
      (m: { kind: string }) => m.kind === "note",
    );
    // The resolution was missed too, but the rule asks for the first reply only.
    expect(notes).toHaveLength(1);
  });

  it("tell whether the ticket's calendar is open now", async () => {
    const org = await makeOrg(h);
    const closedNow = await org.as.admin.post("/api/v1/business-calendars", {
      name: "Closed today",
      timeZone: "UTC",
      hours: WEEK,
      holidays: [day(-1), day(0), day(1)].map((date) => ({ date, name: "Inventory" })),
    });
    expect(closedNow.status, JSON.stringify(closedNow.body)).toBe(201);
    await org.as.admin.post("/api/v1/rules", {
      kind: "trigger",
      name: "After hours",
      events: ["ticket.created"],
      conditions: { all: [{ field: "within_business_hours", op: "is_false" }] },
      actions: [{ type: "add_tags", value: ["after-hours"] }],
    });
    const t = await newTicket(org);
    expect((await org.as.agent.get(`/api/v1/tickets/${t.id}`)).body.data.tags).toEqual(["after-hours"]);

    const open = await makeOrg(h);
    await open.as.admin.post("/api/v1/business-calendars", {
      name: "Always",
      timeZone: "UTC",
      hours: WEEK,
      holidays: [],
    });
    await open.as.admin.post("/api/v1/rules", {
      kind: "trigger",
      name: "After hours",
      events: ["ticket.created"],
      conditions: { all: [{ field: "within_business_hours", op: "is_false" }] },
      actions: [{ type: "add_tags", value: ["after-hours"] }],
    });
    expect((await open.as.agent.get(`/api/v1/tickets/${(await newTicket(open)).id}`)).body.data.tags).toEqual([]);
  });
});
