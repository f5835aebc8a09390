import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { inOrg } from "../../platform/tenancy";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const T0 = Date.parse("2025-03-03T09:00:00Z");

async function ticket(o: TestOrg, body = "Hello") {
  return (
    await o.as.agent.post("/api/v1/tickets", {
      subject: "Report case",
      requester: { email: uniqueEmail("c") },
      message: { body },
      language: "en",
    })
  ).body.data as { id: string };
}

async function escalation(o: TestOrg, reason: string) {
  const t = await ticket(o);
  return (await o.as.agent.post(`/api/v1/tickets/${t.id}/escalations`, { reason })).body.data as { id: string };
}

/** Moves an escalation's times to T0 (+ minutes), as if it had happened then. */
async function happened(o: TestOrg, id: string, minutes: { created?: number; taken?: number; resolved?: number }) {
  const at = (m: number | undefined) => (m === undefined ? null : new Date(T0 + m * 60_000));
  await inOrg(h.deps.database, o.orgId, ({ tx }) =>
    tx.execute(sql`UPDATE escalations SET created_at = ${at(minutes.created ?? 0)},
      taken_at = ${at(minutes.taken)}, resolved_at = ${at(minutes.resolved)} WHERE id = ${id}`),
  );
}

describe("the escalation report counts and times exactly", () => {
  it("counts by reason, type and outcome, with median and 90th percentile minutes to take and to resolve", async () => {
    const o = await makeOrg(h);
    const e1 = await escalation(o, "angry_customer");
    const e2 = await escalation(o, "angry_customer");
    const e3 = await escalation(o, "refund_above_limit");
    const e4t = await ticket(o, "I want to speak to a manager about this.");
    const e4 = (await o.as.agent.get(`/api/v1/tickets/${e4t.id}/escalations`)).body.data[0];
    const e5 = await escalation(o, "vip");
    const old = await escalation(o, "legal_threat");
    await o.as.supervisor.post(`/api/v1/escalations/${e1.id}/resolve`, { outcome: "refund_approved" });
    await o.as.supervisor.post(`/api/v1/escalations/${e2.id}/resolve`, { outcome: "no_action" });
    await o.as.supervisor.post(`/api/v1/escalations/${e3.id}/de-escalate`, { coachingNote: "Within your limit." });
    await o.as.supervisor.post(`/api/v1/escalations/${e4.id}/take`);
    await o.as.supervisor.post(`/api/v1/escalations/${old.id}/resolve`, { outcome: "policy_exception" });
    await happened(o, e1.id, { taken: 10, resolved: 30 });
    await happened(o, e2.id, { taken: 20, resolved: 60 });
    await happened(o, e3.id, { taken: 30, resolved: 90 });
    await happened(o, e4.id, { taken: 40 });
    await happened(o, e5.id, {});
    await happened(o, old.id, { created: -40 * 24 * 60, taken: -40 * 24 * 60 + 1, resolved: -40 * 24 * 60 + 2 });

    const from = new Date(T0 - 86_400_000).toISOString();
    const to = new Date(T0 + 86_400_000).toISOString();
    const res = await o.as.supervisor.get(`/api/v1/escalations/report?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      from,
      to,
      total: 5,
      byReason: [
        { reason: "angry_customer", count: 2 },
        { reason: "customer_request", count: 1 },
        { reason: "refund_above_limit", count: 1 },
        { reason: "vip", count: 1 },
      ],
      byType: [
        { type: "agent", count: 4 },
        { type: "customer_request", count: 1 },
      ],
      byOutcome: [
        { outcome: "no_action", count: 1 },
        { outcome: "refund_approved", count: 1 },
        { outcome: "returned_to_agent", count: 1 },
      ],
      // Taken after 10, 20, 30 and 40 minutes; resolved after 30, 60 and 90.
      timeToTake: { count: 4, median: 25, p90: 37 },
      timeToResolve: { count: 3, median: 60, p90: 84 },
    });
  });

  it("covers the last 30 days by default, and answers an empty period with zeros and no times", async () => {
    const o = await makeOrg(h);
    const now = await escalation(o, "other");
    const before = await escalation(o, "other");
    await happened(o, before.id, {});
    const recent = (await o.as.manager.get("/api/v1/escalations/report")).body.data;
    expect([recent.total, recent.byReason]).toEqual([1, [{ reason: "other", count: 1 }]]);
    expect(Date.parse(recent.to) - Date.parse(recent.from)).toBe(30 * 86_400_000);
    expect(now.id).not.toBe(before.id);
    const empty = (await o.as.admin.get("/api/v1/escalations/report?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z"))
      .body.data;
    expect(empty).toEqual({
      from: "2020-01-01T00:00:00.000Z",
      to: "2020-02-01T00:00:00.000Z",
      total: 0,
      byReason: [],
      byType: [],
      byOutcome: [],
      timeToTake: { count: 0, median: null, p90: null },
      timeToResolve: { count: 0, median: null, p90: null },
    });
  });
});
