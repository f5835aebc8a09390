import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../src/modules/audit";
import { tickets } from "../src/modules/tickets/tickets.tables";
import { builtOnce, builtOnceByShape, deferredOnce, placeholders } from "../src/platform/built-once";
import type { Database, Tx } from "../src/platform/db";
import { jobs } from "../src/platform/jobs.tables";
import { inOrg } from "../src/platform/tenancy";
import { makeOrg, type TestOrg, uniqueEmail } from "./factories";
import { testApp } from "./harness";
import { countedDatabase } from "./round-trips";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;
const made: { id: string; subject: string }[] = [];

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
  for (const subject of ["First parcel", "Second parcel"]) {
    const res = await org.as.agent.post("/api/v1/tickets", {
      subject,
      requester: { email: uniqueEmail("c") },
      message: { body: "Where is it?" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    made.push({ id: res.body.data.id, subject });
  }
});

/** A statement that counts how often it is assembled. */
function counting() {
  let builds = 0;
  const run = builtOnce((tx: Tx) => {
    builds += 1;
    return tx
      .select({ id: tickets.id, subject: tickets.subject })
      .from(tickets)
      .where(and(eq(tickets.orgId, sql.placeholder("org")), eq(tickets.id, sql.placeholder("id"))));
  });
  return { run, builds: () => builds };
}

const find = (database: Database, run: ReturnType<typeof counting>["run"], id: string) =>
  inOrg(database, org.orgId, (s) => run(s.tx, { org: s.orgId, id }));

describe("a statement built once", () => {
  it("answers each run with its own values, in later transactions too", async () => {
    const { run } = counting();
    for (const t of [...made, ...made]) expect(await find(h.deps.database, run, t.id)).toEqual([t]);
    expect(await find(h.deps.database, run, crypto.randomUUID())).toEqual([]);
  });

  it("keeps one statement per shape, each answering as its shape says", async () => {
    const byShape = builtOnceByShape<{ subject: string }[]>();
    const pick = (subject: string | undefined) =>
      inOrg(h.deps.database, org.orgId, (s) =>
        byShape(
          s.tx,
          subject ? "subject" : "all",
          (tx) =>
            tx
              .select({ subject: tickets.subject })
              .from(tickets)
              .where(
                and(
                  eq(tickets.orgId, sql.placeholder("org")),
                  subject ? eq(tickets.subject, sql.placeholder("subject")) : undefined,
                ),
              )
              .orderBy(tickets.subject),
          { org: s.orgId, subject },
        ),
      );
    expect(await pick("Second parcel")).toEqual([{ subject: "Second parcel" }]);
    expect(await pick(undefined)).toEqual([{ subject: "First parcel" }, { subject: "Second parcel" }]);
    expect(await pick("First parcel")).toEqual([{ subject: "First parcel" }]);
  });
});

/** An audit entry written by a statement assembled once, counting its assemblies. */
function countingWrite() {
  let builds = 0;
  const write = deferredOnce<{ orgId: string; id: string; action: string; changes: object; createdAt: Date }>((tx) => {
    builds += 1;
    return tx.insert(auditEvents).values({
      ...placeholders("orgId", "id", "action", "changes", "createdAt"),
      actorType: "system",
      entityType: "test",
    });
  });
  return { write, builds: () => builds };
}

const auditOf = (database: Database, id: string) =>
  inOrg(database, org.orgId, (s) =>
    s.tx
      .select({ action: auditEvents.action, changes: auditEvents.changes, createdAt: auditEvents.createdAt })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, s.orgId), eq(auditEvents.id, id))),
  );

