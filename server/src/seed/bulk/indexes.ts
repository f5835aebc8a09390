import type { Database } from "../../platform/db";
import { type BulkSession, inBulkSession } from "./copy";

/** The tables the tickets fill: their secondary indexes may be built once at the end instead of row by row. */
const TABLES = [
  "tickets",
  "messages",
  "ticket_search",
  "metric_replies",
  "metric_ticket_events",
  "ticket_sla_targets",
  "sla_events",
  "escalations",
  "survey_requests",
  "survey_responses",
  "customers",
  "customer_identities",
];

export interface DeferredIndex {
  name: string;
  definition: string;
}

/**
 * Drops the non-unique indexes of the loaded tables and answers how to make them again. Unique
 * indexes and primary keys stay: they are constraints, and the keys are what foreign keys use.
 */
export async function dropSecondaryIndexes(database: Database): Promise<DeferredIndex[]> {
  return inBulkSession(database, null, async (s) => {
    const found = await s.query<DeferredIndex>(
      `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = 'public' AND t.relname = ANY($1) AND NOT i.indisunique AND NOT i.indisprimary
       ORDER BY 1`,
      [TABLES],
    );
    for (const index of found) await s.exec(`DROP INDEX IF EXISTS "${index.name}"`);
    return found;
  });
}

/** Builds the dropped indexes again (each only if missing, so a second attempt after a failure is safe). */
export async function rebuildIndexes(
  database: Database,
  indexes: DeferredIndex[],
  progress: (done: number) => void,
): Promise<void> {
  let done = 0;
  for (const index of indexes) {
    await inBulkSession(database, null, (s: BulkSession) =>
      s.exec(index.definition.replace(/^CREATE INDEX /, "CREATE INDEX IF NOT EXISTS ")),
    );
    progress(++done);
  }
}
