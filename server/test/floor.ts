import { expect } from "vitest";
import { registerSlaJobs } from "../src/modules/sla";
import { JobRunner } from "../src/platform/jobs";
import { escalate } from "./escalations";
import { makeOrg, signedIn, TEST_PASSWORD, type TestOrg, uniqueEmail } from "./factories";
import type { testApp } from "./harness";
import type { Agent } from "./routing";

// A small floor with every number the wallboard counts, for the wallboard's tests.

type Harness = Awaited<ReturnType<typeof testApp>>;

export interface KnownFloor {
  org: TestOrg;
  ana: Agent;
  bogdan: Agent;
  /** The org's supervisor and Ana. */
  billing: string;
  /** Bogdan alone. */
  returns: string;
  t: Record<
    "due" | "later" | "missed" | "anas" | "anasOnHold" | "pending" | "solved" | "ret" | "retTaken" | "loose",
    string
  >;
}

/** A new agent of the organisation, signed in. */
export async function addAgent(h: Harness, org: TestOrg, name: string): Promise<Agent> {
  const res = await org.as.admin.post("/api/v1/users", {
    email: uniqueEmail("agent"),
    name,
    role: "agent",
    password: TEST_PASSWORD,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.data.id, name, as: await signedIn(h, org.orgId, res.body.data.id) };
}

/**
 * Billing (the supervisor and Ana) and Returns (Bogdan), with SLA promises by priority: urgent
 * 1 minute (missed once SLA checks run five minutes on), normal 30 minutes, low 4 hours.
 */
export async function knownFloor(h: Harness): Promise<KnownFloor> {
  const org = await makeOrg(h);
  const ana = await addAgent(h, org, "Ana Pop");
  const bogdan = await addAgent(h, org, "Bogdan Ionescu");
  const team = async (name: string, memberIds: string[]) =>
    (await org.as.admin.post("/api/v1/teams", { name, memberIds })).body.data.id as string;
  const billing = await team("Billing", [org.users.supervisor.id, ana.id]);
  const returns = await team("Returns", [bogdan.id]);
  for (const [priority, minutes] of [
    ["urgent", 1],
    ["normal", 30],
    ["low", 240],
  ] as const) {
    const res = await org.as.admin.post("/api/v1/sla-policies", {
      name: `${priority} first reply`,
      conditions: { priority: [priority] },
      targets: { firstReply: { minutes, businessTime: false } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  const open = async (fields: Record<string, unknown>) => {
    const res = await org.as.admin.post("/api/v1/tickets", {
      subject: `Ticket ${Math.random()}`,
      requester: { email: uniqueEmail("customer") },
      message: { body: "Hello" },
      channel: "email",
      ...fields,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.data.id as string;
  };
  const set = async (id: string, changes: Record<string, unknown>) => {
    const res = await org.as.admin.patch(`/api/v1/tickets/${id}`, changes);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const t = {
    due: await open({ teamId: billing, subject: "Due soon" }),
    later: await open({ teamId: billing, priority: "low" }),
    missed: await open({ teamId: billing, priority: "urgent", channel: "chat" }),
    anas: await open({ teamId: billing, assigneeId: ana.id, subject: "Ana works on this" }),
    anasOnHold: await open({ teamId: billing, assigneeId: ana.id }),
    pending: await open({ teamId: billing }),
    solved: await open({ teamId: billing, assigneeId: ana.id, channel: "phone" }),
    ret: await open({ teamId: returns, priority: "low", channel: "web" }),
    retTaken: await open({ teamId: returns, priority: "low", assigneeId: bogdan.id }),
    loose: await open({ priority: "low" }),
  };
  await set(t.anasOnHold, { status: "on_hold" });
  await set(t.pending, { status: "pending" });
  await set(t.solved, { status: "solved" });
  // Ana's on-hold ticket changed after her other one, which then hears from her last.
  const note = await ana.as.post(`/api/v1/tickets/${t.anas}/messages`, { kind: "note", body: "Looking" });
  expect(note.status, JSON.stringify(note.body)).toBe(201);
  const sla = new JobRunner(h.deps, { nodeId: `floor-sla-${Math.random()}`, orgIds: [org.orgId] });
  registerSlaJobs(sla);
  await sla.runDue(new Date(Date.now() + 5 * 60_000));

  expect((await escalate(org.as.agent, t.due, { reason: "angry_customer" })).status).toBe(201);
  expect((await escalate(org.as.agent, t.loose, { reason: "angry_customer" })).status).toBe(201);
  const taken = await escalate(org.as.agent, t.retTaken, { reason: "legal_threat" });
  expect((await org.as.supervisor.post(`/api/v1/escalations/${taken.body.data.id}/take`)).status).toBe(200);

  expect((await ana.as.put("/api/v1/me/presence", { status: "online" })).status).toBe(200);
  expect((await org.as.admin.patch(`/api/v1/routing/agents/${ana.id}`, { maxTickets: 5 })).status).toBe(200);
  return { org, ana, bogdan, billing, returns, t };
}
