import type { Tx } from "./db";
import { connectionOf } from "./pipelined-client";

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
