import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { type Database, openDatabase } from "../src/platform/db";

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
