/**
 * What the shared rate limiter costs: a request's check in memory, a node's periodic sync, and, for
 * comparison, the design it replaced in the decision (one database write per request).
 *
 *   npx tsx bench/load/limiter-cost.ts                  PGlite in a temporary folder
 *   DATABASE_URL=postgres://… npx tsx bench/load/limiter-cost.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createApp } from "../../server/src/app";
import { createApiToken } from "../../server/src/modules/auth/tokens.service";
import { createOrganization, setOrganizationRateLimit } from "../../server/src/modules/orgs";
import { createUser } from "../../server/src/modules/staff";
import { loadConfig } from "../../server/src/platform/config";
import { systemCtx } from "../../server/src/platform/context";
import { openDatabase } from "../../server/src/platform/db";
import { createLogger } from "../../server/src/platform/logger";
import { RateLimiter } from "../../server/src/platform/rate-limit";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-limiter-"));
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir, poolSize: 10 });
const rule = { perMinute: 3000, burst: 500 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: Record<string, string> = {};

// 1. The check every request pays: in memory, no await.
for (const keys of [1, 10_000]) {
  const limiter = new RateLimiter(database, { syncEveryMs: 0, namespace: `cost-${keys}:` });
  const names = Array.from({ length: keys }, (_, i) => `org:${i}`);
  const n = 2_000_000;
  for (let i = 0; i < 100_000; i++) limiter.take(names[i % keys]!, rule);
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) limiter.take(names[i % keys]!, rule);
  results[`take() over ${keys} key(s)`] = `${(Number(process.hrtime.bigint() - t) / n).toFixed(0)} ns`;
}

// 2. A node's sync: one statement for every key it let requests in for since the last one.
for (const keys of [20, 1000]) {
  const limiter = new RateLimiter(database, { syncEveryMs: 0, namespace: `sync-${keys}:` });
  const times: number[] = [];
  for (let round = 0; round < 40; round++) {
    for (let k = 0; k < keys; k++) limiter.take(`org:${k}`, rule);
    const t = performance.now();
    await limiter.sync();
    times.push(performance.now() - t);
  }
  results[`sync() of ${keys} keys`] = `${median(times).toFixed(2)} ms`;
}

// 3. The alternative: a write per request (what a database-only limiter does), alone and 10 at once on one key.
const upsert = (key: string) =>
  database.db.execute(sql`
    INSERT INTO platform.rate_windows AS w (key, hits, ends_at) VALUES (${key}, 1, ${Date.now() + 60_000})
    ON CONFLICT (key) DO UPDATE SET hits = w.hits + 1 RETURNING hits`);
{
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t = performance.now();
    await upsert("cost:write-through");
    times.push(performance.now() - t);
  }
  results["one upsert per request, alone"] = `${median(times).toFixed(3)} ms`;
  const n = 2000;
  const t = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next++ < n) await upsert("cost:write-through");
    }),
  );
  results["one upsert per request, 10 concurrent on one key"] =
    `${(n / ((performance.now() - t) / 1000)).toFixed(0)} requests/s`;
}

// 4. A refused request through the whole application (in process, no socket), beside an admitted one.
{
  const config = loadConfig({ LOG_LEVEL: "silent", DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: dataDir });
  const deps = { config, database, log: createLogger("silent"), secrets: null };
  const orgId = await createOrganization(deps, { name: `Limiter cost ${Date.now()}` });
  const user = await createUser(systemCtx(deps, orgId), {
    email: `cost-${Date.now()}@example.test`,
    name: "Cost",
    role: "agent",
    password: "correct horse battery staple",
    locale: "en",
    timeZone: "UTC",
    teamIds: [],
  });
  const ctx = systemCtx(deps, orgId, { type: "user", userId: user.id, name: "Cost", role: "agent" });
  const { token } = await createApiToken(ctx, { name: "cost" });
  const limiter = new RateLimiter(database, { syncEveryMs: 0, namespace: `app-${Date.now()}:` });
  const app = createApp(deps, { limiter, webDist: dataDir });
  const headers = { authorization: `Bearer ${token}` };
  const time = async (n: number) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) await (await app.request("/api/v1/me", { headers })).arrayBuffer();
    return ((performance.now() - t) / n) * 1000;
  };
  await time(200);
  results["admitted GET /api/v1/me (token lookup + handler)"] = `${(await time(500)).toFixed(0)} µs`;
  await setOrganizationRateLimit(deps, orgId, 1);
  const fresh = createApp(deps, {
    limiter: new RateLimiter(database, { syncEveryMs: 0, namespace: `app2-${Date.now()}:` }),
    webDist: dataDir,
  });
  await fresh.request("/api/v1/me", { headers });
  const refused = async (n: number) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) await (await fresh.request("/api/v1/me", { headers })).arrayBuffer();
    return ((performance.now() - t) / n) * 1000;
  };
  await refused(1000);
  results["refused GET /api/v1/me (429, no database work)"] = `${(await refused(5000)).toFixed(0)} µs`;
}

await database.db.execute(sql`DELETE FROM platform.rate_buckets WHERE key LIKE 'cost-%' OR key LIKE 'sync-%'`);
await database.db.execute(sql`DELETE FROM platform.rate_windows WHERE key LIKE 'cost:%'`);
console.log(
  `database: ${database.kind}; load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
for (const [k, v] of Object.entries(results)) console.log(`${k.padEnd(50)} ${v}`);
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
