import type { Locale, UpdateTeamRoutingInput } from "@frontline/common";
import { expect } from "vitest";
import { registerRoutingJobs } from "../src/modules/routing";
import { JobRunner } from "../src/platform/jobs";
import type { Client } from "./client";
import { makeOrg, signedIn, TEST_PASSWORD, type TestOrg, uniqueEmail } from "./factories";
import type { testApp } from "./harness";

// Helpers shared by routing's tests: an organisation with a team of named agents, tickets for the
// team, presence, and routing's jobs run for this organisation only (test files share a database).

type Harness = Awaited<ReturnType<typeof testApp>>;

export interface Agent {
  id: string;
  name: string;
  as: Client;
}

export interface Floor {
  org: TestOrg;
  teamId: string;
  /** In the order of their ids: round robin's order. */
  agents: Agent[];
  /** Opens a ticket for the team (from a new customer) and answers it as the API shows it afterwards. */
  ticket(extra?: Record<string, unknown>): Promise<{ id: string; assigneeId: string | null; status: string }>;
  /** Sets the team's routing; unset fields keep their defaults. */
  route(settings: Partial<UpdateTeamRoutingInput>): Promise<void>;
  presence(agent: Agent, status: "online" | "away" | "offline"): Promise<void>;
  /** Runs routing's due jobs of this organisation; `at` moves the clock. */
  runJobs(at?: Date): Promise<number>;
  assigneeOf(ticketId: string): Promise<string | null>;
}

/**
 * An organisation whose team holds the org's supervisor and one agent per name (each with profile
 * language `locales[i]`, English by default), all offline, the team assigning by hand.
 */
export async function makeFloor(h: Harness, names: string[], locales: Locale[] = []): Promise<Floor> {
  const org = await makeOrg(h);
  const agents: Agent[] = [];
  for (const [i, name] of names.entries()) {
    const res = await org.as.admin.post("/api/v1/users", {
      email: uniqueEmail("agent"),
      name,
      role: "agent",
      password: TEST_PASSWORD,
      locale: locales[i] ?? "en",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    agents.push({ id: res.body.data.id, name, as: await signedIn(h, org.orgId, res.body.data.id) });
  }
  const team = await org.as.admin.post("/api/v1/teams", {
    name: "Support",
    memberIds: [org.users.supervisor.id, ...agents.map((a) => a.id)],
  });
  expect(team.status, JSON.stringify(team.body)).toBe(201);
  const teamId: string = team.body.data.id;
  const runner = new JobRunner(h.deps, { nodeId: `routing-test-${Math.random()}`, orgIds: [org.orgId] });
  registerRoutingJobs(runner);
  return {
    org,
    teamId,
    agents,
    async ticket(extra = {}) {
      const res = await org.as.admin.post("/api/v1/tickets", {
        subject: "Where is my order?",
        requester: { email: uniqueEmail("customer") },
        message: { body: "Hello" },
        teamId,
        ...extra,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.data;
    },
    async route(settings) {
      const res = await org.as.supervisor.put(`/api/v1/teams/${teamId}/routing`, {
        strategy: "round_robin",
        skillMatching: true,
        languageMatching: true,
        reassignOnOffline: false,
        ...settings,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    },
    async presence(agent, status) {
      const res = await agent.as.put("/api/v1/me/presence", { status });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    },
    runJobs: (at) => runner.runDue(at),
    async assigneeOf(ticketId) {
      return (await org.as.admin.get(`/api/v1/tickets/${ticketId}`)).body.data.assigneeId;
    },
  };
}
