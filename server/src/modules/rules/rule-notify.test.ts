import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { colleague } from "../../../test/escalations";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const notifyRule = (o: TestOrg, to: string, name = "Tell them") =>
  o.as.admin.post("/api/v1/rules", {
    kind: "trigger",
    name,
    events: ["ticket.created"],
    actions: [{ type: "notify", to, text: "{{customer.name}} wrote on #{{ticket.number}}: {{ticket.subject}}" }],
  });

async function newTicket(o: TestOrg, extra: Record<string, unknown> = {}) {
  const res = await o.as.agent.post("/api/v1/tickets", {
    subject: "Broken kettle",
    requester: { email: uniqueEmail("buyer"), name: "Radu Stan" },
    message: { body: "It leaks." },
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; number: number };
}

type Notice = { kind: string; actor: unknown; ticket: unknown; excerpt: string; escalation: unknown };
const bell = async (as: Client) => (await as.get("/api/v1/notifications")).body.data as Notice[];
const kinds = async (as: Client) => (await bell(as)).map((n) => n.kind);

describe("rules notify", () => {
  it("put the rendered text in the assignee's bell, and nobody else's", async () => {
    const org = await makeOrg(h);
    expect((await notifyRule(org, "assignee")).status).toBe(201);
    const t = await newTicket(org, { assigneeId: org.users.agent.id });
    expect(await bell(org.as.agent)).toEqual([
      {
        id: expect.any(String),
        kind: "rule",
        actor: { id: null, name: "Tell them" },
        ticket: { id: t.id, number: t.number, subject: "Broken kettle" },
        messageId: null,
        excerpt: `Radu Stan wrote on #${t.number}: Broken kettle`,
        escalation: null,
        readAt: null,
        createdAt: expect.any(String),
      },
    ]);
    for (const role of ["supervisor", "manager", "admin"] as const) expect(await kinds(org.as[role])).toEqual([]);
    // Without an assignee there is nobody to tell.
    await newTicket(org);
    expect(await kinds(org.as.agent)).toEqual(["rule"]);
  });

  it("reach the ticket team's active members, every supervisor and above, or one colleague", async () => {
    const org = await makeOrg(h);
    const member = await colleague(h, org, "agent", "Mara Ionescu");
    const gone = await colleague(h, org, "agent", "Ion Vechi");
    const outsider = await colleague(h, org, "agent", "Dan Lupu");
    const team = (
      await org.as.admin.post("/api/v1/teams", {
        name: "Kettles",
        memberIds: [member.id, gone.id, org.users.manager.id],
      })
    ).body.data;
    await org.as.admin.patch(`/api/v1/users/${gone.id}`, { active: false });
    await notifyRule(org, "team", "Team");
    await newTicket(org, { teamId: team.id });
    expect([await kinds(member.as), await kinds(org.as.manager), await kinds(outsider.as)]).toEqual([
      ["rule"],
      ["rule"],
      [],
    ]);

    const other = await makeOrg(h);
    await notifyRule(other, "supervisors", "Supervisors");
    await notifyRule(other, other.users.agent.id, "Just the agent");
    await newTicket(other);
    const names = async (as: Client) => (await bell(as)).map((n) => (n.actor as { name: string }).name).sort();
    expect(await names(other.as.agent)).toEqual(["Just the agent"]);
    for (const role of ["supervisor", "manager", "admin"] as const) {
      expect(await names(other.as[role])).toEqual(["Supervisors"]);
    }
  });
});

describe("notifying rules reject bad input", () => {
  it("refuse a colleague of another organisation or an inactive one (422), on creation and change", async () => {
    const org = await makeOrg(h);
    const other = await makeOrg(h);
    const foreign = await notifyRule(org, other.users.agent.id);
    expect(foreign.status).toBe(422);
    expect(foreign.body.fields).toEqual({ "actions.0.to": ["Unknown or inactive user"] });
    const ok = await notifyRule(org, "team");
    expect(ok.status).toBe(201);
    await org.as.admin.patch(`/api/v1/users/${org.users.manager.id}`, { active: false });
    const patched = await org.as.admin.patch(`/api/v1/rules/${ok.body.data.id}`, {
      actions: [{ type: "notify", to: org.users.manager.id, text: "Look" }],
    });
    expect(patched.status).toBe(422);
    expect(patched.body.fields).toEqual({ "actions.0.to": ["Unknown or inactive user"] });
    const bad = await notifyRule(org, "everyone");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(["actions.0.to"]);
  });
});
