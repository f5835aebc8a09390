import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { JobRunner } from "../../platform/jobs";
import { registerRuleJobs } from ".";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const hoursLater = (hours: number) => new Date(Date.now() + hours * 3_600_000);
const runnerFor = (org: TestOrg) => {
  const runner = new JobRunner(h.deps, { nodeId: `rules-${Math.random()}`, orgIds: [org.orgId] });
  registerRuleJobs(runner);
  return runner;
};

async function pendingTicket(org: TestOrg) {
  const t = (
    await org.as.agent.post("/api/v1/tickets", {
      subject: "Printer",
      requester: { email: uniqueEmail(), name: "Radu Stan" },
      message: { body: "It jams" },
    })
  ).body.data;
  await org.as.agent.post(`/api/v1/tickets/${t.id}/messages`, { kind: "reply", body: "Try this", status: "pending" });
  return t as { id: string; number: number };
}

/** "Pending for 3 days: remind; for 7 days: solve", as supervisors set it up. */
async function remindThenSolve(org: TestOrg) {
  const pending = { field: "status", op: "is", value: "pending" };
  for (const body of [
    {
      name: "Remind after 3 days",
      conditions: {
        all: [
          pending,
          { field: "hours_since_updated", op: "gte", value: 72 },
          { field: "tags", op: "not_contains", value: "reminded" },
        ],
      },
      actions: [
        { type: "reply", body: "Hello {{customer.first_name}}, did this help?" },
        { type: "add_tags", value: ["reminded"] },
        { type: "set_status", value: "pending" },
      ],
    },
    {
      name: "Solve after 7 days",
      conditions: {
        all: [
          pending,
          { field: "tags", op: "contains", value: "reminded" },
          { field: "hours_since_updated", op: "gte", value: 96 },
        ],
      },
      actions: [{ type: "set_status", value: "solved" }],
    },
  ]) {
    const res = await org.as.admin.post("/api/v1/rules", { kind: "automation", ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}

describe("automations work", () => {
  it("remind a customer after three days pending and solve the ticket four days later, each once", async () => {
    const org = await makeOrg(h);
    await remindThenSolve(org);
    const t = await pendingTicket(org);
    const runner = runnerFor(org);

    await runner.runDue(hoursLater(1));
    expect((await org.as.agent.get(`/api/v1/tickets/${t.id}/messages`)).body.data).toHaveLength(2);

    // The next check is scheduled five minutes after the last: move the clock three days on.
    await runner.runDue(hoursLater(73));
    const messages = (await org.as.agent.get(`/api/v1/tickets/${t.id}/messages`)).body.data;
    expect(messages.at(-1)).toMatchObject({ kind: "reply", bodyText: "Hello Radu, did this help?" });
    expect((await org.as.agent.get(`/api/v1/tickets/${t.id}`)).body.data).toMatchObject({
      status: "pending",
      tags: ["reminded"],
    });

    await runner.runDue(hoursLater(74));
    expect((await org.as.agent.get(`/api/v1/tickets/${t.id}/messages`)).body.data).toHaveLength(3);
    await runner.runDue(hoursLater(73 + 97));
    expect((await org.as.agent.get(`/api/v1/tickets/${t.id}`)).body.data.status).toBe("solved");
  });
});

describe("automations hold up", () => {
  it("act once per ticket even when the same check runs twice, and leave closed tickets alone", async () => {
    const org = await makeOrg(h);
    await org.as.admin.post("/api/v1/rules", {
      kind: "automation",
      name: "Flag old",
      conditions: { all: [{ field: "hours_since_created", op: "gte", value: 24 }] },
      actions: [{ type: "add_note", body: "Older than a day: #{{ticket.number}}" }],
    });
    const open = await pendingTicket(org);
    const closed = await pendingTicket(org);
    await org.as.agent.patch(`/api/v1/tickets/${closed.id}`, { status: "solved" });
    await org.as.agent.patch(`/api/v1/tickets/${closed.id}`, { status: "closed" });
    // Two processes' checks at once, as after a crash and restart.
    await Promise.all([runnerFor(org).runDue(hoursLater(25)), runnerFor(org).runDue(hoursLater(25))]);
    await runnerFor(org).runDue(hoursLater(26));
    const notes = (await org.as.agent.get(`/api/v1/tickets/${open.id}/messages`)).body.data.filter(
      (m: { kind: string }) => m.kind === "note",
    );
    expect(notes.map((m: { bodyText: string }) => m.bodyText)).toEqual([`Older than a day: #${open.number}`]);
    expect((await org.as.agent.get(`/api/v1/tickets/${closed.id}/messages`)).body.data).toHaveLength(2);
  });

  it("stop checking once the organisation has no active automation", async () => {
    const org = await makeOrg(h);
    const rule = (
      await org.as.admin.post("/api/v1/rules", {
        kind: "automation",
        name: "x",
        conditions: { all: [{ field: "hours_since_created", op: "gte", value: 1 }] },
        actions: [{ type: "add_tags", value: ["old"] }],
      })
    ).body.data;
    await org.as.admin.patch(`/api/v1/rules/${rule.id}`, { active: false });
    const runner = runnerFor(org);
    expect(await runner.runDue(hoursLater(2))).toBe(1);
    expect(await runner.runDue(hoursLater(3))).toBe(0);
  });
});
