import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "./db";
import {
  deferred,
  endWithNextStatement,
  holdAnswer,
  MAX_LITERAL_BYTES,
  pipelinedPool,
  withLiterals,
} from "./pipelined-client";

describe("a statement's parameters written as literals", () => {
  it("reads as the parameters would: text with quotes, numbers, null, dates, arrays and JSON", () => {
    const at = new Date("2026-12-02T10:00:00.000Z");
    const text = withLiterals("INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6)", [
      "Ana's \\ order",
      42,
      null,
      at,
      ["a", "b"],
      { note: "it's" },
    ]);
    expect(text).toContain(`E'Ana''s \\\\ order'`);
    expect(text).toContain(", '42', NULL, '");
    expect(text).toContain(`'{"a","b"}'`);
    expect(text).toContain(`'{"note":"it''s"}'`);
  });

  it("leaves `$1` inside quotes, identifiers and comments alone, and `$10` is not `$1` followed by 0", () => {
    const values = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
    expect(withLiterals(`SELECT '$1', "$2", $10 -- $3\n, $1`, values)).toBe(`SELECT '$1', "$2", 'v10' -- $3\n, 'v1'`);
  });

  it("writes bytes in bytea's hex form, up to a size", () => {
    expect(withLiterals("SELECT $1", [Buffer.from([0, 0x5c, 0x27, 0xff])])).toBe(`SELECT  E'\\\\x005c27ff'`);
    expect(withLiterals("SELECT $1", [Buffer.alloc(MAX_LITERAL_BYTES)])).not.toBeNull();
    expect(withLiterals("SELECT $1", [Buffer.alloc(MAX_LITERAL_BYTES + 1)])).toBeNull();
  });

  it("refuses what it cannot follow or write: a NUL, dollar quotes, escape strings, a missing value", () => {
    expect(withLiterals("SELECT $1", ["before\0after"])).toBeNull();
    expect(withLiterals("SELECT $$a$$ || $1", ["x"])).toBeNull();
    expect(withLiterals("SELECT E'\\n' || $1", ["x"])).toBeNull();
    expect(withLiterals("SELECT $2", ["x"])).toBeNull();
    expect(withLiterals("SELECT 'unterminated $1", ["x"])).toBeNull();
  });
});

const url = process.env.DATABASE_URL;

/** What a failed query says: drizzle wraps the driver's error as its cause. */
async function failureOf(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (err) {
    return (err as { cause?: Error }).cause?.message ?? (err as Error).message;
  }
  return "no failure";
}

