import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../test/harness";
import { type Database, openDatabase, rowsOf } from "./db";
import { notify } from "./live";

let database: Database;
const onPostgres = !!process.env.DATABASE_URL;

beforeAll(async () => {
  database = await testDatabase();
});

let n = 0;
/** A channel of this test alone: test files share the worker's database and its listener. */
const channelName = () => `live_test_${process.pid}_${Date.now()}_${n++}`;

/** Subscribes to a fresh channel and collects what it hears. */
async function hear(db: Database = database) {
  const channel = channelName();
  const heard: (string | null)[] = [];
  let closed = false;
  const stop = await db.live.subscribe(channel, {
    onSignal: (p) => heard.push(p),
    onClose: () => {
      closed = true;
    },
  });
  return { channel, heard, stop, closed: () => closed };
}

describe("live signals: LISTEN/NOTIFY", () => {
  it("delivers a signal raised inside a transaction once it commits, raised by the application role", async () => {
    const { channel, heard, stop } = await hear();
    await database.db.transaction(async (tx) => {
      const [who] = rowsOf<{ role: string }>(await tx.execute(sql`SELECT current_user AS role`));
      expect(who?.role).toBe("frontline_app");
      await notify(tx, channel, "org-1");
      expect(heard).toEqual([]);
    });
    await expect.poll(() => heard).toEqual(["org-1"]);
    stop();
  });

  it("never delivers a signal raised in a transaction that rolled back", async () => {
    const { channel, heard, stop } = await hear();
    await expect(
      database.db.transaction(async (tx) => {
        await notify(tx, channel, "rolled-back");
        throw new Error("changed our mind");
      }),
    ).rejects.toThrow("changed our mind");
    await database.db.transaction((tx) => notify(tx, channel, "committed"));
    // Signals arrive in commit order: once the later one is here, the earlier would have been too.
    await expect.poll(() => heard).toEqual(["committed"]);
    stop();
  });

  it("delivers a transaction's repeated signal once, and one per transaction otherwise", async () => {
    const { channel, heard, stop } = await hear();
    await database.db.transaction(async (tx) => {
      await notify(tx, channel, "org-1");
      await notify(tx, channel, "org-1");
      await notify(tx, channel, "org-2");
    });
    await database.db.transaction((tx) => notify(tx, channel, "org-1"));
    await expect.poll(() => heard).toEqual(["org-1", "org-2", "org-1"]);
    stop();
  });

  it("stops delivering to a subscriber that left, and keeps delivering to the others", async () => {
    const a = await hear();
    const heard: (string | null)[] = [];
    const stopB = await database.live.subscribe(a.channel, { onSignal: (p) => heard.push(p) });
    a.stop();
    await database.db.transaction((tx) => notify(tx, a.channel, "x"));
    await expect.poll(() => heard).toEqual(["x"]);
    expect(a.heard).toEqual([]);
    stopB();
  });

  it("tells subscribers when it closes, and takes no new ones", async () => {
    const dataDir = fs.mkdtempSync(path.join(process.env.FRONTLINE_TEST_TMP ?? os.tmpdir(), "live-"));
    const extra = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir, poolSize: 1 });
    const { closed } = await hear(extra);
    await extra.close();
    expect(closed()).toBe(true);
    await expect(extra.live.subscribe(channelName(), { onSignal: () => {} })).rejects.toThrow(/closed/);
  });

  it("refuses a channel name LISTEN would spell differently", async () => {
    await expect(database.live.subscribe("Mixed_Case", { onSignal: () => {} })).rejects.toThrow(/channel name/);
    await expect(database.db.transaction((tx) => notify(tx, "a-b", "x"))).rejects.toThrow(/channel name/);
  });
});

describe.runIf(onPostgres)("live signals between processes on a PostgreSQL server", () => {
  let other: Database;
  beforeAll(async () => {
    other = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: "unused", poolSize: 1 });
  });
  afterAll(async () => {
    await other?.close();
  });

  it("delivers a signal committed by one process to the listeners of another", async () => {
    const channel = channelName();
    const heard: (string | null)[] = [];
    const stop = await other.live.subscribe(channel, { onSignal: (p) => heard.push(p) });
    await database.db.transaction((tx) => notify(tx, channel, "org-9"));
    await expect.poll(() => heard).toEqual(["org-9"]);
    stop();
  });

  it("listens again after its connection is cut, first telling subscribers signals may have been missed", async () => {
    const { channel, heard, stop } = await hear(other);
    const owner = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await owner.connect();
    try {
      const cut = await owner.query(
        "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1",
        [`frontline-live-${process.pid}`],
      );
      expect(cut.rows.length).toBeGreaterThan(0);
    } finally {
      await owner.end();
    }
    await expect.poll(() => heard).toEqual([null]);
    await database.db.transaction((tx) => notify(tx, channel, "after"));
    await expect.poll(() => heard).toEqual([null, "after"]);
    stop();
  });
});
