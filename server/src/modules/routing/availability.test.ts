import { beforeAll, describe, expect, it } from "vitest";
import { Client } from "../../../test/client";
import { signedIn, TEST_PASSWORD, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { makeFloor } from "../../../test/routing";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

describe("capacity", () => {
  it("stops at an agent's capacity; the next ticket waits and goes out as soon as one is solved", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    const [ana] = floor.agents;
    await floor.route({ strategy: "least_loaded" });
    await floor.org.as.supervisor.patch(`/api/v1/routing/agents/${ana!.id}`, { maxTickets: 2 });
    await floor.presence(ana!, "online");
    const [one, two, three, four] = [
      await floor.ticket(),
      await floor.ticket(),
      await floor.ticket(),
      await floor.ticket(),
    ];
    expect([one, two, three, four].map((t) => t.assigneeId)).toEqual([ana!.id, ana!.id, null, null]);
    const queue = await floor.org.as.supervisor.get(`/api/v1/routing/queue?teamId=${floor.teamId}`);
    expect(queue.body.data.map((e: { ticket: { id: string }; reason: string }) => [e.ticket.id, e.reason])).toEqual([
      [three!.id, "no_capacity"],
      [four!.id, "no_capacity"],
    ]);
    await floor.runJobs();
    expect([await floor.assigneeOf(three!.id), await floor.assigneeOf(four!.id)]).toEqual([null, null]);
    await ana!.as.patch(`/api/v1/tickets/${one!.id}`, { status: "solved" });
    await floor.runJobs();
    expect([await floor.assigneeOf(three!.id), await floor.assigneeOf(four!.id)]).toEqual([ana!.id, null]);
    // Waiting on the customer frees room too; the oldest waiting ticket goes first.
    await ana!.as.post(`/api/v1/tickets/${two!.id}/messages`, {
      kind: "reply",
      body: "Which size?",
      status: "pending",
    });
    await floor.runJobs();
    expect(await floor.assigneeOf(four!.id)).toBe(ana!.id);
  });

  it("frees room when one of the agent's tickets is merged into another", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    const [ana] = floor.agents;
    await floor.route({ strategy: "round_robin" });
    await floor.org.as.supervisor.patch(`/api/v1/routing/agents/${ana!.id}`, { maxTickets: 2 });
    await floor.presence(ana!, "online");
    const [one, two, waiting] = [await floor.ticket(), await floor.ticket(), await floor.ticket()];
    expect(waiting.assigneeId).toBeNull();
    const merged = await floor.org.as.supervisor.post(`/api/v1/tickets/${one.id}/merge`, { sourceId: two.id });
    expect(merged.status).toBe(200);
    await floor.runJobs();
    expect(await floor.assigneeOf(waiting.id)).toBe(ana!.id);
  });

  it("counts chats against the chat capacity, apart from tickets", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    const [ana] = floor.agents;
    await floor.route({ strategy: "round_robin" });
    await floor.org.as.supervisor.patch(`/api/v1/routing/agents/${ana!.id}`, { maxTickets: 1, maxChats: 1 });
    await floor.presence(ana!, "online");
    const made = [
      await floor.ticket({ channel: "chat" }),
      await floor.ticket({ channel: "chat" }),
      await floor.ticket({ channel: "email" }),
      await floor.ticket({ channel: "web" }),
    ];
    expect(made.map((t) => t.assigneeId)).toEqual([ana!.id, null, ana!.id, null]);
    const agent = (await floor.org.as.supervisor.get(`/api/v1/routing/agents/${ana!.id}`)).body.data;
    expect([agent.load, agent.capacity]).toEqual([
      { tickets: 1, chats: 1 },
      { tickets: 1, chats: 1 },
    ]);
  });

  it("never fills an agent past capacity when tickets are created at the same moment", async () => {
    const floor = await makeFloor(h, ["Ana", "Bogdan", "Cristina"]);
    await floor.route({ strategy: "least_loaded" });
    for (const a of floor.agents) {
      await floor.org.as.supervisor.patch(`/api/v1/routing/agents/${a.id}`, { maxTickets: 2 });
      await floor.presence(a, "online");
    }
    const made = await Promise.all(Array.from({ length: 9 }, () => floor.ticket()));
    const counts = new Map<string | null, number>();
    for (const t of made) counts.set(t.assigneeId, (counts.get(t.assigneeId) ?? 0) + 1);
    expect(Object.fromEntries(floor.agents.map((a) => [a.name, counts.get(a.id)]))).toEqual({
      Ana: 2,
      Bogdan: 2,
      Cristina: 2,
    });
    expect(counts.get(null)).toBe(3);
    const agents = (await floor.org.as.supervisor.get(`/api/v1/routing/agents?teamId=${floor.teamId}`)).body.data;
    expect(agents.slice(0, 3).map((a: { load: { tickets: number } }) => a.load.tickets)).toEqual([2, 2, 2]);
  });

  it("never fills an agent past capacity when tickets join the team at the same moment", async () => {
    const floor = await makeFloor(h, ["Ana", "Bogdan"]);
    await floor.route({ strategy: "round_robin" });
    for (const a of floor.agents) {
      await floor.org.as.supervisor.patch(`/api/v1/routing/agents/${a.id}`, { maxTickets: 3 });
      await floor.presence(a, "online");
    }
    const loose = [];
    for (let i = 0; i < 8; i++) loose.push(await floor.ticket({ teamId: null }));
    // Unlike creations, which take turns for their ticket numbers, these changes run side by side.
    const moved = await Promise.all(
      loose.map((t) => floor.org.as.agent.patch(`/api/v1/tickets/${t.id}`, { teamId: floor.teamId })),
    );
    expect(moved.map((r) => r.status)).toEqual(Array(8).fill(200));
    const got = moved.map((r) => r.body.data.assigneeId);
    expect(floor.agents.map((a) => got.filter((id) => id === a.id).length)).toEqual([3, 3]);
    expect(got.filter((id) => id === null)).toHaveLength(2);
  });
});

