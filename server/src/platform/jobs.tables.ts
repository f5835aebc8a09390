import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at, orgId } from "./columns";

/**
 * Durable background work. A job is written in the same transaction as the change that needs it
 * (outbox), claimed with FOR UPDATE SKIP LOCKED by any node, and retried with backoff until done.
 */
export const jobs = pgTable(
  "jobs",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    queue: text("queue").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["queued", "running", "done", "failed"] })
      .notNull()
      .default("queued"),
    runAt: at("run_at").notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(10),
    /** The node holding the claim while running; afterwards, the node that ran it last. */
    lockedBy: text("locked_by"),
    lockedUntil: at("locked_until"),
    lastError: text("last_error"),
    createdAt: at("created_at").notNull().defaultNow(),
    finishedAt: at("finished_at"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // What the workers scan: due jobs of their queues.
    index("jobs_due_idx").on(t.queue, t.status, t.runAt),
  ],
);
