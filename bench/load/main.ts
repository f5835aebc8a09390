/**
 * Load and fairness: 20 organisations, each at 42 requests/s of a help desk's mix, against a real
 * Frontline server process; then the same with one organisation sending ten times its limit.
 * Reports p50/p95/p99 and errors per scenario, the noisy tenant's 429s, and the others' p95 ratio.
 *
 *   npm run bench:load                        a fresh PostgreSQL database on 127.0.0.1:5432, 60 s per phase
 *   npm run bench:load -- --quick             ~15 s per phase, fewer tickets
 *   npm run bench:load -- --db pglite         the embedded database in a temporary DATA_DIR
 *   DATABASE_URL=postgres://… npm run bench:load   an existing (empty) database
 * Options: --duration S, --orgs N, --rate R (per organisation), --tickets N (in all), --out FILE,
 *          --rounds N (the quiet and noisy conditions alternate N times, default 1),
 *          --limit L (the organisations' limit per minute; the noisy one sends 10 x L / 60 per second)
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { loadConfig } from "../../server/src/platform/config";
import { openDatabase } from "../../server/src/platform/db";
import { createLogger } from "../../server/src/platform/logger";
import { type LoadOrg, random, seedOrgs, sentence } from "./seed";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean" },
    duration: { type: "string" },
    orgs: { type: "string" },
    rate: { type: "string" },
    tickets: { type: "string" },
    limit: { type: "string" },
    rounds: { type: "string" },
    db: { type: "string" },
    out: { type: "string" },
  },
});
const quick = !!args.quick;
const DURATION = Number(args.duration ?? (quick ? 15 : 60));
const ORGS = Number(args.orgs ?? 20);
const RATE = Number(args.rate ?? 42);
const TICKETS = Number(args.tickets ?? (quick ? 10_000 : 60_000));
/** The organisations' limit per minute (RATE_LIMIT_ORG_PER_MINUTE's default, 50/s, above 42/s). */
const ORG_LIMIT = Number(args.limit ?? 3000);
const ROUNDS = Number(args.rounds ?? 1);
const NOISY_RATE = (ORG_LIMIT / 60) * 10;
const OUT = args.out ?? path.join(import.meta.dirname, "last-run.json");
const ROOT = path.resolve(import.meta.dirname, "../..");

/** What an agent's screen asks for, by weight (per 100 requests). */
const SCENARIOS = [
  { name: "inbox", weight: 30 },
  { name: "ticket", weight: 25 },
  { name: "thread", weight: 15 },
  { name: "reply", weight: 10 },
  { name: "search", weight: 10 },
  { name: "dashboard", weight: 10 },
] as const;
type Scenario = (typeof SCENARIOS)[number]["name"];