describe("presence", () => {
  it("hands an agent's open tickets back when they go offline, and they go to whoever is online", async () => {
    const floor = await makeFloor(h, ["Ana", "Bogdan"]);
    const [ana, bogdan] = floor.agents;
    await floor.route({ strategy: "round_robin", reassignOnOffline: true });
    await floor.presence(ana!, "online");
    const [one, two] = [await floor.ticket(), await floor.ticket()];
    const pending = await floor.ticket();
    await ana!.as.post(`/api/v1/tickets/${pending.id}/messages`, { kind: "reply", body: "Size?", status: "pending" });
    await floor.presence(bogdan!, "online");
    await floor.presence(ana!, "offline");
    expect([await floor.assigneeOf(one.id), await floor.assigneeOf(two.id)]).toEqual([bogdan!.id, bogdan!.id]);
    // Pending waits on the customer: it stays Ana's.
    expect(await floor.assigneeOf(pending.id)).toBe(ana!.id);
    const mine = await ana!.as.get("/api/v1/me/presence");
    expect(mine.body.data).toEqual({ userId: ana!.id, status: "offline", since: expect.any(String) });
  });

  it("keeps an offline agent's tickets where the team does not reassign, and an away agent's always", async () => {
    const floor = await makeFloor(h, ["Ana", "Bogdan"]);
    const [ana, bogdan] = floor.agents;
    await floor.route({ strategy: "round_robin", reassignOnOffline: false });
    await floor.presence(ana!, "online");
    const ticket = await floor.ticket();
    await floor.presence(bogdan!, "online");
    await floor.presence(ana!, "offline");
    expect(await floor.assigneeOf(ticket.id)).toBe(ana!.id);
    await floor.route({ strategy: "round_robin", reassignOnOffline: true });
    await floor.presence(ana!, "online");
    await floor.presence(ana!, "away");
    expect(await floor.assigneeOf(ticket.id)).toBe(ana!.id);
  });

  it("puts a deactivated user offline and hands their tickets back", async () => {
    const floor = await makeFloor(h, ["Ana", "Bogdan"]);
    const [ana, bogdan] = floor.agents;
    await floor.route({ strategy: "round_robin", reassignOnOffline: true });
    await floor.presence(ana!, "online");
    const ticket = await floor.ticket();
    await floor.presence(bogdan!, "online");
    expect((await floor.org.as.admin.patch(`/api/v1/users/${ana!.id}`, { active: false })).status).toBe(200);
    expect(await floor.assigneeOf(ticket.id)).toBe(bogdan!.id);
    const seen = (await floor.org.as.supervisor.get(`/api/v1/routing/agents/${ana!.id}`)).body.data;
    expect([seen.active, seen.presence.status]).toEqual([false, "offline"]);
    const back = await floor.org.as.supervisor.put(`/api/v1/routing/agents/${ana!.id}/presence`, { status: "online" });
    expect([back.status, back.body.code, back.body.fields]).toEqual([
      409,
      "conflict",
      { status: ["This user is deactivated"] },
    ]);
  });

  it("signs an agent off the floor when they sign out of their last session, not of one of two", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    const [ana] = floor.agents;
    await floor.presence(ana!, "online");
    const login = await new Client(h.app).post("/api/v1/auth/login", {
      email: (await floor.org.as.admin.get(`/api/v1/users/${ana!.id}`)).body.data.email,
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(200);
    expect((await ana!.as.post("/api/v1/auth/logout")).status).toBe(204);
    const other = await signedIn(h, floor.org.orgId, ana!.id);
    expect((await other.get("/api/v1/me/presence")).body.data.status).toBe("online");
    // The sign-in above is a second live session; ending it and this one leaves none.
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const loginClient = new Client(h.app, { cookie, csrfToken: login.body.data.csrfToken });
    expect((await loginClient.post("/api/v1/auth/logout")).status).toBe(204);
    expect((await other.get("/api/v1/me/presence")).body.data.status).toBe("online");
    expect((await other.post("/api/v1/auth/logout")).status).toBe(204);
    const after = await signedIn(h, floor.org.orgId, ana!.id);
    expect((await after.get("/api/v1/me/presence")).body.data.status).toBe("offline");
  });
});

describe("joining a team", () => {
  it("gives what waits in the team's queue to an online agent who joins it, and nothing for leaving", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    const [ana] = floor.agents;
    await floor.route({ strategy: "round_robin" });
    const waiting = await floor.ticket();
    expect(waiting.assigneeId).toBeNull();
    const made = await floor.org.as.admin.post("/api/v1/users", {
      email: uniqueEmail("agent"),
      name: "Bogdan",
      role: "agent",
      password: TEST_PASSWORD,
    });
    const bogdan = { id: made.body.data.id as string, as: await signedIn(h, floor.org.orgId, made.body.data.id) };
    expect((await bogdan.as.put("/api/v1/me/presence", { status: "online" })).status).toBe(200);
    // Online, but not in the team: the ticket still waits.
    await floor.runJobs();
    expect(await floor.assigneeOf(waiting.id)).toBeNull();
    const team = await floor.org.as.admin.patch(`/api/v1/teams/${floor.teamId}`, {
      memberIds: [floor.org.users.supervisor.id, ana!.id, bogdan.id],
    });
    expect(team.status).toBe(200);
    expect(await floor.runJobs()).toBe(1);
    expect(await floor.assigneeOf(waiting.id)).toBe(bogdan.id);
    // Leaving wakes nobody: no job is queued.
    await floor.org.as.admin.patch(`/api/v1/teams/${floor.teamId}`, { memberIds: [bogdan.id] });
    expect(await floor.runJobs()).toBe(0);
  });

  it("routes a mailed ticket that a trigger puts in a routing team, in the same change", async () => {
    const floor = await makeFloor(h, ["Ana"]);
    const [ana] = floor.agents;
    await floor.route({ strategy: "round_robin" });
    await floor.presence(ana!, "online");
    const rule = await floor.org.as.admin.post("/api/v1/rules", {
      kind: "trigger",
      name: "Mail goes to Support",
      events: ["ticket.created"],
      conditions: { all: [{ field: "channel", op: "is", value: "email" }] },
      actions: [{ type: "set_team", value: floor.teamId }],
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const mail = await floor.ticket({ channel: "email", teamId: null });
    expect([mail.assigneeId, mail.status]).toEqual([ana!.id, "open"]);
  });
});
