import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { type DataDirLock, lockDataDir } from "./data-dir-lock";
import type { AppDb } from "./db-types";
import { type LiveSignals, pgliteSignals, postgresSignals } from "./live";
import type { Logger } from "./logger";
import { pipelinedPool } from "./pipelined-client";

export type { AppDb, Queryable, Tx } from "./db-types";

/** The role every application query runs as; row-level security applies to it. */
export const APP_ROLE = "frontline_app";

// Every connection runs as the application role, and without JIT compilation: PostgreSQL compiles a
// statement whose estimated cost passes a threshold, and for this application's statements the
// compiling took longer than the work (a common word's search at a million tickets 89 ms with it,
// 56 ms without; the dashboard's joined summary 500 ms against 375 ms). Decision 030.
const CONNECTION_OPTIONS = `-c role=${APP_ROLE} -c jit=off`;

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../migrations");

export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly db: AppDb;
  /**
   * Where reports read: a replica's pool when DATABASE_REPLICA_URL is set, else `db`. Its data may lag
   * the primary by the replica's delay, so only reports and exports use it (see tenancy.inOrgForReports).
   */
  readonly reports: AppDb;
  /** True when the database held no organisation before this process opened it. */
  readonly wasEmpty: boolean;
  /** Change signals raised by committed transactions of any process on this database (live.ts). */
  readonly live: LiveSignals;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** A read-only replica of `databaseUrl` for reports (server mode only). */
  replicaUrl?: string | undefined;
  /** Where the live-signal listener reports a lost connection. */
  log?: Logger;
}

/** Opens the database, applies migrations as the owner, then switches to the application role. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.replicaUrl && !opts.databaseUrl) throw new Error("A replica needs DATABASE_URL (server mode)");
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts.replicaUrl, opts.poolSize ?? 10, opts.log)
    : openPglite(opts.dataDir);
}

/**
 * How the embedded database is opened, by the server and by the benchmark's raw side alike.
 * btree_gin lets one GIN index serve "this organisation's documents matching these words".
 * Its buffer cache lives in the process's own memory, on top of the operating system's file
 * cache that already holds the same pages: 32 MB instead of PostgreSQL's 128 MB keeps a million
 * tickets under 600 MB resident, for a few percent of speed (decision 029).
 */
export function pgliteOptions() {
  return {
    extensions: { btree_gin },
    startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"],
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock: DataDirLock = await lockDataDir(dataDir);
  let client: PGlite | undefined;
  try {
    client = await PGlite.create(path.join(dataDir, "pgdata"), pgliteOptions());
    const owner = drizzlePglite(client);
    await migratePglite(owner, { migrationsFolder: MIGRATIONS_DIR });
    const wasEmpty = await countOrganizations(owner as unknown as AppDb);
    await client.exec(`SET ROLE ${APP_ROLE}`);
    const pgl = client;
    const live = pgliteSignals(pgl);
    return {
      kind: "pglite",
      db: owner as unknown as AppDb,
      reports: owner as unknown as AppDb,
      wasEmpty,
      live,
      async close() {
        await live.close();
        await pgl.close();
        await lock.release();
      },
    };
  } catch (err) {
    await client?.close().catch(() => {});
    await lock.release();
    throw err;
  }
}

async function openPostgres(
  url: string,
  replicaUrl: string | undefined,
  poolSize: number,
  log?: Logger,
): Promise<Database> {
  const ownerClient = new pg.Client({ connectionString: url });
  await ownerClient.connect();
  let wasEmpty: boolean;
  try {
    // Several nodes may start together: one migrates, the others wait on the lock.
    await ownerClient.query("SELECT pg_advisory_lock(7243801)");
    const owner = drizzlePg(ownerClient);
    await migratePg(owner, { migrationsFolder: MIGRATIONS_DIR });
    wasEmpty = await countOrganizations(owner as unknown as AppDb);
  } finally {
    await ownerClient.end().catch(() => {});
  }
  // The role is a startup option, so every pooled connection runs as the application role from birth.
  const pool = pipelinedPool(new pg.Pool({ connectionString: url, max: poolSize, options: CONNECTION_OPTIONS }));
  const db = drizzlePg(pool) as unknown as AppDb;
  // The replica has the same roles (it is a copy), so its connections run as the application role too.
  const replica = replicaUrl
    ? pipelinedPool(
        new pg.Pool({
          connectionString: replicaUrl,
          max: Math.max(2, Math.ceil(poolSize / 2)),
          options: CONNECTION_OPTIONS,
        }),
      )
    : undefined;
  const live = postgresSignals(url, APP_ROLE, log);
  return {
    kind: "postgres",
    db,
    reports: replica ? (drizzlePg(replica) as unknown as AppDb) : db,
    wasEmpty,
    live,
    async close() {
      await live.close();
      await pool.end();
      await replica?.end();
    },
  };
}

async function countOrganizations(db: AppDb): Promise<boolean> {
  const result = await db.execute(sql`SELECT count(*)::int AS n FROM organizations`);
  return rowsOf<{ n: number }>(result)[0]?.n === 0;
}

/** Rows of a raw `execute` result, the same on both drivers. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
