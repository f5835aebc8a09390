/**
 * The benchmark suite: each workload through a running Frontline (HTTP and SMTP, as clients use it)
 * and as the raw SQL doing the same database work, in the same run, reported as Frontline / raw.
 *
 *   npm run bench                        quick: 100,000 tickets on PGlite
 *   npm run bench -- --db postgres       on PostgreSQL (DATABASE_URL, else a fresh database on 127.0.0.1:5432)
 *   npm run bench -- --tickets 1000000   the full size
 *   --only create,mail,inbox,dashboard,search,wallboard   --skip-load (reuse the last load of that size)
 *   --cpu-prof (profile the server child into bench/results/profiles)
 */
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Caller, httpAgent } from "./http";
import { machine, table, writeResults } from "./report";
import { ROOT, type RunningServer, startServer } from "./server";
import { type DbKind, openRaw, prepareTarget } from "./target";
import type { HttpCtx, Line, Measures, Workload } from "./workloads/context";
import { createWorkload } from "./workloads/create";
import { mailWorkload } from "./workloads/mail";
import { dashboardWorkload, inboxWorkload, searchWorkload } from "./workloads/reads";
import { wallboardWorkload } from "./workloads/wallboard";
import { loadWorkspace } from "./workspace";

const ALL: Workload[] = [
  createWorkload,
  mailWorkload,
  inboxWorkload,
  dashboardWorkload,
  searchWorkload,
  wallboardWorkload,
];
const POOL_SIZE = 10;

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    tickets: { type: "string" },
    db: { type: "string", default: "pglite" },
    only: { type: "string" },
    "skip-load": { type: "boolean", default: false },
    "cpu-prof": { type: "boolean", default: false },
  },
});
const tickets = args.tickets ? Number(args.tickets.replaceAll("_", "")) : 100_000;
if (!Number.isSafeInteger(tickets) || tickets < 1_000)
  throw new Error("--tickets takes a whole number of at least 1000");
const quick = args.quick || tickets <= 100_000;
const db = args.db as DbKind;
if (db !== "pglite" && db !== "postgres") throw new Error("--db is pglite or postgres");
const only = args.only?.split(",").map((s) => s.trim());
const chosen = only ? ALL.filter((w) => only.includes(w.name)) : ALL;
if (chosen.length === 0) throw new Error(`--only takes some of ${ALL.map((w) => w.name).join(", ")}`);

const started = performance.now();
const loadAtStart = os.loadavg().map((l) => Number(l.toFixed(2)));
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const log = (s: string) => process.stdout.write(`[${elapsed()}] ${s}\n`);

log(
  `${db}, ${tickets.toLocaleString("en")} tickets${quick ? " (quick)" : ""}: ${chosen.map((w) => w.name).join(", ")}`,
);
const target = await prepareTarget(db, tickets, args["skip-load"], POOL_SIZE);
const ws = await loadWorkspace(target, tickets, args["skip-load"]);
log(`data ready (${ws.loadedBy}, loaded in ${ws.loadSeconds.toFixed(0)} s)`);

// Statistics as of now, before each half: the write workloads add thousands of rows to the newest
// organisation, whose id lies past the planner's histogram, and a run on a reused load would otherwise
// plan every statement against figures from before (at a million tickets that made creating a ticket
// several times slower, on both sides, until the next autovacuum).
async function analyze(): Promise<void> {
  const conn = await openRaw(target);
  try {
    await conn.query("ANALYZE");
  } finally {
    await conn.close();
  }
}
await analyze();

// Frontline first, then the database alone: PGlite is one process's, and the two must not compete for the cores.
const profiles = path.join(ROOT, "bench/results/profiles");
const server: RunningServer = await startServer(target.env, args["cpu-prof"] ? { cpuProf: profiles } : {});
const agent = httpAgent(64);
const callers = new Map<string, Promise<Caller>>();
const h: HttpCtx = {
  server,
  agent,
  ws,
  quick,
  db,
  as(email) {
    const live = [ws.live.admin, ws.live.manager, ...ws.live.agents].includes(email);
    const password = live ? ws.live.password : ws.data.password;
    if (!callers.has(email)) callers.set(email, Caller.signIn(server.base, agent, email, password));
    return callers.get(email)!;
  },
};
const frontline: Record<string, Measures> = {};
let memory = server.memory();
try {
  for (const w of chosen) {
    log(`Frontline: ${w.name}`);
    frontline[w.name] = await w.http(h);
    memory = server.memory();
  }
} finally {
  await agent.close();
  await server.stop();
}
log(`server stopped (RSS peak ${memory.peakMb.toFixed(0)} MB)`);
await analyze();

const raw = await openRaw(target);
const direct: Record<string, Measures> = {};
try {
  for (const w of chosen) {
    log(`raw: ${w.name}`);
    direct[w.name] = await w.raw({ raw, ws, quick });
  }
} finally {
  await raw.close();
}

// A workload whose figures cannot be read still leaves the others' lines (and every measure in the JSON).
const lines: Line[] = chosen.flatMap((w) => {
  try {
    return w.lines(frontline[w.name]!, direct[w.name]!, db);
  } catch (err) {
    process.stderr.write(`${w.name}: no lines (${err instanceof Error ? err.message : String(err)})\n`);
    return [];
  }
});
lines.push({
  workload: "server memory",
  case: "peak RSS of the server process",
  unit: "MB",
  frontline: memory.peakMb,
  raw: null,
  ratio: null,
  target: db === "pglite" ? "< 600 MB" : "—",
  pass: db === "pglite" ? memory.peakMb < 600 : null,
});
const date = new Date().toISOString().slice(0, 10);
const file = writeResults(`${date}-${db}-${tickets}`, {
  db,
  tickets,
  quick,
  date: new Date().toISOString(),
  machine: { ...machine({ loadedBy: ws.loadedBy }), loadAverageAtStart: loadAtStart },
  loadSeconds: ws.loadSeconds,
  totalSeconds: (performance.now() - started) / 1000,
  lines,
  frontline,
  raw: direct,
});
console.log(`\n${table(lines)}\n`);
log(
  `load average at start ${loadAtStart.join(" ")}, at the end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
log(`written to ${path.relative(ROOT, file)}`);
process.exit(0);