// ── The database ────────────────────────────────────────────────────────────────────────────────
const usePglite = args.db === "pglite";
let databaseUrl = process.env.DATABASE_URL;
let dataDir: string | undefined;
/** The database this run made, dropped at the end. */
let created: { admin: string; name: string } | undefined;
if (usePglite) {
  databaseUrl = undefined;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-load-"));
} else if (!databaseUrl) {
  const admin = process.env.LOAD_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `frontline_load_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  databaseUrl = admin.replace(/\/[^/]*$/, `/${name}`);
  created = { admin, name };
}
console.log(`database: ${usePglite ? `PGlite in ${dataDir}` : databaseUrl}`);

const seedStarted = Date.now();
const { orgs, searchTerms } = await (async () => {
  const config = loadConfig({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  const database = await openDatabase({ databaseUrl, dataDir: config.dataDir, poolSize: 10 });
  try {
    return await seedOrgs(
      { config, database, log: createLogger("silent"), secrets: null },
      {
        orgs: ORGS,
        tickets: TICKETS,
        onProgress: (phase, done, total) => process.stdout.write(`\r${phase}: ${done} / ${total}   `),
      },
    );
  } finally {
    await database.close();
  }
})();
console.log(
  `\n${ORGS} organisations with ${TICKETS} tickets in all in ${((Date.now() - seedStarted) / 1000).toFixed(0)} s`,
);

// ── The server ──────────────────────────────────────────────────────────────────────────────────
const server = await startServer();
const base = server.url;
console.log(`server: ${base} (pid ${server.child.pid})`);

process.on("exit", () => server.child.kill("SIGKILL"));

interface Samples {
  latencies: number[];
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

/** A scenario drawn by the mix's weights. */
function mixed(rnd: () => number): Scenario {
  let x = rnd() * 100;
  for (const s of SCENARIOS) {
    x -= s.weight;
    if (x < 0) return s.name;
  }
  return "inbox";
}

/** An autocannon run for a group of organisations at a total rate: one scenario, or the mix. */
function drive(group: LoadOrg[], only: Scenario | "mix", rate: number, seconds: number, ipOf: (o: LoadOrg) => string) {
  const rnd = random(only.length * 7919 + group.length);
  let turn = 0;
  const samples: Samples = { latencies: [], statuses: {}, errors: 0, timeouts: 0 };
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (err: unknown) => void = () => {};
  const instance = autocannon(
    {
      url: base,
      // Enough connections to offer the rate even at 200 ms a request (autocannon waits for each answer).
      connections: Math.max(2, Math.ceil(rate / 5)),
      overallRate: Math.max(1, Math.round(rate)),
      duration: seconds,
      timeout: 10,
      requests: [
        {
          setupRequest: (req: autocannon.Request) => {
            const scenario = only === "mix" ? mixed(rnd) : only;
            const org = group[turn++ % group.length]!;
            const ticket = org.ticketIds[Math.floor(rnd() * org.ticketIds.length)]!;
            const headers = {
              authorization: `Bearer ${scenario === "dashboard" ? org.supervisorToken : org.agentToken}`,
              "x-forwarded-for": ipOf(org),
              "content-type": "application/json",
            };
            const paths: Record<Scenario, string> = {
              inbox: "/api/v1/tickets?status=new,open,pending&limit=25",
              ticket: `/api/v1/tickets/${ticket}`,
              thread: `/api/v1/tickets/${ticket}/messages`,
              reply: `/api/v1/tickets/${ticket}/messages`,
              search: `/api/v1/search?q=${encodeURIComponent(searchTerms[Math.floor(rnd() * searchTerms.length)]!)}`,
              dashboard: `/api/v1/metrics/summary?from=${from}`,
            };
            return {
              ...req,
              path: paths[scenario],
              headers,
              method: scenario === "reply" ? "POST" : "GET",
              ...(scenario === "reply"
                ? { body: JSON.stringify({ kind: "reply", body: `Thanks, ${sentence(rnd, 12)}.` }) }
                : {}),
            };
          },
        },
      ],
    },
    (err, result) => (err ? fail(err) : finish(result)),
  );
  instance.on("response", (_client, status, _bytes, ms) => {
    samples.latencies.push(ms);
    samples.statuses[status] = (samples.statuses[status] ?? 0) + 1;
  });
  instance.on("reqError", () => {
    samples.errors += 1;
  });
  return new Promise<Samples>((resolve, reject) => {
    fail = reject;
    finish = (result) => {
      samples.timeouts = result.timeouts;
      samples.errors = Math.max(samples.errors, result.errors);
      resolve(samples);
    };
  });
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;

interface Row {
  scenario: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function summarise(scenario: string, s: Samples[], seconds: number): Row {
  const lat = s.flatMap((x) => x.latencies).sort((a, b) => a - b);
  const statuses = s.reduce<Record<string, number>>((acc, x) => {
    for (const [k, v] of Object.entries(x.statuses)) acc[k] = (acc[k] ?? 0) + v;
    return acc;
  }, {});
  const non2xx = Object.entries(statuses)
    .filter(([k]) => !k.startsWith("2"))
    .reduce((n, [, v]) => n + v, 0);
  return {
    scenario,
    requests: lat.length,
    perSecond: round(lat.length / seconds),
    p50: round(pct(lat, 50)),
    p95: round(pct(lat, 95)),
    p99: round(pct(lat, 99)),
    non2xx,
    errors: s.reduce((n, x) => n + x.errors + x.timeouts, 0),
  };
}
const round = (n: number) => Math.round(n * 10) / 10;

type Probe = { status: number; retryAfter: string | null; type: string | null; code: string } | null;
type Done = { group: string; s: (typeof SCENARIOS)[number] | null; r: Samples }[];

/** One slice of time: the quiet organisations at RATE each, and the last organisation at `lastRate`. */
async function slice(lastRate: number, seconds: number): Promise<{ done: Done; probe: Probe }> {
  const quiet = orgs.slice(0, -1);
  const last = orgs.at(-1)!;
  const ip = (o: LoadOrg) => `10.1.0.${orgs.indexOf(o) + 1}`;
  const runs = [
    ...SCENARIOS.map((s) =>
      drive(quiet, s.name, (RATE * quiet.length * s.weight) / 100, seconds, ip).then((r) => ({ group: "quiet", s, r })),
    ),
    drive([last], "mix", lastRate, seconds, ip).then((r) => ({ group: "last", s: null, r })),
  ];
  let probe: Promise<Probe> = Promise.resolve(null);
  if (lastRate > RATE) {
    // Once its burst is spent, ask as the noisy organisation what a refused request looks like.
    probe = (async () => {
      const until = Date.now() + seconds * 1000;
      while (Date.now() < until) {
        await new Promise((r) => setTimeout(r, 250));
        const res = await fetch(`${base}/api/v1/tickets?limit=1`, {
          headers: { authorization: `Bearer ${last.agentToken}`, "x-forwarded-for": ip(last) },
        });
        const body = (await res.json()) as { code?: string };
        if (res.status === 429) {
          return {
            status: res.status,
            retryAfter: res.headers.get("retry-after"),
            type: res.headers.get("content-type"),
            code: String(body.code),
          };
        }
      }
      return null;
    })();
  }
  return { done: await Promise.all(runs), probe: await probe };
}

/** The figures of one condition over its slices. */
function condition(label: string, lastRate: number, seconds: number, slices: { done: Done; probe: Probe }[]) {
  const done = slices.flatMap((x) => x.done);
  const quietRows = SCENARIOS.map((s) =>
    summarise(
      s.name,
      done.filter((d) => d.group === "quiet" && d.s?.name === s.name).map((d) => d.r),
      seconds,
    ),
  );
  const all = summarise(
    "all (quiet organisations)",
    done.filter((d) => d.group === "quiet").map((d) => d.r),
    seconds,
  );
  const lastSamples = done.filter((d) => d.group === "last").map((d) => d.r);
  const lastStatuses = lastSamples.reduce<Record<string, number>>((acc, x) => {
    for (const [k, v] of Object.entries(x.statuses)) acc[k] = (acc[k] ?? 0) + v;
    return acc;
  }, {});
  const result = {
    label,
    seconds,
    quiet: [...quietRows, all],
    last: { rate: lastRate, ...summarise("last organisation", lastSamples, seconds), statuses: lastStatuses },
    probe: slices.map((x) => x.probe).find(Boolean) ?? null,
  };
  printPhase(result);
  return result;
}

function printPhase(r: ReturnType<typeof condition>) {
  console.log(`\n${r.label} (${r.seconds} s)`);
  console.log("scenario                    requests      /s   p50 ms   p95 ms   p99 ms   non-2xx   errors");
  for (const row of r.quiet) {
    console.log(
      `${row.scenario.padEnd(26)}${String(row.requests).padStart(10)}${String(row.perSecond).padStart(8)}${String(row.p50).padStart(9)}${String(row.p95).padStart(9)}${String(row.p99).padStart(9)}${String(row.non2xx).padStart(10)}${String(row.errors).padStart(9)}`,
    );
  }
  const l = r.last;
  console.log(
    `last organisation offered ${l.rate}/s: ${l.requests} answered (${l.perSecond}/s), statuses ${JSON.stringify(l.statuses)}, p50 ${l.p50} ms, p95 ${l.p95} ms, errors ${l.errors}`,
  );
  if (r.probe) console.log(`a refused request: ${JSON.stringify(r.probe)}`);
}

// One request at a time first: what each scenario costs with no load at all.
{
  const o = orgs[0]!;
  const h = { authorization: `Bearer ${o.agentToken}`, "x-forwarded-for": "10.9.9.9" };
  const one = async (label: string, url: string, init: RequestInit = {}) => {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const res = await fetch(`${base}${url}`, { headers: h, ...init });
      await res.arrayBuffer();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`alone: ${label.padEnd(10)} p50 ${round(pct(times, 50))} ms`);
  };
  await one("inbox", "/api/v1/tickets?status=new,open,pending&limit=25");
  await one("ticket", `/api/v1/tickets/${o.ticketIds[0]}`);
  await one("search", "/api/v1/search?q=refund");
  await one("me", "/api/v1/me");
}

// A few seconds to warm the server up (JIT, caches, pool), not counted.
condition("warm-up", RATE, 3, [await slice(RATE, 3)]);
// The two conditions alternate in ROUNDS slices each, so a change in the machine's other load falls on both.
const fairSlices = [];
const noisySlices = [];
for (let r = 0; r < ROUNDS; r++) {
  fairSlices.push(await slice(RATE, DURATION / ROUNDS));
  noisySlices.push(await slice(NOISY_RATE, DURATION / ROUNDS));
  // Let the noisy organisation's bucket drain before the next quiet slice.
  await new Promise((res) => setTimeout(res, 2000));
}
const fair = condition(`${ORGS} organisations at ${RATE} requests/s each`, RATE, DURATION, fairSlices);
const noisy = condition(
  `${ORGS - 1} organisations at ${RATE}/s, one at ${NOISY_RATE}/s (10x its limit of ${ORG_LIMIT}/min)`,
  NOISY_RATE,
  DURATION,
  noisySlices,
);

const p95Of = (r: typeof fair) => r.quiet.at(-1)!.p95;
const ratio = Math.round((p95Of(noisy) / p95Of(fair)) * 100) / 100;
const perScenario = Object.fromEntries(
  fair.quiet.map((row, i) => [row.scenario, Math.round((noisy.quiet[i]!.p95 / row.p95) * 100) / 100]),
);
const errors =
  [...fair.quiet, ...noisy.quiet].reduce((n, r) => n + r.errors + r.non2xx, 0) + fair.last.errors + fair.last.non2xx;
console.log(
  `\nothers' p95: ${p95Of(fair)} ms alone, ${p95Of(noisy)} ms beside the noisy one: x${ratio} (target < 1.2)`,
);
console.log(`per scenario: ${JSON.stringify(perScenario)}`);
console.log(`errors and non-2xx of the quiet organisations: ${errors} (target 0)`);
console.log(
  `load average: ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")} on ${os.cpus().length} cores`,
);

