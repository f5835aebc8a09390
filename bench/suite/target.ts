import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import { type Database, openDatabase, pgliteOptions } from "../../server/src/platform/db";
import { ROOT } from "./server";

export type DbKind = "pglite" | "postgres";

/** Where a run's data lives: a PGlite folder or a PostgreSQL database, and the files kept beside it. */
export interface Target {
  kind: DbKind;
  /** The server child's environment that points it at this database. */
  env: Record<string, string>;
  url?: string;
  dataDir?: string;
  /** What the loader made (the workspace), kept so `--skip-load` can reuse the database. */
  workspaceFile: string;
  poolSize: number;
  /** The suite made this database for the run (not the caller's DATABASE_URL). */
  ownDatabase: boolean;
}

const POSTGRES = "postgres://postgres@127.0.0.1:5432";
export const DATA_ROOT = path.join(ROOT, "bench/.data");

/**
 * Chooses the database of a run: PGlite in bench/.data, or on PostgreSQL `DATABASE_URL` when set,
 * else a database of our own on the local server, made afresh unless the run reuses the last load.
 */
export async function prepareTarget(kind: DbKind, tickets: number, reuse: boolean, poolSize: number): Promise<Target> {
  fs.mkdirSync(DATA_ROOT, { recursive: true });
  const workspaceFile = path.join(DATA_ROOT, `${kind}-${tickets}.json`);
  if (!reuse) fs.rmSync(workspaceFile, { force: true });
  if (kind === "pglite") {
    const dataDir = path.join(DATA_ROOT, `pglite-${tickets}`);
    if (!reuse) fs.rmSync(dataDir, { recursive: true, force: true });
    return { kind, env: { DATA_DIR: dataDir }, dataDir, workspaceFile, poolSize, ownDatabase: true };
  }
  let url = process.env.DATABASE_URL;
  const ownDatabase = !url;
  if (!url) {
    const name = `fl_bench_${tickets}`;
    url = `${POSTGRES}/${name}`;
    if (!reuse) {
      const admin = new pg.Client({ connectionString: `${POSTGRES}/postgres` });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
    }
  }
  return {
    kind,
    env: { DATABASE_URL: url, DB_POOL_SIZE: String(poolSize) },
    url,
    workspaceFile,
    poolSize,
    ownDatabase,
  };
}

/** Opens the database as the application does (migrations, application role) for loading. */
export function openApp(t: Target): Promise<Database> {
  return openDatabase({ databaseUrl: t.url, dataDir: t.dataDir ?? "", poolSize: t.poolSize });
}

export type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/**
 * The database without Frontline: plain `pg` (a pool as large as the server's) or PGlite opened
 * directly, as its owner, so row-level security and the application's layers are not in the way.
 */
export interface RawDb {
  kind: DbKind;
  query: Query;
  tx<T>(fn: (q: Query) => Promise<T>): Promise<T>;
  /** Calls `onMessage` for each notification on `channel` until the returned function is called. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export async function openRaw(t: Target): Promise<RawDb> {
  if (t.kind === "pglite") {
    const db = await PGlite.create(path.join(t.dataDir!, "pgdata"), pgliteOptions());
    const query: Query = async (text, params) => (await db.query(text, params)).rows as never;
    return {
      kind: "pglite",
      query,
      tx: (fn) => db.transaction((tx) => fn(async (text, params) => (await tx.query(text, params)).rows as never)),
      async listen(channel, onMessage) {
        const unlisten = await db.listen(channel, onMessage);
        return unlisten;
      },
      close: () => db.close(),
    };
  }
  // Without JIT compilation, as the server's connections run (platform/db.ts): the same settings on both sides.
  const pool = new pg.Pool({ connectionString: t.url, max: t.poolSize, options: "-c jit=off" });
  const query: Query = async (text, params) => (await pool.query(text, params as unknown[])).rows;
  return {
    kind: "postgres",
    query,
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const out = await fn(async (text, params) => (await client.query(text, params as unknown[])).rows);
        await client.query("COMMIT");
        return out;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async listen(channel, onMessage) {
      const client = new pg.Client({ connectionString: t.url });
      await client.connect();
      client.on("notification", (n) => {
        if (n.channel === channel) onMessage(n.payload ?? "");
      });
      await client.query(`LISTEN ${channel}`);
      return async () => {
        await client.end();
      };
    },
    close: () => pool.end(),
  };
}

const dialect = new PgDialect();
/** A Drizzle `sql` template as text and parameters, to run on a raw connection. */
export function textOf(query: SQL): [string, unknown[]] {
  const q = dialect.sqlToQuery(query);
  return [q.sql, q.params];
}
