import { sql } from "drizzle-orm";
import { type Database, rowsOf } from "./db";
import type { Logger } from "./logger";

/** A per-request limit: `perMinute` sustained, with room for bursts of `burst` requests. */
export interface BucketRule {
  perMinute: number;
  burst: number;
}

/** What a limit says about one request; the numbers feed the RateLimit-* headers. */
export interface Verdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is empty again (the budget fully back). */
  resetSeconds: number;
  /** Seconds until a refused caller may try again. */
  retryAfterSeconds: number;
}

export interface RateLimiterOptions {
  /** The clock, in epoch milliseconds; tests move it by hand. */
  now?: () => number;
  /** How often local counts are flushed and the shared totals read back (0: only when sync() is called). */
  syncEveryMs?: number;
  /** Prefixes every key: limiters with different namespaces never share a count (isolated test apps). */
  namespace?: string;
  log?: Logger;
}

interface Bucket {
  /** Requests in the bucket as of `at` (the shared level from the last sync, plus what this node let in since). */
  level: number;
  at: number;
  /** Requests per millisecond draining out. */
  rate: number;
  capacity: number;
  /** Let in here and not yet written to the shared table. */
  unsent: number;
  /** Asked about since the last sync: its shared level is worth reading back. */
  touched: boolean;
}

interface Window {
  hits: number;
  endsAt: number;
}

const CLEANUP_EVERY_MS = 60_000;
const MAX_LOCAL_KEYS = 200_000;

/**
 * Rate limits shared by every node on one database (docs/decisions/025-rate-limits.md).
 *
 * Per-request limits (`take`) are leaky buckets decided in memory: each node counts what it lets in and,
 * every `syncEveryMs`, adds those counts to platform.rate_buckets in one statement and reads the shared
 * levels back. A request never waits on the database; N nodes can let in at most what each receives in
 * one sync interval beyond the limit.
 *
 * Attempt limits (`hit`: sign-in, portal links, survey answers) are fixed windows counted in
 * platform.rate_windows by one atomic statement per attempt, so they are exact whatever the number of nodes;
 * once a key is known to be over, further attempts are refused here without a query.
 */
export class RateLimiter {
  private readonly now: () => number;
  private readonly syncEveryMs: number;
  private readonly namespace: string;
  private readonly log: Logger | undefined;
  private readonly buckets = new Map<string, Bucket>();
  private readonly windows = new Map<string, Window>();
  private lastSync: number;
  private lastCleanup: number;
  private syncing: Promise<void> | null = null;

  constructor(
    private readonly database: Database,
    opts: RateLimiterOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.syncEveryMs = opts.syncEveryMs ?? 250;
    this.namespace = opts.namespace ?? "";
    this.log = opts.log;
    this.lastSync = this.now();
    this.lastCleanup = this.lastSync;
  }

  /** Counts one request on `key` if the bucket has room; never touches the database. */
  take(key: string, rule: BucketRule): Verdict {
    const now = this.now();
    const k = this.namespace + key;
    const rate = rule.perMinute / 60_000;
    const capacity = Math.max(1, rule.burst);
    let b = this.buckets.get(k);
    if (!b) {
      if (this.buckets.size >= MAX_LOCAL_KEYS) this.forgetDrained(now);
      b = { level: 0, at: now, rate, capacity, unsent: 0, touched: true };
      this.buckets.set(k, b);
    }
    b.rate = rate;
    b.capacity = capacity;
    b.touched = true;
    drain(b, now);
    const allowed = b.level + 1 <= capacity;
    if (allowed) {
      b.level += 1;
      b.unsent += 1;
    }
    this.maybeSync(now);
    const over = b.level + 1 - capacity;
    return {
      allowed,
      limit: rule.perMinute,
      remaining: Math.max(0, Math.floor(capacity - b.level)),
      resetSeconds: Math.ceil(b.level / rate / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil(over / rate / 1000)),
    };
  }

  /** Whether `key`'s bucket is full as far as this node knows; counts nothing. */
  isFull(key: string): Verdict | null {
    const b = this.buckets.get(this.namespace + key);
    if (!b) return null;
    const now = this.now();
    b.touched = true;
    drain(b, now);
    if (b.level + 1 <= b.capacity) return null;
    const perMinute = Math.round(b.rate * 60_000);
    return {
      allowed: false,
      limit: perMinute,
      remaining: 0,
      resetSeconds: Math.ceil(b.level / b.rate / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil((b.level + 1 - b.capacity) / b.rate / 1000)),
    };
  }

