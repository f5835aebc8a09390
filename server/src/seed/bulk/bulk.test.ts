import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { Client } from "../../../test/client";
import { testApp } from "../../../test/harness";
import { rowsOf } from "../../platform/db";
import { inOrg } from "../../platform/tenancy";
import { type GeneratedWorkspace, generate } from ".";

// A small generated workspace, made twice from one seed, then used as its people would use it.

const TICKETS = 2_000;
const NOW = new Date("2026-06-10T12:00:00Z");
let h: Awaited<ReturnType<typeof testApp>>;
let first: GeneratedWorkspace;
let second: GeneratedWorkspace;

beforeAll(async () => {
  h = await testApp();
  // Two generations side by side in one database: only their labels (names, addresses) differ.
  const run = Date.now().toString(36);
  const opts = { tickets: TICKETS, seed: 7, orgs: 4, now: NOW };
  first = await generate(h.deps.database, { ...opts, label: `A${run}` });
  second = await generate(h.deps.database, { ...opts, label: `B${run}` });
}, 180_000);

/** A digest of an organisation's rows that leaves out what the label changes (its id, names, addresses). */
async function digest(orgId: string) {
  const queries = {
    tickets: sql`SELECT md5(string_agg(concat_ws('|', id, number, subject, status, priority, channel, requester_id,
      assignee_id, tags, language, created_at, updated_at, solved_at, sla_due_at, escalation_level), ',' ORDER BY number))
      AS d FROM tickets`,
    messages: sql`SELECT md5(string_agg(concat_ws('|', id, ticket_id, kind, author_user_id, body_text, created_at), ','
      ORDER BY id)) AS d FROM messages`,
    customers: sql`SELECT md5(string_agg(concat_ws('|', id, name, email, company_id), ',' ORDER BY id)) AS d FROM customers`,
    facts: sql`SELECT md5(string_agg(concat_ws('|', message_id, kind, at, calendar_seconds), ',' ORDER BY message_id))
      AS d FROM metric_replies`,
    search: sql`SELECT md5(string_agg(tsv::text, ',' ORDER BY ticket_id)) AS d FROM ticket_search`,
  };
  return inOrg(h.deps.database, orgId, async (s) => {
    const out: Record<string, string> = {};
    for (const [name, q] of Object.entries(queries)) out[name] = rowsOf<{ d: string }>(await s.tx.execute(q))[0]!.d;
    return out;
  });
}

async function one<T>(orgId: string, query: ReturnType<typeof sql>): Promise<T[]> {
  return inOrg(h.deps.database, orgId, async (s) => rowsOf<T>(await s.tx.execute(query)));
}

async function signIn(email: string, password: string) {
  const res = await new Client(h.app).post("/api/v1/auth/login", { email, password });
  expect(res.status).toBe(200);
  return new Client(h.app, {
    cookie: res.headers.get("set-cookie")!.split(";")[0]!,
    csrfToken: res.body.data.csrfToken,
  });
}

describe("the generated data", () => {
  it("is the same from the same seed", async () => {
    expect(second.searchTerms).toEqual(first.searchTerms);
    expect(second.orgs.map((o) => o.tickets)).toEqual(first.orgs.map((o) => o.tickets));
    for (let i = 0; i < first.orgs.length; i++) {
      expect(await digest(second.orgs[i]!.id)).toEqual(await digest(first.orgs[i]!.id));
    }
  });

  it("gives the biggest organisation 40 % of the tickets, and the others fewer and fewer", async () => {
    const sizes = first.orgs.map((o) => o.tickets);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(TICKETS);
    expect(sizes[0]).toBe(TICKETS * 0.4);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    const [row] = await one<{ n: number }>(first.biggestOrgId, sql`SELECT count(*)::int AS n FROM tickets`);
    expect(row!.n).toBe(TICKETS * 0.4);
  });

  it("has busier weekdays than weekends, and tickets in all five languages", async () => {
    const days = await one<{ weekend: boolean; n: number }>(
      first.biggestOrgId,
      sql`SELECT extract(isodow FROM created_at) >= 6 AS weekend, count(*)::int AS n FROM tickets GROUP BY 1`,
    );
    const perDay = (weekend: boolean) => days.find((d) => d.weekend === weekend)!.n / (weekend ? 2 : 5);
    expect(perDay(false)).toBeGreaterThan(1.5 * perDay(true));
    const languages = await one<{ language: string }>(
      first.biggestOrgId,
      sql`SELECT DISTINCT language FROM tickets ORDER BY 1`,
    );
    expect(languages.map((l) => l.language)).toEqual(["ar", "de", "en", "ro", "ru"]);
  });

  it("lets an agent sign in and see the inbox, find a common word, and a supervisor see the figures", async () => {
    const org = first.orgs.find((o) => o.id === first.biggestOrgId)!;
    const agent = await signIn(org.agents[0]!, first.password);
    const inbox = await agent.get("/api/v1/tickets?limit=25");
    expect(inbox.status).toBe(200);
    expect(inbox.body.data.length).toBeGreaterThan(0);
    const q = encodeURIComponent(first.searchTerms.en.common);
    const found = await agent.get(`/api/v1/search?q=${q}&type=ticket`);
    expect(found.status).toBe(200);
    expect(found.body.data.length).toBeGreaterThan(0);
    const ticket = await agent.get(`/api/v1/tickets/${found.body.data[0].ticketId}/messages`);
    expect(ticket.body.data.length).toBeGreaterThan(0);
    const manager = await signIn(org.admin, first.password);
    const from = new Date(NOW.getTime() - 30 * 86_400_000).toISOString();
    const summary = await manager.get(`/api/v1/metrics/summary?from=${from}&to=${NOW.toISOString()}`);
    expect(summary.status).toBe(200);
    expect(summary.body.data.ticketsCreated).toBeGreaterThan(0);
    expect(summary.body.data.ticketsSolved).toBeGreaterThan(0);
  });
});
