import os from "node:os";
import { and, eq, inArray, sql } from "drizzle-orm";
import { deferredOnce, placeholders } from "./built-once";
import { type Ctx, type Deps, systemCtx } from "./context";
import { newId } from "./ids";
import { jobs } from "./jobs.tables";
import { inOrg, type OrgTx } from "./tenancy";

export type JobRow = typeof jobs.$inferSelect;
/** A queue's work. `now` is the runner's clock: the real time, or the time a test moved it to. */
export type JobHandler = (ctx: Ctx, payload: Record<string, unknown>, job: JobRow, now: Date) => Promise<void>;

/** A failure that retrying cannot fix (bad data, a deleted record): the job fails at once. */
export class PermanentJobError extends Error {}

/** Adds a job in the caller's transaction, so it exists exactly when the change that needs it commits. */
export async function enqueueJob(
  s: OrgTx,
  queue: string,
  payload: Record<string, unknown>,
  opts: { runAt?: Date; maxAttempts?: number } = {},
): Promise<string> {
  const id = newId();
  // Nobody reads its answer (the id is made here): it travels with the next statement (decision 031).
  await insertJob(s.tx, {
    orgId: s.orgId,
    id,
    queue,
    payload,
    runAt: opts.runAt ?? new Date(),
    maxAttempts: opts.maxAttempts ?? 10,
  });
  return id;
}

const insertJob = deferredOnce<
  Pick<typeof jobs.$inferSelect, "orgId" | "id" | "queue" | "payload" | "runAt" | "maxAttempts">
>((tx) => tx.insert(jobs).values(placeholders("orgId", "id", "queue", "payload", "runAt", "maxAttempts")));

/**
 * Adds a job unless the same one (queue and payload) is already waiting to run: recurring work that
 * reschedules itself never starts two chains, and a wake-up many changes ask for at once runs once.
 * A job already running does not count, since it may have looked before the change that asks again.
 * The transaction-scoped lock makes two callers at once see each other.
 */
export async function enqueueJobOnce(
  s: OrgTx,
  queue: string,
  payload: Record<string, unknown>,
  opts: { runAt?: Date; maxAttempts?: number } = {},
): Promise<string | null> {
  const key = `${s.orgId}:job:${queue}:${JSON.stringify(payload)}`;
  await s.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  const [waiting] = await s.tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.orgId, s.orgId),
        eq(jobs.queue, queue),
        eq(jobs.status, "queued"),
        sql`${jobs.payload} = ${JSON.stringify(payload)}::jsonb`,
      ),
    )
    .limit(1);
  return waiting ? null : enqueueJob(s, queue, payload, opts);
}

/** Exponential backoff with ±20% jitter: 10 s, 20 s, 40 s … capped at one hour. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(10_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface RunnerOptions {
  /** Names this process in `locked_by`. */
  nodeId?: string;
  pollMs?: number;
  batch?: number;
  /** How long a claim lasts; a node that dies mid-job loses it after this and another node retries. */
  lockSeconds?: number;
  /** Claim only these organisations' jobs, so tests sharing one database never run each other's. */
  orgIds?: readonly string[];
}

