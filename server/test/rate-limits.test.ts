import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { runCli } from "../src/cli/main";
import { rowsOf } from "../src/platform/db";
import type { RateLimiter } from "../src/platform/rate-limit";
import { Client, type Reply } from "./client";
import { makeOrg, TEST_PASSWORD, type TestOrg } from "./factories";
import { testApp, testDeps, testLimiter } from "./harness";

let h: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  h = await testApp();
});

/** A hand-moved clock shared by the nodes of a test. */
function clock() {
  let t = Date.UTC(2026, 0, 5, 9, 0, 0);
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/**
 * Two nodes: two applications, each with its own limiter, on the one database; they share a namespace
 * (as every node of a deployment does) and sync only when told to.
 */
async function twoNodes(env: Record<string, string>, time = clock()) {
  const deps = await testDeps(env);
  const namespace = `${crypto.randomUUID()}:`;
  const limiters = [0, 1].map(() => testLimiter(deps.database, { namespace, now: time.now, syncEveryMs: 0 }));
  const web = { webDist: path.join(os.tmpdir(), "frontline-no-web") };
  const apps = limiters.map((limiter) => createApp(deps, { ...web, limiter }));
  const syncAll = () => Promise.all(limiters.map((l: RateLimiter) => l.sync()));
  return { apps, limiters, syncAll, time, deps, namespace };
}

/** The same caller on another node. */
const on = (app: ReturnType<typeof createApp>, org: TestOrg) => new Client(app, org.as.agent.creds);

function expectRefused(res: Reply) {
  expect(res.status).toBe(429);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.body).toMatchObject({ code: "rate_limited", status: 429 });
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(res.headers.get("ratelimit-remaining")).toBe("0");
}

describe("the per-organisation limit, shared by the nodes on one database", () => {
  // 60 a minute with ten seconds' burst: ten requests at once, then one a second.
  const env = { RATE_LIMIT_ORG_PER_MINUTE: "60", RATE_LIMIT_BURST_SECONDS: "10" };

  it("holds summed across both nodes, says when to retry, and leaves another organisation alone", async () => {
    const n = await twoNodes(env);
    const [org, other] = [await makeOrg(h), await makeOrg(h)];
    const statuses: number[] = [];
    // Alternate the nodes and sync after every pair: each node sees the other's counts one interval late.
    for (let i = 0; i < 8; i++) {
      for (const app of n.apps) statuses.push((await on(app, org).get("/api/v1/me")).status);
      await n.syncAll();
    }
    const allowed = statuses.filter((s) => s === 200).length;
    // The burst is 10; two nodes syncing after every request each may let in one more (the documented bound).
    expect(allowed).toBeGreaterThanOrEqual(10);
    expect(allowed).toBeLessThanOrEqual(10 + 2);
    expect(statuses.slice(-4)).toEqual([429, 429, 429, 429]);
    const refused = await on(n.apps[1]!, org).get("/api/v1/me");
    expectRefused(refused);
    expect(refused.headers.get("ratelimit-limit")).toBe("60");

    for (const app of n.apps) {
      const res = await on(app, other).get("/api/v1/me");
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit-limit")).toBe("60");
      expect(Number(res.headers.get("ratelimit-remaining"))).toBeGreaterThan(0);
    }

    // After Retry-After seconds the bucket has room again, on either node.
    n.time.advance(Number(refused.headers.get("retry-after")) * 1000);
    expect((await on(n.apps[0]!, org).get("/api/v1/me")).status).toBe(200);
    // A whole burst back after ten seconds.
    n.time.advance(10_000);
    await n.syncAll();
    const again: number[] = [];
    for (let i = 0; i < 10; i++) again.push((await on(n.apps[i % 2]!, org).get("/api/v1/me")).status);
    expect(again.every((s) => s === 200)).toBe(true);
  });

  it("lets a node that has not seen an organisation in one interval over, and no more", async () => {
    const n = await twoNodes(env);
    const org = await makeOrg(h);
    for (let i = 0; i < 10; i++) expect((await on(n.apps[0]!, org).get("/api/v1/me")).status).toBe(200);
    await n.syncAll();
    // Node 2 counts locally until its next sync: that first request is the bound's one interval.
    expect((await on(n.apps[1]!, org).get("/api/v1/me")).status).toBe(200);
    await n.syncAll();
    expectRefused(await on(n.apps[1]!, org).get("/api/v1/me"));
    expectRefused(await on(n.apps[0]!, org).get("/api/v1/me"));
    const [row] = rowsOf<{ level: number }>(
      await n.deps.database.db.execute(
        sql`SELECT level FROM platform.rate_buckets WHERE key = ${`${n.namespace}org:${org.orgId}`}`,
      ),
    );
    expect(row?.level).toBe(11);
  });

  it("refuses a known credential of a full organisation before authentication", async () => {
    const n = await twoNodes(env);
    const org = await makeOrg(h);
    const client = on(n.apps[0]!, org);
    for (let i = 0; i < 10; i++) await client.get("/api/v1/me");
    expect((await client.post("/api/v1/auth/logout")).status).toBe(429);
    // Had the session been looked up, the answer would be 401 once it ended; it is still refused at the door.
    await h.app.request("/api/v1/auth/logout", {
      method: "POST",
      headers: { cookie: org.as.agent.creds.cookie!, "x-csrf-token": org.as.agent.creds.csrfToken! },
    });
    expectRefused(await client.get("/api/v1/me"));
    n.time.advance(60_000);
    expect((await client.get("/api/v1/me")).status).toBe(401);
  });

  it("takes an organisation's own limit, set with the command-line tool", async () => {
    const org = await makeOrg(h);
    const cli = async (...argv: string[]) => {
      const out = new PassThrough();
      let text = "";
      out.on("data", (c) => (text += c));
      const code = await runCli(argv, { out, err: new PassThrough(), deps: h.deps });
      return { code, text };
    };
    const set = await cli("set-rate-limit", "--org", org.orgId, "--per-minute", "6");
    expect(set).toEqual({
      code: 0,
      text: `Organisation ${org.orgId} may now send 6 requests per minute (nodes apply it within a minute).\n`,
    });
    expect((await cli("set-rate-limit", "--org", org.orgId, "--per-minute", "0")).code).toBe(1);
    const n = await twoNodes(env);
    // 6 a minute with ten seconds' burst: one request at once.
    expect((await on(n.apps[0]!, org).get("/api/v1/me")).headers.get("ratelimit-limit")).toBe("6");
    const refused = await on(n.apps[0]!, org).get("/api/v1/me");
    expectRefused(refused);
    expect(refused.headers.get("retry-after")).toBe("10");

    expect((await cli("set-rate-limit", "--org", org.orgId, "--per-minute", "default")).code).toBe(0);
    const fresh = await twoNodes(env);
    expect((await on(fresh.apps[0]!, org).get("/api/v1/me")).headers.get("ratelimit-limit")).toBe("60");
  });

  it("removes drained buckets from the shared table", async () => {
    const n = await twoNodes(env);
    const org = await makeOrg(h);
    await on(n.apps[0]!, org).get("/api/v1/me");
    await n.syncAll();
    const count = async () =>
      rowsOf<{ n: number }>(
        await n.deps.database.db.execute(
          sql`SELECT count(*)::int AS n FROM platform.rate_buckets WHERE key LIKE ${`${n.namespace}%`}`,
        ),
      )[0]!.n;
    expect(await count()).toBe(1);
    n.time.advance(120_000);
    await n.syncAll();
    expect(await count()).toBe(0);
  });
});

