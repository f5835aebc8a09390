import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

interface Listed {
  id: string;
  slaDueAt: string | null;
}

/** An organisation promising a first reply in 30 minutes on urgent tickets and 2 hours on high ones. */
async function orgWithPolicies(): Promise<TestOrg> {
  const org = await makeOrg(h);
  for (const [priority, minutes] of [
    ["urgent", 30],
    ["high", 120],
  ] as const) {
    const res = await org.as.admin.post("/api/v1/sla-policies", {
      name: `${priority} first reply`,
      conditions: { priority: [priority] },
      targets: { firstReply: { minutes, businessTime: false } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return org;
}

async function open(org: TestOrg, priority: string): Promise<Listed> {
  const res = await org.as.agent.post("/api/v1/tickets", {
    subject: `A ${priority} question`,
    requester: { email: uniqueEmail("customer") },
    message: { body: "Please help." },
    priority,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

/** Every page of a query, following the cursors; the ids of each page. */
async function pages(org: TestOrg, query: string): Promise<string[][]> {
  const out: string[][] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/v1/tickets?${query}${cursor ? `&cursor=${cursor}` : ""}`;
    const res = await org.as.agent.get(url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(res.body.data.map((t: Listed) => t.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

// Due times tie when two tickets open in one millisecond: the id breaks the tie, as in the query.
const byDueThenId = (a: Listed, b: Listed) => a.slaDueAt!.localeCompare(b.slaDueAt!) || a.id.localeCompare(b.id);

describe("sorting tickets by SLA due time works", () => {
  it("puts the soonest due first and tickets with nothing counting last, across pages", async () => {
    const org = await orgWithPolicies();
    const high = await open(org, "high");
    const normalA = await open(org, "normal");
    const urgentA = await open(org, "urgent");
    const low = await open(org, "low");
    const urgentB = await open(org, "urgent");
    expect([high, urgentA, urgentB].every((t) => t.slaDueAt !== null)).toBe(true);
    expect([normalA.slaDueAt, low.slaDueAt]).toEqual([null, null]);
    const urgent = [urgentA, urgentB].sort(byDueThenId).map((t) => t.id);
    const none = [normalA.id, low.id].sort();

    const all = await org.as.agent.get("/api/v1/tickets?sort=sla_due_asc");
    expect(all.body.data.map((t: Listed) => t.id)).toEqual([...urgent, high.id, ...none]);
    expect(all.body.nextCursor).toBeNull();

    // Two a page: the second page crosses from due times to none, the third holds only "none".
    expect(await pages(org, "sort=sla_due_asc&limit=2")).toEqual([urgent, [high.id, none[0]], [none[1]]]);
    // One a page steps through each boundary, including between two tickets without a due time.
    expect((await pages(org, "sort=sla_due_asc&limit=1")).flat()).toEqual([...urgent, high.id, ...none]);
  });

  it("moves a ticket whose promise was kept among those with nothing due, and keeps filters", async () => {
    const org = await orgWithPolicies();
    const high = await open(org, "high");
    const urgent = await open(org, "urgent");
    const normal = await open(org, "normal");
    const reply = await org.as.agent.post(`/api/v1/tickets/${urgent.id}/messages`, {
      kind: "reply",
      body: "On it.",
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect((await org.as.agent.get(`/api/v1/tickets/${urgent.id}`)).body.data.slaDueAt).toBeNull();

    expect((await pages(org, "sort=sla_due_asc&limit=2")).flat()).toEqual([high.id, ...[urgent.id, normal.id].sort()]);
    expect(await pages(org, "sort=sla_due_asc&priority=urgent,normal&limit=1")).toEqual(
      [urgent.id, normal.id].sort().map((id) => [id]),
    );
  });

  it("can be a saved view's order", async () => {
    const org = await makeOrg(h);
    const view = await org.as.agent.post("/api/v1/views", {
      name: "Due soonest",
      filters: { status: ["new", "open"] },
      sort: "sla_due_asc",
    });
    expect(view.status, JSON.stringify(view.body)).toBe(201);
    expect(view.body.data.sort).toBe("sla_due_asc");
  });
});

describe("sorting tickets by SLA due time rejects bad input", () => {
  it("refuses an unknown order and a forged cursor", async () => {
    const org = await makeOrg(h);
    const unknown = await org.as.agent.get("/api/v1/tickets?sort=sla_due_desc");
    expect([unknown.status, Object.keys(unknown.body.fields)]).toEqual([400, ["sort"]]);
    const forged = Buffer.from(JSON.stringify(["tomorrow", "00000000-0000-4000-8000-000000000000"])).toString(
      "base64url",
    );
    const bad = await org.as.agent.get(`/api/v1/tickets?sort=sla_due_asc&cursor=${forged}`);
    expect([bad.status, bad.body.fields]).toEqual([400, { cursor: ["Invalid cursor"] }]);
  });
});

describe("sorting tickets by SLA due time refuses the wrong user", () => {
  it("lists only the caller's organisation", async () => {
    const org = await orgWithPolicies();
    const mine = await open(org, "urgent");
    const other = await orgWithPolicies();
    await open(other, "urgent");
    expect(await pages(org, "sort=sla_due_asc&limit=1")).toEqual([[mine.id]]);
  });
});
