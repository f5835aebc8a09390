import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../../../test/harness";
import { type Floor, makeFloor } from "../../../test/routing";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

/** The assignees of some tickets, as agents' names ("—" for none). */
async function assignees(floor: Floor, ids: string[]): Promise<string[]> {
  const names = new Map(floor.agents.map((a) => [a.id, a.name]));
  const out: string[] = [];
  for (const id of ids) {
    const assignee = await floor.assigneeOf(id);
    out.push(assignee ? (names.get(assignee) ?? assignee) : "—");
  }
  return out;
}

const queueOf = async (floor: Floor) =>
  (await floor.org.as.supervisor.get(`/api/v1/routing/queue?teamId=${floor.teamId}`)).body.data as {
    ticket: { id: string };
    reason: string;
  }[];

describe("round robin", () => {
  it("gives new tickets to the online agents in turn, skipping whoever is away, and opens them", async () => {
    const floor = await makeFloor(h, ["Ana", "Bogdan", "Cristina", "Dan"]);
    const [ana, bogdan, cristina, dan] = floor.agents;
    await floor.route({ strategy: "round_robin" });
    for (const a of [ana!, bogdan!, cristina!]) await floor.presence(a, "online");
    await floor.presence(dan!, "away");
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await floor.ticket());
    expect(made.map((t) => t.status)).toEqual(Array(7).fill("open"));
    expect(
      await assignees(
        floor,
        made.map((t) => t.id),
      ),
    ).toEqual(["Ana", "Bogdan", "Cristina", "Ana", "Bogdan", "Cristina", "Ana"]);
    // The answer to the creation already shows the assignee.
    expect(made[0]!.assigneeId).toBe(ana!.id);
    await floor.presence(bogdan!, "offline");
    const next = [await floor.ticket(), await floor.ticket()];
    expect(
      await assignees(
        floor,
        next.map((t) => t.id),
      ),
    ).toEqual(["Cristina", "Ana"]);
  });

  it("records each assignment in the audit log as routing's", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    await floor.route({ strategy: "round_robin" });
    await floor.presence(floor.agents[0]!, "online");
    const ticket = await floor.ticket();
    const audit = await floor.org.as.admin.get(`/api/v1/audit-events?entityId=${ticket.id}`);
    expect(
      audit.body.data.map((e: { action: string; actorType: string; actorName: string }) => [
        e.action,
        e.actorType,
        e.actorName,
      ]),
    ).toEqual([
      ["ticket.updated", "system", "routing"],
      ["ticket.created", "user", expect.stringMatching(/^admin /)],
    ]);
    expect(audit.body.data[0].changes).toEqual({ status: ["new", "open"], assigneeId: [null, floor.agents[0]!.id] });
  });

  it("routes a ticket when it gets a team, or is handed back, to someone else", async () => {
    const floor = await makeFloor(h, ["Ana", "Bogdan"]);
    const [ana, bogdan] = floor.agents;
    await floor.route({ strategy: "round_robin" });
    await floor.presence(ana!, "online");
    await floor.presence(bogdan!, "online");
    const loose = await floor.ticket({ teamId: null });
    expect(loose.assigneeId).toBeNull();
    const moved = await floor.org.as.agent.patch(`/api/v1/tickets/${loose.id}`, { teamId: floor.teamId });
    expect(moved.body.data).toMatchObject({ teamId: floor.teamId, assigneeId: ana!.id, status: "open" });
    const back = await ana!.as.patch(`/api/v1/tickets/${loose.id}`, { assigneeId: null });
    expect(back.body.data.assigneeId).toBe(bogdan!.id);
    // With nobody else to take it, a ticket handed back returns rather than waiting for no one.
    await floor.presence(ana!, "away");
    const again = await bogdan!.as.patch(`/api/v1/tickets/${loose.id}`, { assigneeId: null });
    expect(again.body.data.assigneeId).toBe(bogdan!.id);
  });

  it("leaves a team that assigns by hand alone", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    await floor.presence(floor.agents[0]!, "online");
    const ticket = await floor.ticket();
    expect([ticket.assigneeId, ticket.status]).toEqual([null, "new"]);
    expect(await queueOf(floor)).toEqual([
      expect.objectContaining({ ticket: expect.objectContaining({ id: ticket.id }), reason: "manual" }),
    ]);
  });
});

