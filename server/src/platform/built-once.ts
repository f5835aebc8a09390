import { is, Param, Placeholder, type Query, SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Tx } from "./db-types";
import { connectionOf, deferredText } from "./pipelined-client";

interface Prepared<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

/** What Drizzle's query builders offer: a statement assembled now, run later with its values. */
interface Preparable<R> {
  prepare(name: string): Prepared<R>;
}

// Unnamed, as every other statement is: the server parses it on each run and keeps no plan of its
// own for it (an organisation with 40% of the rows never gets a smaller one's plan), and the
// pipelined client can still write it as literals and merge it with what waits.
const UNNAMED = undefined as unknown as string;

/**
 * A statement Drizzle assembles once per database connection instead of on every run. Assembling
 * costs more of the server's CPU than running does: measured on the inbox's page of tickets,
 * 0.89 ms per request built each time against 0.45 ms prepared once. `build` must give every
 * value that varies as `sql.placeholder(name)`; what it builds must not vary.
 *
 * Its values are filled in by Drizzle, which hands null to a column's conversion: a placeholder
 * inside an insert's values or an update's `set` must not be given null for a date or JSON column
 * (`deferredOnce` fills its own and has no such limit).
 *
 * A prepared statement is bound to the connection it was made on, so one is kept per connection
 * (`connectionOf`). On PGlite each transaction is its own client, so there it is assembled per
 * transaction.
 */
export function builtOnce<R>(
  build: (tx: Tx) => Preparable<R>,
): (tx: Tx, values: Record<string, unknown>) => Promise<R> {
  const byConnection = new WeakMap<object, Prepared<R>>();
  return (tx, values) => {
    const connection = connectionOf(tx);
    let prepared = connection ? byConnection.get(connection) : undefined;
    if (!prepared) {
      prepared = build(tx).prepare(UNNAMED);
      if (connection) byConnection.set(connection, prepared);
    }
    return prepared.execute(values);
  };
}

const MAX_SHAPES = 1_000;

/**
 * Built-once statements keyed by the shape of what is asked (which filters, which order): `shape`
 * names it, and `build` is used the first time that shape is asked for. Past MAX_SHAPES a new shape
 * is assembled on each run, as without this.
 */
export function builtOnceByShape<R>(): (
  tx: Tx,
  shape: string,
  build: (tx: Tx) => Preparable<R>,
  values: Record<string, unknown>,
) => Promise<R> {
  const byShape = new Map<string, (tx: Tx, values: Record<string, unknown>) => Promise<R>>();
  return (tx, shape, build, values) => {
    let run = byShape.get(shape);
    if (!run) {
      run = builtOnce(build);
      if (byShape.size < MAX_SHAPES) byShape.set(shape, run);
    }
    return run(tx, values);
  };
}

const dialect = new PgDialect();

/** What a write is assembled from: a query builder, or SQL written out with `sql`. */
type Assembled = SQL | { toSQL(): Query };

/**
 * A write nobody reads the answer of (see `deferred`), assembled once for the whole process: its text
 * and the order of its placeholders are kept, and each run only fills in the values, through the
 * columns' own conversions. On a server it then travels with the transaction's next statement.
 * The same rules as `builtOnce`: every value that varies is a `sql.placeholder(name)`, and an insert
 * names the same columns on every run (a column left out is written as `default`). `V` says what
 * values a run gives, so its callers are checked.
 */
export function deferredOnce<V extends Record<string, unknown>>(
  build: (tx: Tx) => Assembled,
): (tx: Tx, values: V) => Promise<void> {
  let query: Query | undefined;
  return async (tx, values) => {
    query ??= markDeferred(build(tx));
    const filled = { sql: query.sql, params: fill(query.params, values) };
    await tx._.session.prepareQuery(filled, undefined, UNNAMED, false).execute();
  };
}

function markDeferred(assembled: Assembled): Query {
  const { sql: text, params } = is(assembled, SQL) ? dialect.sqlToQuery(assembled) : assembled.toSQL();
  return { sql: deferredText(text), params };
}

/**
 * The statement's parameters with the run's values in place of its placeholders. A column's value
 * goes through the column's conversion, as Drizzle's own filling does, except that null stays null:
 * Drizzle's would hand null to the conversion (a date's fails, a JSON column's writes JSON `null`).
 */
function fill(params: readonly unknown[], values: Record<string, unknown>): unknown[] {
  const given = (name: string) => {
    if (!(name in values)) throw new Error(`No value for placeholder "${name}" was provided`);
    return values[name] ?? null;
  };
  return params.map((p) => {
    if (is(p, Placeholder)) return given(p.name);
    if (is(p, Param) && is(p.value, Placeholder)) {
      const v = given(p.value.name);
      return v === null ? null : p.encoder.mapToDriverValue(v);
    }
    return p;
  });
}

/** A placeholder for each name, as the values of an insert assembled once: `.values(placeholders("orgId", "id"))`. */
export function placeholders<K extends string>(...names: K[]): Record<K, Placeholder> {
  return Object.fromEntries(names.map((n) => [n, sql.placeholder(n)])) as unknown as Record<K, Placeholder>;
}

/**
 * Placeholders as the values of an update's `set`, typed as the row: Drizzle takes placeholders there
 * (each through its column's conversion), but its types do not say so.
 */
export function placeholdersToSet<Row>(...names: (keyof Row & string)[]): Partial<Row> {
  return placeholders(...names) as unknown as Partial<Row>;
}

/**
 * Takes a transaction-scoped advisory lock on `key`, held until the transaction ends. Nobody reads
 * its answer, so on a server it travels with the statement that follows (decision 031), which still
 * runs after the lock is granted.
 */
export function lockUntilCommit(tx: Tx, key: string): Promise<void> {
  return advisoryLock(tx, { key });
}

const advisoryLock = deferredOnce<{ key: string }>(
  () => sql`SELECT pg_advisory_xact_lock(hashtextextended(${sql.placeholder("key")}, 0))`,
);
