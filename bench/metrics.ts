/**
 * The dashboard's metrics queries over a million tickets, beside hand-written SQL computing the same
 * figures straight from the tables. Reports p50/p95 of each and the ratio of their medians.
 *
 * Run: npx tsx bench/metrics.ts                       (PGlite in a temporary folder)
 *      DATABASE_URL=postgres://… npx tsx bench/metrics.ts   (a PostgreSQL server; the database is filled)
 * Options (environment): TICKETS=1000000 RUNS=7 EXPLAIN=1 (print the raw queries' plans)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Role } from "@frontline/common";
import { sql } from "drizzle-orm";
import {
  complaintTrend,
  metricsBreakdown,
  metricsSeries,
  metricsSummary,
  metricTickets,
} from "../server/src/modules/metrics";
import { createOrganization } from "../server/src/modules/orgs";
import { createTeam, createUser } from "../server/src/modules/staff";
import { loadConfig } from "../server/src/platform/config";
import { type Ctx, systemCtx } from "../server/src/platform/context";
import { openDatabase, rowsOf } from "../server/src/platform/db";
import { createLogger } from "../server/src/platform/logger";
import { inOrg } from "../server/src/platform/tenancy";
import { rawFigures, rawSummaryQueries } from "./metrics-raw";

const TICKETS = Number(process.env.TICKETS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 7);
const BATCH = 50_000;
const AGENTS = 50;
const TEAMS = 5;
const CUSTOMERS = 20_000;
const DAY = 86_400_000;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-bench-"));
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir, poolSize: 4 });
const config = loadConfig({ DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: "silent", DATA_DIR: dataDir });
const deps = { config, log: createLogger("silent"), database, secrets: null };
const now = Date.now();

function progress(label: string, done: number, total: number) {
  process.stdout.write(`\r${label}: ${done.toLocaleString("en")} / ${total.toLocaleString("en")}   `);
  if (done >= total) process.stdout.write("\n");
}

// ── The workspace ──────────────────────────────────────────────────────────────────────────────
const orgId = await createOrganization(deps, { name: `Bench ${new Date().toISOString()}` });
const sys = systemCtx(deps, orgId);
const staff: string[] = [];
for (let i = 0; i < AGENTS; i++) {
  const role: Role = i === 0 ? "manager" : "agent";
  const user = await createUser(sys, {
    email: `agent${i}-${now}@bench.test`,
    name: `Agent ${i}`,
    role,
    password: "correct horse battery staple",
    locale: "en",
    timeZone: "Europe/Bucharest",
    teamIds: [],
  });
  staff.push(user.id);
}
const teams: string[] = [];
for (let i = 0; i < TEAMS; i++) {
  const team = await createTeam(sys, {
    name: `Team ${i}`,
    description: "",
    memberIds: staff.filter((_, j) => j % TEAMS === i),
  });
  teams.push(team.id);
}
const uuidArray = (ids: string[]) => `{${ids.join(",")}}`;

const started = Date.now();
await inOrg(database, orgId, (s) =>
  s.tx.execute(sql`INSERT INTO customers (org_id, id, name, email, created_at, updated_at)
    SELECT ${orgId}, gen_random_uuid(), 'Customer ' || g, 'c' || g || '@bench.test', now(), now()
    FROM generate_series(1, ${CUSTOMERS}::int) g`),
);

// Tickets arrive in time order over the last year, as in a real desk (so a period's rows lie together);
// those of the last two weeks are partly still open, the older ones solved or closed.
const recent = sql`${new Date(now - 14 * DAY).toISOString()}::timestamptz`;
// Tickets over the last year, with the facts the metrics module records as they happen: replies,
// solves and reopens, SLA outcomes and escalations, in proportions like a busy help desk's.
for (let from = 0; from < TICKETS; from += BATCH) {
  const to = Math.min(TICKETS, from + BATCH);
  await inOrg(database, orgId, async (s) => {
    await s.tx.execute(
      sql`CREATE TEMP TABLE IF NOT EXISTS bench_batch (id uuid, n int, created timestamptz) ON COMMIT DROP`,
    );
    await s.tx.execute(sql`INSERT INTO bench_batch
      SELECT gen_random_uuid(), g,
        to_timestamp(${(now - 365 * DAY) / 1000}::float8 + g::float8 / ${TICKETS}::float8 * ${365 * 86400}::float8 + random() * 600)
      FROM generate_series(${from + 1}::int, ${to}::int) g`);
    await s.tx.execute(sql`WITH c AS (SELECT array_agg(id) AS ids FROM customers WHERE org_id = ${orgId})
      INSERT INTO tickets (org_id, id, number, subject, status, priority, channel, requester_id, assignee_id, team_id,
        tags, language, created_at, updated_at, solved_at, last_message_at)
      SELECT ${orgId}, b.id, b.n, 'Ticket ' || b.n,
        CASE WHEN b.created < ${recent} THEN (CASE WHEN b.n % 10 IN (4, 5) THEN 'closed' ELSE 'solved' END)
          ELSE (ARRAY['solved','solved','solved','solved','closed','closed','open','pending','new','solved'])[1 + b.n % 10] END,
        (ARRAY['low','normal','normal','normal','high','urgent'])[1 + (b.n / 7) % 6],
        (ARRAY['email','email','web','portal','chat','phone','api'])[1 + (b.n / 3) % 7],
        c.ids[1 + b.n % ${CUSTOMERS}],
        (${uuidArray(staff)}::uuid[])[1 + b.n % ${AGENTS}],
        (${uuidArray(teams)}::uuid[])[1 + (b.n % ${AGENTS}) % ${TEAMS}],
        CASE WHEN b.n % 4 = 0 THEN '{}'::text[]
          ELSE ARRAY[(ARRAY['refund','delivery','login','billing','damaged','late','cancel','invoice'])[1 + (b.n / 11) % 8]] END,
        (ARRAY['en','en','ro','de','ru','ar'])[1 + (b.n / 13) % 6],
        b.created, b.created, NULL, b.created
      FROM bench_batch b, c`);
    await s.tx.execute(sql`INSERT INTO metric_replies (org_id, message_id, ticket_id, agent_id, kind, at,
        calendar_seconds, business_seconds)
      SELECT ${orgId}, gen_random_uuid(), b.id, (${uuidArray(staff)}::uuid[])[1 + b.n % ${AGENTS}], k.kind,
        b.created + make_interval(secs => k.wait + k.later), k.wait, (k.wait * 0.6)::int
      FROM bench_batch b
      CROSS JOIN LATERAL (VALUES ('first', (60 + random() * 14400)::int, 0),
                                 ('next', (60 + random() * 28800)::int, 20000)) AS k(kind, wait, later)
      WHERE b.n % 10 <> 8 AND (k.kind = 'first' OR b.n % 2 = 0)`);
    await s.tx.execute(sql`INSERT INTO metric_ticket_events (org_id, id, ticket_id, kind, at, agent_id,
        calendar_seconds, business_seconds, replies)
      SELECT ${orgId}, gen_random_uuid(), b.id, 'solved', b.created + make_interval(secs => w.spent),
        (${uuidArray(staff)}::uuid[])[1 + b.n % ${AGENTS}], w.spent, (w.spent * 0.5)::int, 1 + (b.n + 1) % 2
      FROM bench_batch b CROSS JOIN LATERAL (SELECT (3600 + random() * 172800)::int AS spent) w
      WHERE b.created < ${recent} OR (b.n % 10) IN (0, 1, 2, 3, 4, 5, 9)`);
    await s.tx.execute(sql`INSERT INTO metric_ticket_events (org_id, id, ticket_id, kind, at, agent_id)
      SELECT ${orgId}, gen_random_uuid(), b.id, 'reopened', b.created + interval '3 days', NULL
      FROM bench_batch b WHERE b.n % 20 = 0`);
    await s.tx.execute(sql`INSERT INTO sla_events (org_id, id, ticket_id, target, kind, at)
      SELECT ${orgId}, gen_random_uuid(), b.id, t.target,
        CASE WHEN random() < 0.85 THEN 'met' ELSE 'breached' END, b.created + interval '2 hours'
      FROM bench_batch b CROSS JOIN (VALUES ('firstReply'), ('resolution')) AS t(target)
      WHERE b.n % 3 <> 0`);
    await s.tx.execute(sql`INSERT INTO escalations (org_id, id, ticket_id, type, reason, level, status, created_at,
        taken_at, resolved_at)
      SELECT ${orgId}, gen_random_uuid(), b.id, 'agent', 'angry_customer', 1, 'resolved', b.created + interval '1 hour',
        b.created + interval '90 minutes', b.created + interval '5 hours'
      FROM bench_batch b WHERE b.n % 33 = 0`);
  });
  progress("tickets", to, TICKETS);
}
await inOrg(database, orgId, (s) => s.tx.execute(sql`ANALYZE`)).catch(() => undefined);
await database.db.execute(sql`ANALYZE`).catch(() => undefined);
console.log(`filled in ${((Date.now() - started) / 1000).toFixed(0)} s`);

// ── The measurements ───────────────────────────────────────────────────────────────────────────
const manager: Ctx = systemCtx(deps, orgId, { type: "user", userId: staff[0]!, name: "Agent 0", role: "manager" });
const iso = (ms: number) => new Date(ms).toISOString();
const last30 = { from: iso(now - 30 * DAY), to: iso(now) };
const last365 = { from: iso(now - 365 * DAY), to: iso(now) };
const p30 = sql`${last30.from}::timestamptz`;
const p30to = sql`${last30.to}::timestamptz`;
const raw = (query: ReturnType<typeof sql>) => () =>
  inOrg(database, orgId, async (s) => rowsOf(await s.tx.execute(query)));

// The raw counterparts of the summary (with the previous period and the backlog): metrics-raw.ts.
const rawSummaryOf = (p: { from: string; to: string }) => {
  const queries = rawSummaryQueries(orgId, p);
  return () =>
    inOrg(database, orgId, async (s) => {
      for (const q of queries) await s.tx.execute(q);
    });
};
const rawSummary = rawSummaryOf(last30);
const rawYear = rawSummaryOf(last365);
const many = (queries: ReturnType<typeof sql>[]) => () =>
  inOrg(database, orgId, async (s) => {
    for (const q of queries) await s.tx.execute(q);
  });
const day = (column: string) => sql.raw(`date_trunc('day', ${column} AT TIME ZONE 'Europe/Bucharest')`);
const in30 = (column: string) => sql`${sql.raw(column)} >= ${p30} AND ${sql.raw(column)} < ${p30to}`;
// The trend: created, solved and reopened (each ticket once a day), medians, SLA and CSAT per day.
const rawSeries = many([
  sql`SELECT ${day("created_at")}, count(*) FROM tickets WHERE org_id = ${orgId} AND ${in30("created_at")} GROUP BY 1`,
  sql`SELECT d, count(*) FILTER (WHERE kind = 'solved'), count(*) FILTER (WHERE kind = 'reopened'),
      percentile_cont(0.5) WITHIN GROUP (ORDER BY calendar_seconds) FILTER (WHERE kind = 'solved')
    FROM (SELECT DISTINCT ON (ticket_id, kind, 1) ${day("at")} AS d, kind, calendar_seconds FROM metric_ticket_events
      WHERE org_id = ${orgId} AND ${in30("at")} ORDER BY ticket_id, kind, 1, at DESC) e GROUP BY 1`,
  sql`SELECT ${day("at")}, percentile_cont(0.5) WITHIN GROUP (ORDER BY calendar_seconds) FROM metric_replies
    WHERE org_id = ${orgId} AND kind = 'first' AND ${in30("at")} GROUP BY 1`,
  sql`SELECT ${day("at")}, count(*) FILTER (WHERE kind = 'met'), count(*) FROM sla_events
    WHERE org_id = ${orgId} AND kind IN ('met', 'breached') AND ${in30("at")} GROUP BY 1`,
]);
// Per agent: tickets received, solves with their replies and resolution, replies, SLA.
const rawBreakdown = many([
  sql`SELECT assignee_id, count(*) FROM tickets WHERE org_id = ${orgId} AND ${in30("created_at")} GROUP BY 1`,
  sql`SELECT agent_id, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY calendar_seconds), sum(replies)
    FROM (SELECT DISTINCT ON (ticket_id) agent_id, calendar_seconds, replies FROM metric_ticket_events
      WHERE org_id = ${orgId} AND kind = 'solved' AND ${in30("at")} ORDER BY ticket_id, at DESC) e GROUP BY 1`,
  sql`SELECT agent_id, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY calendar_seconds) FILTER (WHERE kind = 'first')
    FROM metric_replies WHERE org_id = ${orgId} AND ${in30("at")} GROUP BY 1`,
  sql`SELECT t.assignee_id, count(*) FILTER (WHERE x.kind = 'met'), count(*) FROM sla_events x
    JOIN tickets t ON t.org_id = x.org_id AND t.id = x.ticket_id
    WHERE x.org_id = ${orgId} AND x.kind IN ('met', 'breached') AND x.at >= ${p30} AND x.at < ${p30to} GROUP BY 1`,
]);
// Tags: totals against the period before, then the counts per week.
const rawComplaints = many([
  sql`SELECT tag, count(*) FILTER (WHERE ${in30("created_at")}), count(*) FILTER (WHERE created_at < ${p30})
    FROM tickets, unnest(tags) AS tag
    WHERE org_id = ${orgId} AND created_at >= ${p30} - interval '30 days' AND created_at < ${p30to}
    GROUP BY tag ORDER BY 2 DESC LIMIT 15`,
  sql`SELECT tag, date_trunc('week', created_at AT TIME ZONE 'Europe/Bucharest'), count(*)
    FROM tickets, unnest(tags) AS tag WHERE org_id = ${orgId} AND ${in30("created_at")} GROUP BY 1, 2`,
]);
// The latest solves of the period, each ticket once, with their tickets.
const rawDrill = raw(sql`SELECT t.id, t.number, t.subject, s.at FROM (
    SELECT DISTINCT ON (ticket_id) ticket_id, at FROM metric_ticket_events
    WHERE org_id = ${orgId} AND kind = 'solved' AND ${in30("at")} ORDER BY ticket_id, at DESC) s
  JOIN tickets t ON t.org_id = ${orgId} AND t.id = s.ticket_id
  ORDER BY s.at DESC, t.id DESC LIMIT 51`);
// EXPLAIN=1 prints the plans of the raw figures: where the database itself spends the time.
if (process.env.EXPLAIN) {
  await inOrg(database, orgId, async (s) => {
    for (const q of rawFigures(orgId, last30.from, last30.to)) {
      const plan = rowsOf<Record<string, string>>(await s.tx.execute(sql`EXPLAIN ANALYZE ${q}`));
      console.log(plan.map((r) => Object.values(r)[0]).join("\n"), "\n");
    }
  });
}

const CASES: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
  ["summary, last 30 days (with previous period and backlog)", () => metricsSummary(manager, last30), rawSummary],
  ["summary, last 365 days", () => metricsSummary(manager, last365), rawYear],
  [
    "series by day, last 30 days",
    () => metricsSeries(manager, { ...last30, interval: "day", timeZone: "Europe/Bucharest" }),
    rawSeries,
  ],
  ["breakdown by agent, last 30 days", () => metricsBreakdown(manager, { ...last30, by: "agent" }), rawBreakdown],
  ["complaints by tag, last 30 days", () => complaintTrend(manager, { ...last30, interval: "week" }), rawComplaints],
  ["drill-down: solved, first page", () => metricTickets(manager, { ...last30, set: "solved", limit: 50 }), rawDrill],
];

async function timeIt(fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

console.log(`\n${database.kind}, ${TICKETS.toLocaleString("en")} tickets, ${RUNS} runs each (ms)`);
console.log(
  "query".padEnd(58),
  "p50".padStart(8),
  "p95".padStart(8),
  "raw p50".padStart(9),
  "raw p95".padStart(9),
  "ratio".padStart(7),
);
for (const [name, app, direct] of CASES) {
  const a = await timeIt(app);
  const r = await timeIt(direct);
  console.log(
    name.padEnd(58),
    pct(a, 0.5).toFixed(0).padStart(8),
    pct(a, 0.95).toFixed(0).padStart(8),
    pct(r, 0.5).toFixed(0).padStart(9),
    pct(r, 0.95).toFixed(0).padStart(9),
    (pct(a, 0.5) / pct(r, 0.5)).toFixed(2).padStart(7),
  );
}
await database.close();
if (!process.env.DATABASE_URL) fs.rmSync(dataDir, { recursive: true, force: true });