describe("least loaded", () => {
  it("picks the lowest open load; a tie goes to who waited longest since routing last gave them one", async () => {
    const floor = await makeFloor(h, ["Ana", "Bogdan", "Cristina"]);
    const [ana, bogdan, cristina] = floor.agents;
    // By hand first: Ana carries two, Bogdan and Cristina one each; a pending one weighs on nobody.
    for (const [who, status] of [
      [ana, "open"],
      [ana, "on_hold"],
      [bogdan, "open"],
      [cristina, "new"],
      [cristina, "pending"],
      [bogdan, "solved"],
    ] as const) {
      const t = await floor.ticket();
      const res = await floor.org.as.admin.patch(`/api/v1/tickets/${t.id}`, { assigneeId: who!.id, status });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    await floor.route({ strategy: "least_loaded" });
    for (const a of floor.agents) await floor.presence(a, "online");
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await floor.ticket()).id);
    // 2/1/1 → Bogdan (tie with Cristina, by id) → Cristina → 2/2/2: Ana never routed → Bogdan waited longest.
    expect(await assignees(floor, made)).toEqual(["Bogdan", "Cristina", "Ana", "Bogdan", "Cristina"]);
    const agents = (await floor.org.as.supervisor.get(`/api/v1/routing/agents?teamId=${floor.teamId}`)).body.data;
    expect(agents.map((a: { name: string; load: unknown }) => [a.name, a.load])).toEqual([
      ["Ana", { tickets: 3, chats: 0 }],
      ["Bogdan", { tickets: 3, chats: 0 }],
      ["Cristina", { tickets: 3, chats: 0 }],
      [expect.stringMatching(/^supervisor /), { tickets: 0, chats: 0 }],
    ]);
  });
});

describe("skills and languages", () => {
  it("gives a ticket only to someone with every required skill; it waits until such a person is online", async () => {
    const floor = await makeFloor(h, ["Ana", "Bogdan"]);
    const [ana, bogdan] = floor.agents;
    const sup = floor.org.as.supervisor;
    const refunds = (await sup.post("/api/v1/routing/skills", { name: "Refunds" })).body.data;
    const sepa = (await sup.post("/api/v1/routing/skills", { name: "SEPA" })).body.data;
    await sup.patch(`/api/v1/routing/agents/${ana!.id}`, { skills: [{ skillId: refunds.id, level: 5 }] });
    await sup.patch(`/api/v1/routing/agents/${bogdan!.id}`, {
      skills: [{ skillId: refunds.id }, { skillId: sepa.id, level: 2 }],
    });
    await floor.route({ strategy: "round_robin" });
    const ticket = await floor.ticket();
    const set = await ana!.as.put(`/api/v1/tickets/${ticket.id}/requirements`, {
      skillIds: [sepa.id, refunds.id],
      language: null,
    });
    expect(set.body.data).toMatchObject({ skillIds: [sepa.id, refunds.id].sort(), language: null });
    expect((await queueOf(floor)).map((e) => e.reason)).toEqual(["nobody_online"]);
    await floor.presence(ana!, "online");
    await floor.runJobs();
    expect(await floor.assigneeOf(ticket.id)).toBeNull();
    expect((await queueOf(floor)).map((e) => e.reason)).toEqual(["missing_skill"]);
    await floor.presence(bogdan!, "online");
    expect(await floor.runJobs()).toBe(1);
    expect(await floor.assigneeOf(ticket.id)).toBe(bogdan!.id);
    expect(await queueOf(floor)).toEqual([]);
  });

  it("gives a German ticket to a German speaker: by profile language, or one they added", async () => {
    const floor = await makeFloor(h, ["Ana", "Bogdan", "Cristina"], ["en", "de", "ro"]);
    const [ana, bogdan, cristina] = floor.agents;
    await floor.route({ strategy: "round_robin" });
    for (const a of floor.agents) await floor.presence(a, "online");
    const german = {
      subject: "Paket",
      message: { body: "Mein Paket ist seit einer Woche nicht angekommen, bitte helfen Sie mir." },
    };
    const first = await floor.ticket(german);
    const requirements = (await ana!.as.get(`/api/v1/tickets/${first.id}/requirements`)).body.data;
    expect(requirements).toEqual({
      ticketId: first.id,
      skillIds: [],
      language: null,
      ticketLanguage: "de",
      requiredLanguage: "de",
    });
    expect(first.assigneeId).toBe(bogdan!.id);
    expect((await floor.ticket(german)).assigneeId).toBe(bogdan!.id);
    await floor.org.as.supervisor.patch(`/api/v1/routing/agents/${cristina!.id}`, { languages: ["DE", "hu"] });
    const third = await floor.ticket(german);
    expect(third.assigneeId).toBe(cristina!.id);
    // Set by hand, the language wins over the detected one.
    for (const a of floor.agents) await floor.presence(a, "away");
    const plain = await floor.ticket();
    const set = await ana!.as.put(`/api/v1/tickets/${plain.id}/requirements`, { skillIds: [], language: "hu" });
    expect(set.body.data).toMatchObject({ language: "hu", requiredLanguage: "hu" });
    expect((await queueOf(floor)).map((e) => e.reason)).toEqual(["nobody_online"]);
    await floor.presence(ana!, "online");
    await floor.presence(bogdan!, "online");
    await floor.runJobs();
    expect((await queueOf(floor)).map((e) => e.reason)).toEqual(["missing_language"]);
    await floor.presence(cristina!, "online");
    await floor.runJobs();
    expect(await floor.assigneeOf(plain.id)).toBe(cristina!.id);
    // Without language matching, the turn goes on regardless: after Cristina comes Ana.
    await floor.route({ strategy: "round_robin", languageMatching: false });
    expect((await floor.ticket(german)).assigneeId).toBe(ana!.id);
  });
});