/**
 * Claims due jobs of the registered queues (any organisation, SKIP LOCKED so nodes never take the same
 * job), runs each inside its organisation's scope, and records the outcome.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;
  private readonly opts: Required<Omit<RunnerOptions, "orgIds">> & Pick<RunnerOptions, "orgIds">;

  constructor(
    private readonly deps: Deps,
    opts: RunnerOptions = {},
  ) {
    this.opts = { nodeId: `${os.hostname()}:${process.pid}`, pollMs: 1000, batch: 5, lockSeconds: 120, ...opts };
  }

  /** Registers the handler of a queue. */
  register(queue: string, handler: JobHandler): void {
    this.handlers.set(queue, handler);
  }

  /** Polls for due jobs until stopped. */
  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.runDue().catch((err) => this.deps.log.error({ err }, "job runner pass failed"));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(tick, this.opts.pollMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling and waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: claims and runs due jobs until none is left; answers how many ran. `now` is for tests. */
  async runDue(now?: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.claim(now ?? new Date());
      if (claimed.length === 0) return total;
      for (const job of claimed) await this.runOne(job, now ?? new Date());
      total += claimed.length;
    }
  }

  /**
   * Finds due jobs across organisations (a read-only lookup), then claims each inside its own
   * organisation with a conditional update: of two nodes racing for a job, exactly one update matches.
   */
  private async claim(now: Date): Promise<JobRow[]> {
    const queues = [...this.handlers.keys()];
    if (queues.length === 0) return [];
    const due = sql`((${jobs.status} = 'queued' AND ${jobs.runAt} <= ${now})
      OR (${jobs.status} = 'running' AND ${jobs.lockedUntil} < ${now}))`;
    const orgs = this.opts.orgIds ? inArray(jobs.orgId, [...this.opts.orgIds]) : undefined;
    const candidates = await this.deps.database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('app.job_worker', 'on', true)`);
      return tx
        .select({ orgId: jobs.orgId, id: jobs.id })
        .from(jobs)
        .where(and(inArray(jobs.queue, queues), due, orgs))
        .orderBy(jobs.runAt)
        .limit(this.opts.batch);
    });
    const until = new Date(now.getTime() + this.opts.lockSeconds * 1000);
    const claimed: JobRow[] = [];
    for (const c of candidates) {
      const [row] = await inOrg(this.deps.database, c.orgId, (s) =>
        s.tx
          .update(jobs)
          .set({
            status: "running",
            attempts: sql`${jobs.attempts} + 1`,
            lockedBy: this.opts.nodeId,
            lockedUntil: until,
          })
          .where(and(eq(jobs.orgId, s.orgId), eq(jobs.id, c.id), due))
          .returning(),
      );
      if (row) claimed.push(row);
    }
    return claimed;
  }

  private async runOne(job: JobRow, now: Date): Promise<void> {
    const handler = this.handlers.get(job.queue);
    const ctx = systemCtx(this.deps, job.orgId, { type: "system", name: `job:${job.queue}` });
    // A job that runs longer than its claim renews it, so a live node never loses work in hand to
    // another; only a node that stops renewing (killed, frozen, cut off) has its jobs taken over.
    const renew = setInterval(() => void this.renew(job), (this.opts.lockSeconds * 1000) / 3);
    try {
      if (!handler) throw new PermanentJobError(`No handler for queue ${job.queue}`);
      await handler(ctx, job.payload, job, now);
      clearInterval(renew);
      await this.finish(job, { status: "done", finishedAt: new Date(), lastError: null });
    } catch (err) {
      clearInterval(renew);
      const message = err instanceof Error ? err.message : String(err);
      const final = err instanceof PermanentJobError || job.attempts >= job.maxAttempts;
      this.deps.log.warn({ jobId: job.id, queue: job.queue, attempt: job.attempts, final, err: message }, "job failed");
      await this.finish(
        job,
        final
          ? { status: "failed", finishedAt: new Date(), lastError: message }
          : { status: "queued", runAt: new Date(Date.now() + retryDelayMs(job.attempts)), lastError: message },
      );
    }
  }

  private async renew(job: JobRow): Promise<void> {
    await inOrg(this.deps.database, job.orgId, (s) =>
      s.tx
        .update(jobs)
        .set({ lockedUntil: new Date(Date.now() + this.opts.lockSeconds * 1000) })
        .where(
          and(
            eq(jobs.orgId, s.orgId),
            eq(jobs.id, job.id),
            eq(jobs.status, "running"),
            eq(jobs.lockedBy, this.opts.nodeId),
          ),
        ),
    ).catch((err) => this.deps.log.warn({ jobId: job.id, err }, "could not renew a job's claim"));
  }

  private async finish(job: JobRow, set: Partial<JobRow>): Promise<void> {
    await inOrg(this.deps.database, job.orgId, (s) =>
      s.tx
        .update(jobs)
        // locked_by stays: it records which node ran the job last.
        .set({ ...set, lockedUntil: null })
        // Only if still ours: a claim that expired and was taken by another node is theirs now.
        .where(and(eq(jobs.orgId, s.orgId), eq(jobs.id, job.id), eq(jobs.lockedBy, this.opts.nodeId))),
    );
  }
}
