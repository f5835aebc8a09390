import { sql } from "drizzle-orm";
import type { Database } from "./db";
import type { Logger } from "./logger";

// PGlite has no autovacuum daemon: nothing gathers the planner's statistics, so an embedded database
// that grew (by use or by a bulk load) is planned as if it were empty, with joins chosen for a few
// hundred rows where there are tens of thousands. The embedded server gathers them itself. A
// PostgreSQL server's autovacuum does this already.

const FIRST_AFTER_MS = 60_000;
const EVERY_MS = 6 * 3_600_000;

/** Gathers the planner's statistics for every table, as the owner (the application role may not). */
export async function analyzeNow(database: Database): Promise<void> {
  // In one transaction, so the owner's role ends with it; PGlite runs it alone on its one connection.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL ROLE NONE`);
    await tx.execute(sql`ANALYZE`);
  });
}

/** On PGlite, statistics a minute after start and every six hours; nothing on a PostgreSQL server. */
export function startMaintenance(database: Database, log: Logger): () => void {
  if (database.kind !== "pglite") return () => {};
  const run = () => {
    const started = Date.now();
    analyzeNow(database)
      .then(() => log.info({ ms: Date.now() - started }, "planner statistics gathered"))
      .catch((err) => log.warn({ err }, "could not gather planner statistics"));
  };
  const first = setTimeout(run, FIRST_AFTER_MS);
  const every = setInterval(run, EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