describe("the per-address limit", () => {
  const env = { TRUST_PROXY: "true", RATE_LIMIT_IP_PER_MINUTE: "60", RATE_LIMIT_BURST_SECONDS: "5" };

  it("counts every request of an address across nodes, signed in or not, but not health checks", async () => {
    const n = await twoNodes(env);
    const from = (ip: string) => ({ "x-forwarded-for": ip });
    for (let i = 0; i < 3; i++) {
      expect((await n.apps[0]!.request("/healthz", { headers: from("203.0.113.7") })).status).toBe(200);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await new Client(n.apps[0]!).get("/api/v1/me", from("203.0.113.7"))).status);
    await n.syncAll();
    for (let i = 0; i < 3; i++) {
      statuses.push((await new Client(n.apps[1]!).get("/api/v1/me", from("203.0.113.7"))).status);
      await n.syncAll();
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expectRefused(await new Client(n.apps[1]!).get("/api/v1/portal/nowhere", from("203.0.113.7")));
    expect((await new Client(n.apps[1]!).get("/api/v1/me", from("203.0.113.8"))).status).toBe(401);
  });
});

describe("attempt limits (sign-in) on the shared store", () => {
  it("are exact across nodes: every attempt is counted in the database", async () => {
    const n = await twoNodes({ LOGIN_MAX_ATTEMPTS: "3" });
    const org = await makeOrg(h);
    const email = org.users.manager.email;
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await new Client(n.apps[i % 2]!).post("/api/v1/auth/login", { email, password: "wrong-wrong" });
      codes.push(res.status);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    const refused = await new Client(n.apps[0]!).post("/api/v1/auth/login", { email, password: TEST_PASSWORD });
    expect([refused.status, refused.body.code]).toEqual([429, "rate_limited"]);
    expect(Number(refused.headers.get("retry-after"))).toBe(900);
    // The window ends 15 minutes after the first attempt; then a right password works, and resets the count.
    n.time.advance(900_000);
    const ok = await new Client(n.apps[1]!).post("/api/v1/auth/login", { email, password: TEST_PASSWORD });
    expect(ok.status).toBe(200);
    const [row] = rowsOf(
      await n.deps.database.db.execute(
        sql`SELECT hits FROM platform.rate_windows WHERE key = ${`${n.namespace}login:email:${email}`}`,
      ),
    );
    expect(row).toBeUndefined();
  });
});
