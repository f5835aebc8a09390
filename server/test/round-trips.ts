import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { type Ctx, systemCtx } from "../src/platform/context";
import { type Database, openDatabase } from "../src/platform/db";
import { makeOrg, type TestOrg } from "./factories";
import { testApp, testDeps } from "./harness";

/**
 * A database of its own on the PostgreSQL server at `url`, with one connection, that counts its round
 * trips: nothing else (rate limits, other tests) shares the connection, so a count is the work's own.
 */
export async function countedDatabase(url: string): Promise<{ database: Database; roundTrips: () => number }> {
  const dataDir = fs.mkdtempSync(path.join(process.env.FRONTLINE_TEST_TMP ?? os.tmpdir(), "round-trips-"));
  const database = await openDatabase({ databaseUrl: url, dataDir, poolSize: 1 });
  let count = 0;
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  pool.on("connect", (client) => {
    // Each round trip ends with the server ready for the next query.
    (client as unknown as { connection: pg.Connection }).connection.on("readyForQuery", () => {
      count += 1;
    });
  });
  return { database, roundTrips: () => count };
}

/**
 * For a describe block on the PostgreSQL server at `url`: the test app, an organisation made through
 * it, and a way to run work as that organisation on a counted database and learn its round trips.
 */
export function countingRoundTrips(url: string) {
  let h: Awaited<ReturnType<typeof testApp>>;
  let counted: Awaited<ReturnType<typeof countedDatabase>>;
  let org: TestOrg;
  beforeAll(async () => {
    h = await testApp();
    counted = await countedDatabase(url);
    org = await makeOrg(h);
  });
  afterAll(async () => {
    await counted?.database.close();
  });
  return {
    harness: () => h,
    org: () => org,
    /** Runs `work` as the organisation's system on the counted database; its answer and round trips. */
    async count<T>(work: (ctx: Ctx) => Promise<T>): Promise<{ value: T; roundTrips: number }> {
      const ctx = systemCtx({ ...(await testDeps()), database: counted.database }, org.orgId);
      // The one connection answers this after any commit still travelling (decision 032), so that
      // commit is not counted as the work's.
      await counted.database.db.execute(sql`SELECT 1`);
      const before = counted.roundTrips();
      const value = await work(ctx);
      return { value, roundTrips: counted.roundTrips() - before };
    },
  };
}
