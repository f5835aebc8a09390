/** Fixed-window counters in memory: one process's view of how often a key was hit. */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts a hit on `key`; answers whether it is within `max` per `windowSeconds`, and when to retry. */
  hit(key: string, max: number, windowSeconds: number): { allowed: boolean; retryAfterSeconds: number } {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, w);
      if (this.windows.size > 100_000) this.prune(now);
    }
    w.count += 1;
    return { allowed: w.count <= max, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) };
  }

  /** Forgets a key, e.g. after a successful sign-in. */
  reset(key: string): void {
    this.windows.delete(key);
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }
}
