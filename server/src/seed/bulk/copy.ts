import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "../../platform/db";

// Rows travel in PostgreSQL's COPY text format: tab-separated, \N for null, backslash escapes.

const SPECIAL = /[\\\t\n\r]/g;
const HAS_SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** A text value for COPY. */
export const text = (s: string): string => (HAS_SPECIAL.test(s) ? s.replace(SPECIAL, (c) => ESCAPES[c]!) : s);
/** A timestamp (epoch milliseconds) for COPY, or null. */
export const ts = (ms: number | null | undefined): string => (ms == null ? "\\N" : new Date(ms).toISOString());
/** A nullable value already safe for COPY. */
export const opt = (v: string | number | null | undefined): string => (v == null ? "\\N" : String(v));
/** A text[] literal of simple words (tags, language codes). */
export const words = (items: readonly string[]): string => `{${items.join(",")}}`;

/** One table's rows waiting to be copied. */
export class TableRows {
  readonly lines: string[] = [];
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  add(...values: string[]): void {
    this.lines.push(values.join("\t"));
  }

  clear(): void {
    this.lines.length = 0;
  }
}

/** A transaction of the owner with the tenant set, into which tables are copied. */
export interface BulkSession {
  exec(statement: string, params?: unknown[]): Promise<void>;
  query<R>(statement: string, params?: unknown[]): Promise<R[]>;
  copy(rows: TableRows): Promise<void>;
}

// Large enough to keep the connection busy, small enough to stay far from any message size limit.
const PIECE = 1 << 20;

function* pieces(lines: string[]): Generator<string> {
  let buf: string[] = [];
  let size = 0;
  for (const line of lines) {
    buf.push(line);
    size += line.length + 1;
    if (size >= PIECE) {
      yield `${buf.join("\n")}\n`;
      buf = [];
      size = 0;
    }
  }
  if (buf.length) yield `${buf.join("\n")}\n`;
}

const copySql = (rows: TableRows, source: string) => `COPY ${rows.table} (${rows.columns.join(", ")}) FROM ${source}`;

export interface BulkOptions {
  /**
   * Skip foreign-key checks (session_replication_role = replica): the generator makes every
   * reference itself, in order. Only a superuser may; others keep the checks.
   */
  trusted?: boolean;
}

/**
 * Runs `fn` in one transaction as the database owner (ROLE NONE: the role the connection signed in
 * with) with the tenant set (none for `orgId` null), so forced row-level security admits the
 * organisation's rows.
 */
export async function inBulkSession<T>(
  database: Database,
  orgId: string | null,
  fn: (s: BulkSession) => Promise<T>,
  opts: BulkOptions = {},
): Promise<T> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  const setup = [
    "SET LOCAL ROLE NONE",
    "SET LOCAL synchronous_commit = off",
    "SET LOCAL maintenance_work_mem = '256MB'",
  ];
  if (opts.trusted) setup.push("SET LOCAL session_replication_role = replica");
  if (database.kind === "pglite") {
    return (client as PGlite).transaction(async (tx: Transaction) => {
      for (const s of setup) await tx.exec(s);
      await tx.query("SELECT set_config('app.org_id', $1, true)", [orgId ?? ""]);
      return fn({
        exec: async (statement, params) => void (await tx.query(statement, params)),
        query: async <R>(statement: string, params?: unknown[]) => (await tx.query<R>(statement, params)).rows,
        copy: async (rows) => {
          if (rows.lines.length === 0) return;
          // PGlite reads COPY input from a Blob named /dev/blob; the Blob is made of the pieces.
          const blob = new Blob([...pieces(rows.lines)]);
          await tx.query(copySql(rows, "'/dev/blob'"), [], { blob });
        },
      });
    });
  }
  const conn = await (client as pg.Pool).connect();
  try {
    await conn.query("BEGIN");
    for (const s of setup) await conn.query(s);
    await conn.query("SELECT set_config('app.org_id', $1, true)", [orgId ?? ""]);
    const result = await fn({
      exec: async (statement, params) => void (await conn.query(statement, params)),
      query: async <R>(statement: string, params?: unknown[]) => (await conn.query(statement, params)).rows as R[],
      copy: async (rows) => {
        if (rows.lines.length === 0) return;
        await pipeline(Readable.from(pieces(rows.lines)), conn.query(copyFrom(copySql(rows, "STDIN"))));
      },
    });
    await conn.query("COMMIT");
    return result;
  } catch (err) {
    await conn.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    conn.release();
  }
}

/** Whether the owner's sessions may skip foreign-key checks (a superuser's may). */
export async function canSkipChecks(database: Database): Promise<boolean> {
  let superuser = false;
  await inBulkSession(database, null, async (s) => {
    superuser =
      (await s.query<{ s: boolean }>("SELECT rolsuper AS s FROM pg_roles WHERE rolname = session_user"))[0]?.s ?? false;
  });
  return superuser;
}
