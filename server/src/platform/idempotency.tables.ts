import { integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { at, orgId } from "./columns";

/** Remembered answers to writes sent with an Idempotency-Key, so a retried request is not done twice. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    orgId: orgId(),
    /** SHA-256 of the route and the client's key. */
    keyHash: text("key_hash").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status"),
    body: jsonb("body"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.keyHash] })],
);