describe.runIf(!!url)("a pooled connection on a PostgreSQL server", () => {
  const table = `pipelined_${process.pid}_${Date.now()}`;
  let pool: pg.Pool;
  let roundTrips = 0;

  beforeAll(async () => {
    pool = pipelinedPool(new pg.Pool({ connectionString: url, max: 1 }));
    // Each round trip ends with the server ready for the next query.
    pool.on("connect", (client) => {
      (client as unknown as { connection: pg.Connection }).connection.on("readyForQuery", () => {
        roundTrips += 1;
      });
    });
    await pool.query(
      `CREATE TABLE ${table} (id int PRIMARY KEY, body text, at timestamptz, tags text[], meta jsonb, raw bytea)`,
    );
  });

  afterAll(async () => {
    await pool.query(`DROP TABLE IF EXISTS ${table}`);
    await pool.end();
  });

  const db = () => drizzle(pool);
  const t = sql.raw(table);
  const counted = async (fn: () => Promise<unknown>) => {
    const before = roundTrips;
    await fn();
    return roundTrips - before;
  };

  it("sends begin with the first statement, and deferred writes with commit", async () => {
    const trips = await counted(() =>
      db().transaction(async (tx) => {
        const [row] = rowsOf<{ n: number }>(await tx.execute(sql`SELECT ${41}::int + 1 AS n`));
        expect(row?.n).toBe(42);
        await tx.execute(deferred(sql`INSERT INTO ${t} (id, body) VALUES (${1}, ${"first"})`));
        await tx.execute(deferred(sql`SELECT pg_notify(${"pipelined_test"}, ${"x"})`));
      }),
    );
    expect(trips).toBe(2);
    expect((await pool.query(`SELECT body FROM ${table} WHERE id = 1`)).rows).toEqual([{ body: "first" }]);
  });

  it("holds a statement whose answer is wanted later: it goes before the next, in the same message", async () => {
    let answer: Promise<pg.QueryResult> | undefined;
    const trips = await counted(() =>
      db().transaction(
        async (tx) => {
          const later = holdAnswer(tx, "SELECT set_config('app.pipelined_test', 'held', true) AS v")!;
          expect(later).not.toBeNull();
          const [row] = rowsOf<{ v: string }>(await tx.execute(sql`SELECT current_setting('app.pipelined_test') AS v`));
          expect(row?.v).toBe("held");
          answer = later();
        },
        { accessMode: "read only" },
      ),
    );
    expect(trips).toBe(1);
    expect((await answer!).rows).toEqual([{ v: "held" }]);
    // Asked for before any other statement, it goes at once, alone.
    const alone = await db().transaction(async (tx) => (await holdAnswer(tx, "SELECT 7 AS n")!()).rows);
    expect(alone).toEqual([{ n: 7 }]);
  });

  it("lets the next statement of the transaction see a deferred write", async () => {
    await db().transaction(async (tx) => {
      await tx.execute(deferred(sql`INSERT INTO ${t} (id, body) VALUES (${2}, ${"seen"})`));
      const rows = rowsOf<{ body: string }>(await tx.execute(sql`SELECT body FROM ${t} WHERE id = ${2}`));
      expect(rows).toEqual([{ body: "seen" }]);
    });
  });

  it("stores values written as literals exactly as parameters would", async () => {
    const body = `Ana's "quoted" \\ back\\slash, ünïcode, عربي, newline\nend`;
    const at = new Date("2026-12-02T10:11:12.345Z");
    const meta = { note: "it's \\ fine", n: [1, 2] };
    const raw = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256)); // every byte, NUL and quotes too
    await db().transaction(async (tx) => {
      await tx.execute(
        deferred(
          sql`INSERT INTO ${t} (id, body, at, tags, meta, raw) VALUES (${3}, ${body}, ${at}, ${sql.param(["x", "y's"])}, ${JSON.stringify(meta)}, ${raw})`,
        ),
      );
    });
    const [row] = (await pool.query(`SELECT body, at, tags, meta, raw FROM ${table} WHERE id = 3`)).rows;
    expect(row).toEqual({ body, at, tags: ["x", "y's"], meta, raw });
  });

  it("fails the commit when a deferred write fails, and keeps nothing of the transaction", async () => {
    const attempt = db().transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO ${t} (id, body) VALUES (${4}, ${"kept?"})`);
      await tx.execute(deferred(sql`INSERT INTO ${t} (id, body) VALUES (${1}, ${"duplicate"})`));
    });
    await expect(attempt).rejects.toMatchObject({ cause: { code: "23505" } });
    expect((await pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = 4`)).rows[0].n).toBe(0);
    // The connection is usable afterwards, outside any transaction.
    expect((await pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });

  it("drops deferred writes when the transaction rolls back", async () => {
    const attempt = db().transaction(async (tx) => {
      await tx.execute(deferred(sql`INSERT INTO ${t} (id, body) VALUES (${5}, ${"never"})`));
      throw new Error("changed my mind");
    });
    await expect(attempt).rejects.toThrow("changed my mind");
    expect((await pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = 5`)).rows[0].n).toBe(0);
  });

  it("sends what waits first when the next statement cannot be written as literals", async () => {
    await db().transaction(async (tx) => {
      await tx.execute(deferred(sql`INSERT INTO ${t} (id, body) VALUES (${6}, ${"before bytes"})`));
      const rows = rowsOf<{ n: number }>(
        await tx.execute(
          sql`SELECT length(${Buffer.alloc(MAX_LITERAL_BYTES + 1)}::bytea) AS n, (SELECT count(*)::int FROM ${t} WHERE id = 6) AS c`,
        ),
      );
      expect(rows[0]).toEqual({ n: MAX_LITERAL_BYTES + 1, c: 1 });
    });
  });

  it("answers a read-only transaction without waiting for its commit, which still ends it first", async () => {
    const before = roundTrips;
    const rows = await db().transaction(
      async (tx) => rowsOf<{ body: string }>(await tx.execute(sql`SELECT body FROM ${t} WHERE id = ${1}`)),
      { accessMode: "read only" },
    );
    // Answered after one round trip: begin and the read together; the commit was still travelling.
    const whenAnswered = roundTrips - before;
    expect(rows).toEqual([{ body: "first" }]);
    expect(whenAnswered).toBe(1);
    // The pool's one connection runs the next statement after the commit, outside any transaction.
    const after = (
      await pool.query("SELECT current_setting('transaction_read_only') AS ro, now() = statement_timestamp() AS fresh")
    ).rows[0];
    expect(after).toEqual({ ro: "off", fresh: true });
    expect(roundTrips - before).toBe(3);
  });

  it("ends a read-only transaction of one read with that read: one round trip, commit included", async () => {
    const before = roundTrips;
    const rows = await db().transaction(
      async (tx) => {
        expect(endWithNextStatement(tx)).toBe(true);
        return rowsOf<{ body: string }>(await tx.execute(sql`SELECT body FROM ${t} WHERE id = ${1}`));
      },
      { accessMode: "read only" },
    );
    expect(rows).toEqual([{ body: "first" }]);
    expect(roundTrips - before).toBe(1);
    const after = (await pool.query("SELECT current_setting('transaction_read_only') AS ro")).rows[0];
    expect(after).toEqual({ ro: "off" });
    expect(roundTrips - before).toBe(2);
  });

  it("refuses a second statement after the last one, and a write transaction is not ended early", async () => {
    const second = db().transaction(
      async (tx) => {
        endWithNextStatement(tx);
        await tx.execute(sql`SELECT 1`);
        await tx.execute(sql`SELECT 2`);
      },
      { accessMode: "read only" },
    );
    expect(await failureOf(second)).toContain("ended with the statement it said was its last");
    await db().transaction(async (tx) => {
      expect(endWithNextStatement(tx)).toBe(false);
      await tx.execute(sql`INSERT INTO ${t} (id, body) VALUES (${9}, ${"kept"})`);
      await tx.execute(sql`UPDATE ${t} SET body = ${"kept, then changed"} WHERE id = ${9}`);
    });
    expect((await pool.query(`SELECT body FROM ${table} WHERE id = 9`)).rows).toEqual([{ body: "kept, then changed" }]);
  });

  it("rolls back as usual when the last read fails, and the connection stays usable", async () => {
    const failing = db().transaction(
      async (tx) => {
        endWithNextStatement(tx);
        await tx.execute(sql`SELECT 1 / (${0}::int)`);
      },
      { accessMode: "read only" },
    );
    expect(await failureOf(failing)).toContain("division by zero");
    expect((await pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });

  it("refuses a write in a read-only transaction, deferred or not, and keeps nothing", async () => {
    const attempt = db().transaction(
      async (tx) => {
        await tx.execute(deferred(sql`INSERT INTO ${t} (id, body) VALUES (${7}, ${"read only?"})`));
        await tx.execute(sql`SELECT 1`);
      },
      { accessMode: "read only" },
    );
    await expect(attempt).rejects.toMatchObject({ cause: { code: "25006" } });
    expect((await pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = 7`)).rows[0].n).toBe(0);
  });
});