describe("a write assembled once", () => {
  it("writes each run's own values, converted as their columns say, and is assembled once", async () => {
    const { write, builds } = countingWrite();
    const runs = [0, 1, 2].map((i) => ({
      id: crypto.randomUUID(),
      action: `test.run-${i}`,
      changes: { subject: [null, `Parcel ${i} — “quoted”, it's here`] },
      createdAt: new Date(Date.UTC(2026, 0, 1 + i, 12, 30)),
    }));
    for (const r of runs) await inOrg(h.deps.database, org.orgId, (s) => write(s.tx, { orgId: s.orgId, ...r }));
    for (const r of runs) {
      expect(await auditOf(h.deps.database, r.id)).toEqual([
        { action: r.action, changes: r.changes, createdAt: r.createdAt },
      ]);
    }
    expect(builds()).toBe(1);
  });

  it("writes null as null, whatever the column's own conversion would make of it", async () => {
    const write = deferredOnce<{ orgId: string; id: string; finishedAt: Date | null; lastError: string | null }>((tx) =>
      tx
        .insert(jobs)
        .values({ ...placeholders("orgId", "id", "finishedAt", "lastError"), queue: "test.never-run", payload: {} }),
    );
    const done = new Date(Date.UTC(2026, 5, 1));
    const ids: string[] = [crypto.randomUUID(), crypto.randomUUID()];
    await inOrg(h.deps.database, org.orgId, async (s) => {
      await write(s.tx, { orgId: s.orgId, id: ids[0]!, finishedAt: null, lastError: null });
      await write(s.tx, { orgId: s.orgId, id: ids[1]!, finishedAt: done, lastError: "late" });
    });
    const rows = await inOrg(h.deps.database, org.orgId, (s) =>
      s.tx
        .select({ id: jobs.id, finishedAt: jobs.finishedAt, lastError: jobs.lastError })
        .from(jobs)
        .where(and(eq(jobs.orgId, s.orgId), eq(jobs.queue, "test.never-run"))),
    );
    expect(rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))).toEqual([
      { id: ids[0], finishedAt: null, lastError: null },
      { id: ids[1], finishedAt: done, lastError: "late" },
    ]);
  });

  it("fails its transaction when it fails, leaving nothing written", async () => {
    const { write } = countingWrite();
    const id = crypto.randomUUID();
    const row = { id, action: "test.twice", changes: {}, createdAt: new Date() };
    await expect(
      inOrg(h.deps.database, org.orgId, async (s) => {
        await write(s.tx, { orgId: s.orgId, ...row });
        await write(s.tx, { orgId: s.orgId, ...row, action: "test.again" });
        await s.tx.execute(sql`SELECT 1`);
      }),
    ).rejects.toThrow();
    expect(await auditOf(h.deps.database, id)).toEqual([]);
  });
});

const url = process.env.DATABASE_URL;

describe.runIf(!!url)("a statement built once, on a PostgreSQL server", () => {
  let counted: Awaited<ReturnType<typeof countedDatabase>>;
  beforeAll(async () => {
    counted = await countedDatabase(url as string);
  });
  afterAll(async () => {
    await counted?.database.close();
  });

  it("is assembled once for its connection, however many transactions run it", async () => {
    const c = counting();
    for (const t of [...made, ...made, ...made]) expect(await find(counted.database, c.run, t.id)).toEqual([t]);
    expect(c.builds()).toBe(1);
  });

  it("travels with the transaction's next statement: three writes and a read in one round trip", async () => {
    const { write } = countingWrite();
    const ids = [0, 1, 2].map(() => crypto.randomUUID());
    // Settle the connection first, so only this transaction's own round trips are counted.
    await counted.database.db.execute(sql`SELECT 1`);
    const before = counted.roundTrips();
    const seen = await inOrg(counted.database, org.orgId, async (s) => {
      for (const id of ids)
        await write(s.tx, { orgId: s.orgId, id, action: "test.travel", changes: {}, createdAt: new Date() });
      return s.tx
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, s.orgId), eq(auditEvents.action, "test.travel")));
    });
    // begin, the tenant, the three writes and the read in one; commit in the other.
    expect(counted.roundTrips() - before).toBe(2);
    expect(seen.map((r) => r.id).sort()).toEqual([...ids].sort());
  });
});
