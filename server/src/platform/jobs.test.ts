import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDeps } from "../../test/harness";
import { createOrganization } from "../modules/orgs";
import type { Deps } from "./context";
import { enqueueJob, enqueueJobOnce, JobRunner, PermanentJobError, retryDelayMs } from "./jobs";
import { jobs } from "./jobs.tables";
import { inOrg } from "./tenancy";

let deps: Deps;
let orgId: string;

beforeAll(async () => {
  deps = await testDeps();
  orgId = await createOrganization(deps, { name: `Jobs ${Math.random()}` });
});

const queue = () => `test.${Math.random().toString(36).slice(2)}`;
const add = (q: string, payload: Record<string, unknown>, maxAttempts = 3) =>
  inOrg(deps.database, orgId, (s) => enqueueJob(s, q, payload, { maxAttempts }));
const jobRow = async (id: string) =>
  (
    await inOrg(deps.database, orgId, (s) =>
      s.tx
        .select()
        .from(jobs)
        .where(and(eq(jobs.orgId, orgId), eq(jobs.id, id))),
    )
  )[0]!;

describe("jobs work", () => {
  it("runs a job once, inside its organisation, and marks it done", async () => {
    const q = queue();
    const seen: [string, unknown][] = [];
    const runner = new JobRunner(deps);
    runner.register(q, async (ctx, payload) => {
      seen.push([ctx.orgId, payload]);
    });
    const id = await add(q, { n: 1 });
    await runner.runDue();
    await runner.runDue();
    expect(seen).toEqual([[orgId, { n: 1 }]]);
    expect(await jobRow(id)).toMatchObject({ status: "done", attempts: 1, lockedUntil: null });
  });

  it("retries a failing job later with backoff, then succeeds", async () => {
    const q = queue();
    let calls = 0;
    const runner = new JobRunner(deps);
    runner.register(q, async () => {
      calls += 1;
      if (calls === 1) throw new Error("relay down");
    });
    const id = await add(q, {});
    await runner.runDue();
    const retried = await jobRow(id);
    expect(retried).toMatchObject({ status: "queued", attempts: 1, lastError: "relay down" });
    expect(retried.runAt.getTime()).toBeGreaterThan(Date.now() + 5_000);
    await runner.runDue();
    expect(calls).toBe(1);
    await runner.runDue(new Date(Date.now() + 60_000));
    expect(await jobRow(id)).toMatchObject({ status: "done", attempts: 2, lastError: null });
  });

  it("gives two runners disjoint jobs: each job runs exactly once", async () => {
    const q = queue();
    const ran: string[] = [];
    const make = () => {
      const r = new JobRunner(deps, { nodeId: `node-${Math.random()}`, batch: 2 });
      r.register(q, async (_ctx, p) => {
        ran.push(String(p.n));
      });
      return r;
    };
    for (let n = 0; n < 12; n++) await add(q, { n });
    await Promise.all([make().runDue(), make().runDue()]);
    expect(ran.sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 12 }, (_, n) => String(n)));
  });

  it("takes over a job whose runner died holding it, once the claim expires", async () => {
    const q = queue();
    const id = await add(q, {});
    await inOrg(deps.database, orgId, (s) =>
      s.tx.execute(sql`UPDATE jobs SET status = 'running', attempts = 1, locked_by = 'dead-node',
        locked_until = now() + interval '2 minutes' WHERE org_id = ${orgId} AND id = ${id}`),
    );
    const runner = new JobRunner(deps);
    let runs = 0;
    runner.register(q, async () => {
      runs += 1;
    });
    await runner.runDue();
    expect(runs).toBe(0);
    await runner.runDue(new Date(Date.now() + 3 * 60_000));
    expect(runs).toBe(1);
    expect(await jobRow(id)).toMatchObject({ status: "done", attempts: 2 });
  });
  it("keeps a long job's claim while its runner lives, so no other node takes it over, and records who ran it", async () => {
    const q = queue();
    const id = await add(q, {});
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const first = new JobRunner(deps, { nodeId: "node-a", lockSeconds: 2, orgIds: [orgId] });
    const second = new JobRunner(deps, { nodeId: "node-b", lockSeconds: 2, orgIds: [orgId] });
    let runs = 0;
    for (const r of [first, second])
      r.register(q, async () => {
        runs += 1;
        started();
        await held;
      });
    const pass = first.runDue();
    await running;
    const claimedUntil = (await jobRow(id)).lockedUntil!.getTime();
    // The claim is renewed while the handler works (a third of the claim's length, in real time).
    for (let tries = 0; (await jobRow(id)).lockedUntil!.getTime() <= claimedUntil; tries++) {
      expect(tries).toBeLessThan(200);
      await new Promise((r) => setTimeout(r, 50));
    }
    // Past the first claim's end, the other node finds nothing to take.
    expect(await second.runDue(new Date(claimedUntil + 500))).toBe(0);
    release();
    await pass;
    expect(runs).toBe(1);
    expect(await jobRow(id)).toMatchObject({ status: "done", attempts: 1, lockedBy: "node-a", lockedUntil: null });
  });
});

