import { type Role, roleAtLeast } from "@frontline/common";
import { beforeAll, describe, expect, it } from "vitest";
import type { Client, Reply } from "./client";
import { testApp } from "./harness";
import { makeFloor } from "./routing";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const ROLES = ["agent", "supervisor", "manager", "admin"] as const;

describe("across organisations, routing answers as if foreign objects did not exist", () => {
  /**
   * Organisation A: a round-robin team with Ana online (skill "Refunds", level 3) and a waiting
   * ticket that requires that skill in German. Organisation B: the same shape with Bea, offline.
   */
  async function twoFloors() {
    const a = await makeFloor(h, ["Ana"]);
    const b = await makeFloor(h, ["Bea"]);
    const skill = (await a.org.as.supervisor.post("/api/v1/routing/skills", { name: "Refunds" })).body.data;
    const bSkill = (await b.org.as.supervisor.post("/api/v1/routing/skills", { name: "Refunds" })).body.data;
    await a.org.as.supervisor.patch(`/api/v1/routing/agents/${a.agents[0]!.id}`, {
      skills: [{ skillId: skill.id, level: 3 }],
      languages: ["fr"],
      maxTickets: 4,
    });
    await a.route({ strategy: "round_robin", reassignOnOffline: true });
    await b.route({ strategy: "round_robin" });
    const ticket = await a.ticket();
    await a.org.as.agent.put(`/api/v1/tickets/${ticket.id}/requirements`, { skillIds: [skill.id], language: "de" });
    await a.presence(a.agents[0]!, "online");
    const bTicket = await b.ticket();
    return { a, b, skill, bSkill, ticket, bTicket };
  }

  /** What organisation A sees of its routing, to prove nothing changed. */
  async function snapshotOf(o: Awaited<ReturnType<typeof twoFloors>>) {
    const as = o.a.org.as.admin;
    return JSON.stringify([
      (await as.get(`/api/v1/teams/${o.a.teamId}/routing`)).body,
      (await as.get(`/api/v1/routing/agents/${o.a.agents[0]!.id}`)).body,
      (await as.get("/api/v1/routing/skills")).body,
      (await as.get(`/api/v1/tickets/${o.ticket.id}/requirements`)).body,
      (await as.get(`/api/v1/routing/queue?teamId=${o.a.teamId}`)).body,
    ]);
  }

  it("answers 404 to B's roles allowed the route and 403 to the others, for every routing route with an id, and changes nothing", async () => {
    const o = await twoFloors();
    const before = await snapshotOf(o);
    const ana = o.a.agents[0]!.id;
    const routes: { route: string; minimum: Role; send: (as: Client) => Promise<Reply> }[] = [
      { route: "GET teams/:id/routing", minimum: "agent", send: (as) => as.get(`/api/v1/teams/${o.a.teamId}/routing`) },
      {
        route: "PUT teams/:id/routing",
        minimum: "supervisor",
        send: (as) =>
          as.put(`/api/v1/teams/${o.a.teamId}/routing`, {
            strategy: "manual",
            skillMatching: false,
            languageMatching: false,
            reassignOnOffline: false,
          }),
      },
      { route: "GET routing/agents/:id", minimum: "supervisor", send: (as) => as.get(`/api/v1/routing/agents/${ana}`) },
      {
        route: "PATCH routing/agents/:id",
        minimum: "supervisor",
        send: (as) => as.patch(`/api/v1/routing/agents/${ana}`, { skills: [], maxTickets: 0 }),
      },
      {
        route: "PUT routing/agents/:id/presence",
        minimum: "supervisor",
        send: (as) => as.put(`/api/v1/routing/agents/${ana}/presence`, { status: "offline" }),
      },
      {
        route: "PATCH routing/skills/:id",
        minimum: "supervisor",
        send: (as) => as.patch(`/api/v1/routing/skills/${o.skill.id}`, { name: "Owned" }),
      },
      {
        route: "DELETE routing/skills/:id",
        minimum: "supervisor",
        send: (as) => as.delete(`/api/v1/routing/skills/${o.skill.id}`),
      },
      {
        route: "GET tickets/:id/requirements",
        minimum: "agent",
        send: (as) => as.get(`/api/v1/tickets/${o.ticket.id}/requirements`),
      },
      {
        route: "PUT tickets/:id/requirements",
        minimum: "agent",
        send: (as) => as.put(`/api/v1/tickets/${o.ticket.id}/requirements`, { skillIds: [], language: null }),
      },
    ];
    for (const role of ROLES) {
      for (const { route, minimum, send } of routes) {
        const res = await send(o.b.org.as[role]);
        const [status, code] = roleAtLeast(role, minimum) ? [404, "not_found"] : [403, "forbidden"];
        expect([res.status, res.body.code], `${role} ${route}`).toEqual([status, code]);
      }
    }
    expect(await snapshotOf(o)).toEqual(before);
    expect((await o.a.org.as.admin.get(`/api/v1/routing/agents/${ana}`)).body.data).toMatchObject({
      presence: { status: "online" },
      capacity: { tickets: 4, chats: 3 },
      skills: [{ skillId: o.skill.id, name: "Refunds", level: 3 }],
      languages: ["fr"],
    });
  });

  it("refuses A's team, skills and people inside B's requests (404 or 422 naming the field), and writes nothing", async () => {
    const o = await twoFloors();
    const before = await snapshotOf(o);
    const sup = o.b.org.as.supervisor;
    const bea = o.b.agents[0]!.id;
    const skill = await sup.patch(`/api/v1/routing/agents/${bea}`, {
      skills: [{ skillId: o.bSkill.id }, { skillId: o.skill.id, level: 5 }],
      maxTickets: 1,
    });
    expect([skill.status, skill.body.fields]).toEqual([422, { "skills.1.skillId": ["Unknown skill"] }]);
    const required = await sup.put(`/api/v1/tickets/${o.bTicket.id}/requirements`, {
      skillIds: [o.skill.id],
      language: null,
    });
    expect([required.status, required.body.fields]).toEqual([422, { "skillIds.0": ["Unknown skill"] }]);
    for (const path of [`/api/v1/routing/queue?teamId=${o.a.teamId}`, `/api/v1/routing/agents?teamId=${o.a.teamId}`]) {
      const res = await sup.get(path);
      expect([res.status, res.body.code], path).toEqual([404, "not_found"]);
    }
    // Nothing half-written: Bea keeps her capacity and has no skills, B's ticket requires nothing.
    expect((await sup.get(`/api/v1/routing/agents/${bea}`)).body.data).toMatchObject({
      skills: [],
      capacity: { tickets: 10, chats: 3 },
    });
    expect((await sup.get(`/api/v1/tickets/${o.bTicket.id}/requirements`)).body.data.skillIds).toEqual([]);
    expect(await snapshotOf(o)).toEqual(before);
  });

  it("never lists A's skills, people or tickets in B, and never gives B's tickets to A's people", async () => {
    const o = await twoFloors();
    const aIds = [
      o.skill.id,
      o.ticket.id,
      o.a.teamId,
      o.a.agents[0]!.id,
      ...Object.values(o.a.org.users).map((u) => u.id),
    ];
    const sup = o.b.org.as.admin;
    const lists = [
      await sup.get("/api/v1/routing/skills?limit=200"),
      await sup.get("/api/v1/routing/agents?limit=200"),
      await sup.get(`/api/v1/routing/queue?teamId=${o.b.teamId}`),
    ];
    for (const res of lists) {
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body.data);
      for (const id of aIds) expect(text).not.toContain(id);
    }
    expect(lists[0]!.body.data.map((s: { id: string }) => s.id)).toEqual([o.bSkill.id]);
    expect(lists[1]!.body.data).toHaveLength(5);
    expect(lists[2]!.body.data.map((e: { ticket: { id: string }; reason: string }) => [e.ticket.id, e.reason])).toEqual(
      [[o.bTicket.id, "nobody_online"]],
    );
    // A's online agent with room, and both organisations' jobs run: B's ticket still waits for B's people.
    await o.a.runJobs();
    await o.b.runJobs();
    expect(await o.b.assigneeOf(o.bTicket.id)).toBeNull();
    await o.b.presence(o.b.agents[0]!, "online");
    await o.b.runJobs();
    expect(await o.b.assigneeOf(o.bTicket.id)).toBe(o.b.agents[0]!.id);
  });
});