const report = {
  at: new Date().toISOString(),
  database: usePglite ? "pglite" : "postgres",
  machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, loadavg: os.loadavg() },
  orgs: ORGS,
  ratePerOrg: RATE,
  tickets: TICKETS,
  orgLimitPerMinute: ORG_LIMIT,
  scenarios: SCENARIOS,
  fair,
  noisy,
  othersP95Ratio: ratio,
  othersP95RatioPerScenario: perScenario,
  quietErrors: errors,
};
fs.writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
const markdown = `${OUT.replace(/\.json$/, "")}.md`;
fs.writeFileSync(markdown, tableOf(report));
console.log(`written: ${path.relative(process.cwd(), OUT)}, ${path.relative(process.cwd(), markdown)}`);

/** The run as a Markdown table, for docs/load.md. */
function tableOf(r: typeof report): string {
  const cells = (row: Row) => [row.perSecond, row.p50, row.p95, row.p99, row.non2xx, row.errors].join(" | ");
  const l = r.noisy.last;
  return [
    `${r.at.slice(0, 16).replace("T", " ")} UTC, ${r.database}, ${r.orgs} organisations, ${r.tickets.toLocaleString("en")} tickets, ` +
      `${r.ratePerOrg} req/s each, limit ${r.orgLimitPerMinute}/min, ${r.fair.seconds} s per condition; ` +
      `${r.machine.cores} cores (${r.machine.cpu}), load average ${r.machine.loadavg.map((x) => x.toFixed(2)).join(" ")}.`,
    "",
    "| scenario | alone: req/s | p50 ms | p95 ms | p99 ms | non-2xx | errors | beside the noisy one: req/s | p50 ms | p95 ms | p99 ms | non-2xx | errors | p95 ratio |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...r.fair.quiet.map(
      (row, i) =>
        `| ${row.scenario} | ${cells(row)} | ${cells(r.noisy.quiet[i]!)} | ${round((r.noisy.quiet[i]!.p95 / row.p95) * 10) / 10} |`,
    ),
    "",
    `The noisy organisation offered ${l.rate}/s: ${l.perSecond}/s answered, ${JSON.stringify(l.statuses)}; a refused answer: ` +
      `\`${JSON.stringify(r.noisy.probe)}\`. Quiet organisations' errors and non-2xx: ${r.quietErrors}; ` +
      `their p95 beside the noisy one: **×${r.othersP95Ratio}**.`,
    "",
  ].join("\n");
}

await server.stop();
if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
if (created) {
  const client = new pg.Client({ connectionString: created.admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${created.name}`);
  await client.end();
}
process.exit(0);

async function startServer(): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const env = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    TRUST_PROXY: "true",
    SMTP_PORT: "off",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    DATABASE_URL: databaseUrl ?? "",
    DATA_DIR: dataDir ?? "",
    DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? "10",
    RATE_LIMIT_ORG_PER_MINUTE: String(ORG_LIMIT),
  };
  // Node itself (not the tsx wrapper), so the pid is the server's and a kill reaches it.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server/src/main.ts")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!.replace("localhost", "127.0.0.1"));
    });
    child.on("exit", (code) => reject(new Error(`the server exited (${code}) before listening:\n${out}`)));
  });
  child.stdout!.resume();
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.on("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
