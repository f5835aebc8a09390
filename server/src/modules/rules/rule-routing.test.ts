import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { type Floor, makeFloor } from "../../../test/routing";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const trigger = async (as: Client, body: Record<string, unknown>) => {
  const res = await as.post("/api/v1/rules", { kind: "trigger", events: ["ticket.created"], ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string };
};

const skill = async (floor: Floor, name: string): Promise<string> => {
  const res = await floor.org.as.supervisor.post("/api/v1/routing/skills", { name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.id;
};

/** A ticket as mail and the portal bring it: no team yet. */
const unrouted = async (floor: Floor, body = "Hello, I need help.") => {
  const res = await floor.org.as.admin.post("/api/v1/tickets", {
    subject: "Refund",
    requester: { email: uniqueEmail("customer") },
    message: { body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string };
};

const requirementsOf = async (floor: Floor, ticketId: string) =>
  (await floor.org.as.supervisor.get(`/api/v1/tickets/${ticketId}/requirements`)).body.data;

/** Ana and Bogdan online in a round-robin team; only Bogdan has "Refunds". Ana's turn comes first. */
async function refundsFloor() {
  const floor = await makeFloor(h, ["Ana", "Bogdan"]);
  const [ana, bogdan] = floor.agents;
  const refunds = await skill(floor, "Refunds");
  await floor.org.as.supervisor.patch(`/api/v1/routing/agents/${bogdan!.id}`, { skills: [{ skillId: refunds }] });
  await floor.route({ strategy: "round_robin" });
  for (const a of floor.agents) await floor.presence(a, "online");
  return { floor, ana: ana!, bogdan: bogdan!, refunds };
}

describe("rules that set what a ticket requires work", () => {
  it("a trigger on creation that sets the team and requires a skill leaves the ticket with the agent who has it", async () => {
    const { floor, bogdan, refunds } = await refundsFloor();
    await trigger(floor.org.as.admin, {
      name: "Refunds to support",
      actions: [
        { type: "set_team", value: floor.teamId },
        { type: "require_skills", value: [refunds] },
      ],
    });
    const ticket = await unrouted(floor);
    // Setting the team routed it to Ana, whose turn it was; the skill required next moved it to Bogdan.
    expect(await floor.assigneeOf(ticket.id)).toBe(bogdan.id);
    expect(await requirementsOf(floor, ticket.id)).toMatchObject({ skillIds: [refunds], language: null });
    const audit = (
      await floor.org.as.admin.get(`/api/v1/audit-events?entityId=${ticket.id}&action=ticket.requirements_changed`)
    ).body.data;
    expect(audit.map((e: { actorName: string; changes: unknown }) => [e.actorName, e.changes])).toEqual([
      ["rule: Refunds to support", { skillIds: [[], [refunds]] }],
    ]);
  });

  it("respects the skill for a ticket created with its team, routed before the rule ran", async () => {
    const { floor, bogdan, refunds } = await refundsFloor();
    await trigger(floor.org.as.admin, { name: "Refunds", actions: [{ type: "require_skills", value: [refunds] }] });
    const ticket = await floor.ticket();
    expect(await floor.assigneeOf(ticket.id)).toBe(bogdan.id);
  });

  it("leaves the ticket in the queue when nobody online has the skill, and a person's choice of assignee alone", async () => {
    const { floor, ana, bogdan, refunds } = await refundsFloor();
    await floor.presence(bogdan, "away");
    await trigger(floor.org.as.admin, {
      name: "Refunds",
      actions: [
        { type: "set_team", value: floor.teamId },
        { type: "require_skills", value: [refunds] },
      ],
    });
    const waiting = await unrouted(floor);
    expect(await floor.assigneeOf(waiting.id)).toBeNull();
    const queue = (await floor.org.as.supervisor.get(`/api/v1/routing/queue?teamId=${floor.teamId}`)).body.data;
    expect(queue.map((e: { ticket: { id: string }; reason: string }) => [e.ticket.id, e.reason])).toEqual([
      [waiting.id, "missing_skill"],
    ]);
    const chosen = await floor.ticket({ assigneeId: ana.id });
    expect(await floor.assigneeOf(chosen.id)).toBe(ana.id);
    expect((await requirementsOf(floor, chosen.id)).skillIds).toEqual([refunds]);
  });

  it("adds skills to those the ticket requires, keeping the others", async () => {
    const { floor, refunds } = await refundsFloor();
    const sepa = await skill(floor, "SEPA");
    await trigger(floor.org.as.admin, {
      name: "SEPA on update",
      events: ["ticket.updated"],
      conditions: { all: [{ field: "tags", op: "contains", value: "sepa" }] },
      actions: [{ type: "require_skills", value: [sepa] }],
    });
    const ticket = await floor.ticket();
    await floor.org.as.supervisor.put(`/api/v1/tickets/${ticket.id}/requirements`, {
      skillIds: [refunds],
      language: "ro",
    });
    const res = await floor.org.as.supervisor.patch(`/api/v1/tickets/${ticket.id}`, { tags: ["sepa"] });
    expect(res.status).toBe(200);
    expect(await requirementsOf(floor, ticket.id)).toMatchObject({
      skillIds: [refunds, sepa].sort(),
      language: "ro",
    });
  });

  it("set_language gives a ticket in English to the German speaker, and null goes back to the ticket's own", async () => {
    const floor = await makeFloor(h, ["Ana", "Bogdan"], ["en", "de"]);
    const [ana, bogdan] = floor.agents;
    await floor.route({ strategy: "round_robin" });
    for (const a of floor.agents) await floor.presence(a, "online");
    await trigger(floor.org.as.admin, {
      name: "German desk",
      conditions: { all: [{ field: "subject", op: "contains", value: "[DE]" }] },
      actions: [{ type: "set_language", value: "de" }],
    });
    await trigger(floor.org.as.admin, {
      name: "Own language",
      events: ["ticket.updated"],
      conditions: { all: [{ field: "tags", op: "contains", value: "own" }] },
      actions: [{ type: "set_language", value: null }],
    });
    const body = "My parcel has not arrived for a week, please help me find it.";
    const ticket = await floor.ticket({ subject: "[DE] Parcel", message: { body } });
    expect(ticket.assigneeId).toBe(bogdan!.id);
    expect(await requirementsOf(floor, ticket.id)).toEqual({
      ticketId: ticket.id,
      skillIds: [],
      language: "de",
      ticketLanguage: "en",
      requiredLanguage: "de",
    });
    await floor.org.as.supervisor.patch(`/api/v1/tickets/${ticket.id}`, { tags: ["own"] });
    expect(await requirementsOf(floor, ticket.id)).toMatchObject({ language: null, requiredLanguage: "en" });
    // Assigned in an earlier change: it stays with Bogdan, as a requirement set by hand would leave it.
    expect(await floor.assigneeOf(ticket.id)).toBe(bogdan!.id);
    expect((await floor.ticket({ subject: "Parcel", message: { body } })).assigneeId).toBe(ana!.id);
  });

  it("passes over a skill deleted since the rule was saved, and the rest of its actions still apply", async () => {
    const { floor, refunds } = await refundsFloor();
    const sepa = await skill(floor, "SEPA");
    await trigger(floor.org.as.admin, {
      name: "Payments",
      actions: [
        { type: "require_skills", value: [sepa, refunds] },
        { type: "add_tags", value: ["payments"] },
        { type: "set_language", value: "ro" },
      ],
    });
    await trigger(floor.org.as.admin, {
      name: "Only SEPA",
      actions: [
        { type: "require_skills", value: [sepa] },
        { type: "add_tags", value: ["sepa"] },
      ],
    });
    expect((await floor.org.as.supervisor.delete(`/api/v1/routing/skills/${sepa}`)).status).toBe(204);
    const ticket = await floor.ticket();
    expect(await requirementsOf(floor, ticket.id)).toMatchObject({ skillIds: [refunds], language: "ro" });
    expect((await floor.org.as.agent.get(`/api/v1/tickets/${ticket.id}`)).body.data.tags).toEqual(["payments", "sepa"]);
  });
});

describe("rules that set what a ticket requires reject bad input", () => {
  it("answers 422 on the place of an unknown or foreign skill, on creation and on change", async () => {
    const { floor, refunds } = await refundsFloor();
    const other = await makeFloor(h, []);
    const foreign = await skill(other, "Refunds");
    const unknown = "0190a0c4-5d1e-7b2a-9c3d-4e5f60718293";
    const made = await floor.org.as.admin.post("/api/v1/rules", {
      kind: "trigger",
      name: "Skills",
      events: ["ticket.created"],
      actions: [
        { type: "add_tags", value: ["x"] },
        { type: "require_skills", value: [refunds, unknown, foreign] },
      ],
    });
    expect([made.status, made.body.code, made.body.fields]).toEqual([
      422,
      "unprocessable",
      { "actions.1.value.1": ["Unknown skill"], "actions.1.value.2": ["Unknown skill"] },
    ]);
    const rule = await trigger(floor.org.as.admin, {
      name: "Skills",
      actions: [{ type: "require_skills", value: [refunds] }],
    });
    const changed = await floor.org.as.admin.patch(`/api/v1/rules/${rule.id}`, {
      actions: [{ type: "require_skills", value: [foreign] }],
    });
    expect([changed.status, changed.body.fields]).toEqual([422, { "actions.0.value.0": ["Unknown skill"] }]);
    const kept = (await floor.org.as.admin.get(`/api/v1/rules/${rule.id}`)).body.data;
    expect(kept.actions).toEqual([{ type: "require_skills", value: [refunds] }]);
  });

  it("answers 400 for a language routing does not know, no skills, or a skill listed twice", async () => {
    const { floor, refunds } = await refundsFloor();
    const res = await floor.org.as.admin.post("/api/v1/rules", {
      kind: "trigger",
      name: "Bad",
      events: ["ticket.created"],
      actions: [
        { type: "set_language", value: "klingon" },
        { type: "require_skills", value: [] },
        { type: "require_skills", value: [refunds, refunds] },
      ],
    });
    expect([res.status, Object.keys(res.body.fields).sort()]).toEqual([
      400,
      ["actions.0.value", "actions.1.value", "actions.2.value"],
    ]);
  });
});

describe("rules that set what a ticket requires refuse the wrong user", () => {
  it("lets only admins write them", async () => {
    const org = await makeOrg(h);
    const body = {
      kind: "trigger",
      name: "German desk",
      events: ["ticket.created"],
      actions: [{ type: "set_language", value: "de" }],
    };
    expect((await org.as.supervisor.post("/api/v1/rules", body)).status).toBe(403);
    expect((await org.as.agent.post("/api/v1/rules", body)).status).toBe(403);
    expect((await org.as.admin.post("/api/v1/rules", body)).status).toBe(201);
  });
});
