import { type SQL, sql } from "drizzle-orm";
import { rowsOf, type Tx } from "./db";
import type { OrgTx } from "./tenancy";

interface Pending {
  query: SQL;
  resolve: (result: { rows: Record<string, unknown>[] }) => void;
  reject: (err: unknown) => void;
}

/**
 * Runs `fn` with a transaction whose `execute` calls, made together (before the event loop turns),
 * reach the database as one statement: each query becomes a `json_agg` column of a single SELECT, and
 * each caller gets its own rows back. A report made of a dozen independent aggregates then costs one
 * round trip instead of a dozen, without giving up its single transaction. Only `execute` with SQL is
 * offered; values come back as JSON would carry them (numbers, strings, booleans, null).
 */
export async function batchedReads<T>(s: OrgTx, fn: (batched: OrgTx) => Promise<T>): Promise<T> {
  let queue: Pending[] = [];
  let scheduled = false;
  const flush = async () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    try {
      const columns = batch.map(
        (p, i) => sql`(SELECT coalesce(json_agg(x), '[]'::json) FROM (${p.query}) x) AS ${sql.identifier(`q${i}`)}`,
      );
      // The joined statement's cost is the sum of its parts; the connections have JIT compilation off
      // (platform/db.ts), which for it took longer than the reads.
      const [row] = rowsOf<Record<string, unknown>>(await s.tx.execute(sql`SELECT ${sql.join(columns, sql`, `)}`));
      batch.forEach((p, i) => {
        const value = row?.[`q${i}`];
        p.resolve({ rows: (typeof value === "string" ? JSON.parse(value) : value) as Record<string, unknown>[] });
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  };
  const tx = {
    execute(query: SQL) {
      return new Promise((resolve, reject) => {
        queue.push({ query, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      });
    },
  } as unknown as Tx;
  return fn({ ...s, tx });
}