describe("recurring work", () => {
  it("hands the handler the runner's clock, so a test moves time instead of waiting", async () => {
    const q = queue();
    const seen: string[] = [];
    const runner = new JobRunner(deps, { orgIds: [orgId] });
    runner.register(q, async (_ctx, _payload, _job, now) => void seen.push(now.toISOString()));
    await add(q, {});
    await runner.runDue(new Date("2030-01-02T03:04:05.000Z"));
    expect(seen).toEqual(["2030-01-02T03:04:05.000Z"]);
  });

  it("queues a job once while one of its queue is waiting, and again once it has run", async () => {
    const q = queue();
    const once = () => inOrg(deps.database, orgId, (s) => enqueueJobOnce(s, q, {}));
    const [first, second] = await Promise.all([once(), once()]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    const runner = new JobRunner(deps, { orgIds: [orgId] });
    runner.register(q, async () => {});
    expect(await runner.runDue()).toBe(1);
    expect(await once()).toEqual(expect.any(String));
  });
});

describe("a runner limited to some organisations", () => {
  it("runs only their jobs and leaves the others queued", async () => {
    const q = queue();
    const otherOrg = await createOrganization(deps, { name: `Jobs other ${Math.random()}` });
    const seen: string[] = [];
    const handler = async (ctx: { orgId: string }) => {
      seen.push(ctx.orgId);
    };
    const mine = await add(q, {});
    const theirs = await inOrg(deps.database, otherOrg, (s) => enqueueJob(s, q, {}));
    const limited = new JobRunner(deps, { orgIds: [orgId] });
    limited.register(q, handler);
    expect(await limited.runDue()).toBe(1);
    expect(seen).toEqual([orgId]);
    expect(await jobRow(mine)).toMatchObject({ status: "done" });
    const [left] = await inOrg(deps.database, otherOrg, (s) =>
      s.tx
        .select()
        .from(jobs)
        .where(and(eq(jobs.orgId, otherOrg), eq(jobs.id, theirs))),
    );
    expect(left).toMatchObject({ status: "queued", attempts: 0 });
  });
});

describe("jobs give up", () => {
  it("at once on a permanent error, and after the last attempt otherwise", async () => {
    const q = queue();
    const runner = new JobRunner(deps);
    runner.register(q, async (_ctx, p) => {
      if (p.permanent) throw new PermanentJobError("record gone");
      throw new Error("still down");
    });
    const permanent = await add(q, { permanent: true });
    const flaky = await add(q, {}, 2);
    await runner.runDue();
    expect(await jobRow(permanent)).toMatchObject({ status: "failed", attempts: 1, lastError: "record gone" });
    await runner.runDue(new Date(Date.now() + 3_600_000));
    expect(await jobRow(flaky)).toMatchObject({ status: "failed", attempts: 2, lastError: "still down" });
  });

  it("backs off exponentially with jitter, capped at an hour", () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(10_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(40_000);
    expect(retryDelayMs(30, () => 0.5)).toBe(3_600_000);
    expect(retryDelayMs(1, () => 0)).toBe(8_000);
    expect(retryDelayMs(1, () => 1)).toBe(12_000);
  });

  it("are invisible to a tenant transaction of another organisation", async () => {
    const q = queue();
    await add(q, { secret: true });
    const other = await createOrganization(deps, { name: `Other ${Math.random()}` });
    const seen = await inOrg(deps.database, other, (s) => s.tx.select().from(jobs).where(eq(jobs.queue, q)));
    expect(seen).toEqual([]);
  });
});