  /** Counts an attempt on `key`: at most `max` per window of `windowSeconds` from the first, on every node together. */
  async hit(key: string, max: number, windowSeconds: number): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const now = this.now();
    const k = this.namespace + key;
    const known = this.windows.get(k);
    if (known && known.endsAt > now && known.hits >= max)
      return { allowed: false, retryAfterSeconds: secondsTo(known.endsAt, now) };
    const result = await this.database.db.execute(sql`
      INSERT INTO platform.rate_windows AS w (key, hits, ends_at) VALUES (${k}, 1, ${now + windowSeconds * 1000})
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN w.ends_at > ${now} THEN w.hits + 1 ELSE 1 END,
        ends_at = CASE WHEN w.ends_at > ${now} THEN w.ends_at ELSE excluded.ends_at END
      RETURNING hits, ends_at`);
    const row = rowsOf<{ hits: number; ends_at: string | number }>(result)[0]!;
    const w = { hits: Number(row.hits), endsAt: Number(row.ends_at) };
    if (this.windows.size >= MAX_LOCAL_KEYS) this.windows.clear();
    this.windows.set(k, w);
    return { allowed: w.hits <= max, retryAfterSeconds: secondsTo(w.endsAt, now) };
  }

  /** Forgets an attempt count on every node, e.g. after a successful sign-in. */
  async reset(key: string): Promise<void> {
    const k = this.namespace + key;
    this.windows.delete(k);
    await this.database.db.execute(sql`DELETE FROM platform.rate_windows WHERE key = ${k}`);
  }

  /** Flushes this node's counts and reads the shared levels back; concurrent calls share one flush. */
  sync(): Promise<void> {
    if (this.syncing) return this.syncing.then(() => this.sync());
    this.syncing = this.flush().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  /** Writes what is left; call before closing the database. */
  async close(): Promise<void> {
    await this.syncing;
    await this.sync();
  }

  private maybeSync(now: number): void {
    if (this.syncEveryMs > 0 && !this.syncing && now - this.lastSync >= this.syncEveryMs) {
      this.sync().catch((err: unknown) => this.log?.warn({ err }, "rate limits: could not sync with the database"));
    }
  }

  private async flush(): Promise<void> {
    const now = this.now();
    this.lastSync = now;
    const sent: { key: string; n: number; rate: number }[] = [];
    const peeked: string[] = [];
    for (const [key, b] of this.buckets) {
      if (b.unsent > 0) sent.push({ key, n: b.unsent, rate: b.rate });
      else if (b.touched) peeked.push(key);
      b.unsent = 0;
      b.touched = false;
    }
    try {
      if (sent.length + peeked.length > 0) {
        // One statement: add what was let in here, and read the level of keys only asked about.
        const result = await this.database.db.execute(sql`
          WITH sent AS (
            INSERT INTO platform.rate_buckets AS b (key, level, rate, at)
            SELECT u.key, u.n, u.rate, ${now}
            FROM json_to_recordset(${JSON.stringify(sent)}::json) AS u(key text, n float8, rate float8)
            ON CONFLICT (key) DO UPDATE SET
              level = greatest(0, b.level - greatest(0, excluded.at - b.at) * excluded.rate) + excluded.level,
              rate = excluded.rate,
              at = greatest(b.at, excluded.at)
            RETURNING key, level, at)
          SELECT key, level, at FROM sent
          UNION ALL
          SELECT key, level, at FROM platform.rate_buckets
          WHERE key IN (SELECT json_array_elements_text(${JSON.stringify(peeked)}::json))`);
        const after = this.now();
        for (const row of rowsOf<{ key: string; level: number; at: string | number }>(result)) {
          const b = this.buckets.get(row.key);
          if (!b) continue;
          // The shared level holds what was sent; what came in meanwhile is still unsent.
          const shared = { ...b, level: Number(row.level), at: Number(row.at) };
          drain(shared, after);
          b.level = shared.level + b.unsent;
          b.at = Math.max(b.at, after);
        }
      }
      if (now - this.lastCleanup >= CLEANUP_EVERY_MS) {
        this.lastCleanup = now;
        await this.cleanup(now);
      }
    } catch (err) {
      // Keep the counts for the next attempt; meanwhile this node limits on its own.
      for (const s of sent) {
        const b = this.buckets.get(s.key);
        if (b) b.unsent += s.n;
      }
      throw err;
    }
  }

  /** Removes drained buckets and ended windows, here and in the shared tables. */
  private async cleanup(now: number): Promise<void> {
    this.forgetDrained(now);
    for (const [k, w] of this.windows) if (w.endsAt <= now) this.windows.delete(k);
    await this.database.db.execute(sql`DELETE FROM platform.rate_buckets WHERE at + level / rate <= ${now}`);
    await this.database.db.execute(sql`DELETE FROM platform.rate_windows WHERE ends_at <= ${now}`);
  }

  private forgetDrained(now: number): void {
    for (const [k, b] of this.buckets) {
      drain(b, now);
      if (b.level === 0 && b.unsent === 0) this.buckets.delete(k);
    }
  }
}

/** Lets the requests that left the bucket since `at` go. */
function drain(b: Bucket, now: number): void {
  if (now > b.at) {
    b.level = Math.max(0, b.level - (now - b.at) * b.rate);
    b.at = now;
  }
}

function secondsTo(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/**
 * Requests in flight on this node, per organisation. A rate limit cannot help once the node is saturated
 * below the organisations' limits: then a tenant's share of the node is its share of the requests in
 * flight. So, while others are busy too, an organisation may hold at most `floor` requests or twice the
 * others' average, whichever is more; alone it is never held back.
 */
export class InFlight {
  private readonly counts = new Map<string, number>();
  private total = 0;

  constructor(private readonly floor: number) {}

  /** Whether `key` already holds its share. */
  isFull(key: string): boolean {
    const mine = this.counts.get(key) ?? 0;
    const others = this.counts.size - (mine > 0 ? 1 : 0);
    return others > 0 && mine >= this.floor && mine >= (2 * (this.total - mine)) / others;
  }

  /** Takes a place for `key`, or answers false when it already holds its share. */
  enter(key: string): boolean {
    if (this.isFull(key)) return false;
    const mine = this.counts.get(key) ?? 0;
    this.counts.set(key, mine + 1);
    this.total += 1;
    return true;
  }

  leave(key: string): void {
    const mine = this.counts.get(key) ?? 0;
    if (mine <= 1) this.counts.delete(key);
    else this.counts.set(key, mine - 1);
    if (mine > 0) this.total -= 1;
  }
}
