/** How a Coalescer paces its runs. */
export interface Pace {
  /** The least time between the starts of two runs. */
  gapMs: number;
  /** How long a first poke waits for the rest of its burst. */
  settleMs: number;
}

/**
 * Runs `task` when poked, folding bursts: at most one run per `gapMs`, never two at once, and a
 * poke that arrives while one waits or runs is served by the next. So a run starts at most
 * max(settleMs, gapMs) plus one run's time after any poke.
 */
export class Coalescer {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private pending = false;
  private stopped = false;
  private lastStart = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly onError: (err: unknown) => void,
    private readonly pace: Pace = { gapMs: 300, settleMs: 50 },
  ) {}

  /** Asks for a run. */
  poke(): void {
    if (this.stopped) return;
    this.pending = true;
    if (!this.running && !this.timer) this.schedule();
  }

  /** Starts no more runs; one in progress finishes. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    const wait = Math.max(this.pace.settleMs, this.lastStart + this.pace.gapMs - Date.now());
    this.timer = setTimeout(() => void this.fire(), wait);
  }

  private async fire(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    this.pending = false;
    this.running = true;
    this.lastStart = Date.now();
    try {
      await this.task();
    } catch (err) {
      this.onError(err);
    } finally {
      this.running = false;
      if (this.pending && !this.stopped) this.schedule();
    }
  }
}
