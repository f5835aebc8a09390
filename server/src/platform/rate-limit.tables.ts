import { bigint, doublePrecision, integer, pgSchema, text } from "drizzle-orm/pg-core";

/**
 * Platform tables hold the service's own bookkeeping, never a tenant's data, so they live outside
 * schema public (whose every table is keyed by org_id). The catalogue test lists them by name.
 */
export const platform = pgSchema("platform");

/** Leaky buckets for the per-request limits (per organisation, per address): `level` requests drain at `rate` per ms. */
export const rateBuckets = platform.table("rate_buckets", {
  key: text("key").primaryKey(),
  level: doublePrecision("level").notNull(),
  /** Requests per millisecond that drain out of the bucket. */
  rate: doublePrecision("rate").notNull(),
  /** When `level` was last brought up to date, in epoch milliseconds of the writing node's clock. */
  at: bigint("at", { mode: "number" }).notNull(),
});

/** Fixed windows for the attempt limits (sign-in, portal links, survey answers): `hits` until `ends_at`. */
export const rateWindows = platform.table("rate_windows", {
  key: text("key").primaryKey(),
  hits: integer("hits").notNull(),
  endsAt: bigint("ends_at", { mode: "number" }).notNull(),
});
