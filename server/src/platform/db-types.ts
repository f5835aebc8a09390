import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

// The database's types on their own, so that what `db.ts` itself uses (live signals, built-once
// statements) can name them without importing `db.ts` back.

/** Drizzle over either driver; both speak the same PostgreSQL dialect. */
export type AppDb = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = Parameters<Parameters<AppDb["transaction"]>[0]>[0];
/** Whatever can run a query: the database or a transaction in it. */
export type Queryable = AppDb | Tx;
