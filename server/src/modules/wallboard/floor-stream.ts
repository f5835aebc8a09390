import { WALLBOARD_SNAPSHOT_EVENT, type WallboardQuery } from "@frontline/common";
import type { SSEStreamingApi } from "hono/streaming";
import type { Actor, Ctx } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { currentActors } from "../auth";
import { Coalescer } from "./coalesce";
import { FLOOR_CHANNEL } from "./floor-signal";
import { canWatchFloor } from "./wallboard.policy";
import { presentWallboard } from "./wallboard.present";
import { type FloorScope, type FloorSnapshot, floorOf, floorScope, floorTeams, scopeFrom } from "./wallboard.service";

/** A comment line every so often keeps proxies and browsers from taking a quiet stream for a dead one. */
export const HEARTBEAT_MS = 20_000;
/** How soon a browser should come back after the stream drops. */
const RETRY_MS = 2_000;
/** The longest a timer waits for the clock to move a count; it is set again after each snapshot. */
const CLOCK_MAX_MS = 60 * 60_000;
/** How long a snapshot serves the wakes after it, for watchers whose own check was slower. */
const SHARED_MS = 5_000;

// Snapshots shared by the watchers of one scope (the same teams seen by the same rights). Each wake
// (a signal, the clock) takes a number; a snapshot started after a watcher's wake reflects what woke
// it, so watchers woken together get one snapshot, read once and serialised once.
let wakes = 0;
const shared = new Map<string, { startedAt: number; data: Promise<{ snapshot: FloorSnapshot; json: string }> }>();

function sharedFloor(ctx: Ctx, scope: FloorScope, wokenAt: number) {
  const known = shared.get(scope.key);
  if (known && known.startedAt > wokenAt) return known.data;
  const startedAt = ++wakes;
  const data = floorOf(ctx, scope).then((snapshot) => ({ snapshot, json: JSON.stringify(presentWallboard(snapshot)) }));
  const entry = { startedAt, data };
  shared.set(scope.key, entry);
  // Kept only while it can still serve a wake; a failed read is never handed to the next one.
  data.then(
    () => setTimeout(() => shared.get(scope.key) === entry && shared.delete(scope.key), SHARED_MS).unref(),
    () => shared.get(scope.key) === entry && shared.delete(scope.key),
  );
  return data;
}

// Before each snapshot and heartbeat every watcher is checked again (session, role, teams). Watchers
// of one organisation woken together are checked together: one transaction for their sessions and
// users, one for the teams, however many there are.
type Verdict = { actor: Actor | null; scope?: FloorScope };
const checks = new Map<
  string,
  { ctx: Ctx; asks: { actor: Actor; query: WallboardQuery; answer: (v: Promise<Verdict>) => void }[] }
>();

function checkWatcher(ctx: Ctx, query: WallboardQuery): Promise<Verdict> {
  return new Promise((resolve) => {
    let batch = checks.get(ctx.orgId);
    if (!batch) {
      batch = { ctx, asks: [] };
      checks.set(ctx.orgId, batch);
      setImmediate(() => {
        checks.delete(ctx.orgId);
        void checkAll(batch!);
      });
    }
    batch.asks.push({ actor: ctx.actor, query, answer: resolve });
  });
}

async function checkAll(batch: {
  ctx: Ctx;
  asks: { actor: Actor; query: WallboardQuery; answer: (v: Promise<Verdict>) => void }[];
}) {
  const read = (async () => ({
    actors: await currentActors(
      batch.ctx,
      batch.asks.map((a) => a.actor),
    ),
    teams: await floorTeams(batch.ctx),
  }))();
  for (const [i, ask] of batch.asks.entries()) {
    ask.answer(
      read.then(({ actors, teams }): Verdict => {
        const actor = actors[i] ?? null;
        if (!actor || !canWatchFloor(actor)) return { actor: null };
        try {
          return { actor, scope: scopeFrom(batch.ctx.orgId, actor, teams, ask.query) };
        } catch (err) {
          // No longer theirs, or gone: no scope, so the stream ends.
          if (err instanceof AppError && (err.code === "forbidden" || err.code === "not_found")) return { actor };
          throw err;
        }
      }),
    );
  }
}

/**
 * One watcher's live floor: a fresh snapshot after each change signal of their organisation
 * (bursts folded, see Coalescer), a heartbeat, and the caller checked again before each snapshot
 * and heartbeat, so a revoked session, a lost role or a team left ends it. It also ends when the
 * client goes, or the process stops listening (shutdown).
 */
export class FloorWatch {
  private readonly coalescer: Coalescer;
  private stopListening: () => void = () => {};
  private stream: SSEStreamingApi | null = null;
  private first: FloorSnapshot | null = null;
  private dirty = false;
  private done = false;
  private finished!: () => void;
  private readonly ended = new Promise<void>((resolve) => {
    this.finished = resolve;
  });
  private heartbeat: NodeJS.Timeout | null = null;
  private clock: NodeJS.Timeout | null = null;
  private sent = 0;
  private scope!: FloorScope;
  private wokenAt = 0;

  private constructor(
    private ctx: Ctx,
    private readonly query: WallboardQuery,
  ) {
    this.coalescer = new Coalescer(
      () => this.refresh(),
      (err) => {
        this.ctx.log.error({ err }, "live floor: could not send a snapshot; ending the stream");
        this.finish();
      },
    );
  }

  /**
   * Starts listening, then reads the first snapshot, so no change can fall between the two. Throws
   * (listening no more) what the snapshot throws: 403, 404.
   */
  static async open(ctx: Ctx, query: WallboardQuery): Promise<FloorWatch> {
    const watch = new FloorWatch(ctx, query);
    watch.stopListening = await ctx.database.live.subscribe(FLOOR_CHANNEL, {
      // Only this organisation's signals wake it; null means signals may have been missed.
      onSignal: (orgId) => {
        if (orgId === null || orgId === ctx.orgId) watch.changed();
      },
      onClose: () => watch.finish(),
    });
    try {
      watch.scope = await floorScope(ctx, query);
      watch.first = await floorOf(ctx, watch.scope);
    } catch (err) {
      watch.finish();
      throw err;
    }
    return watch;
  }

  /** Streams until the watch ends. */
  async run(stream: SSEStreamingApi): Promise<void> {
    const started = Date.now();
    this.stream = stream;
    stream.onAbort(() => this.finish());
    if (!this.done && this.first) {
      await this.send(this.first, RETRY_MS);
      this.first = null;
      this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
      if (this.dirty) this.coalescer.poke();
    }
    await this.ended;
    this.ctx.log.debug({ ms: Date.now() - started, snapshots: this.sent }, "live floor stream ended");
  }

  private changed(): void {
    this.wokenAt = ++wakes;
    if (this.stream) this.coalescer.poke();
    else this.dirty = true;
  }

  /** False (and the watch ended) once the caller may no longer watch; else the caller and their scope as they are now. */
  private async stillAllowed(): Promise<boolean> {
    const verdict = await checkWatcher(this.ctx, this.query);
    // The team is gone or no longer theirs: the stream ends, and coming back answers why.
    if (!verdict.actor || !verdict.scope) {
      this.finish();
      return false;
    }
    this.ctx = { ...this.ctx, actor: verdict.actor };
    this.scope = verdict.scope;
    return true;
  }

  private async refresh(): Promise<void> {
    if (this.done || !(await this.stillAllowed())) return;
    const { snapshot, json } = await sharedFloor(this.ctx, this.scope, this.wokenAt);
    await this.send(snapshot, undefined, json);
  }

  private async send(snapshot: FloorSnapshot, retry?: number, json?: string): Promise<void> {
    if (this.done || !this.stream) return;
    this.sent += 1;
    await this.stream.writeSSE({
      event: WALLBOARD_SNAPSHOT_EVENT,
      id: String(this.sent),
      data: json ?? JSON.stringify(presentWallboard(snapshot)),
      ...(retry ? { retry } : {}),
    });
    this.watchClock(snapshot.clockChangeAt);
  }

  /** A count that changes by the clock alone (a promise coming within the hour) gets its own snapshot. */
  private watchClock(at: Date | null): void {
    if (this.clock) clearTimeout(this.clock);
    this.clock = null;
    if (!at || this.done) return;
    const wait = Math.min(Math.max(0, at.getTime() - Date.now()) + 1_000, CLOCK_MAX_MS);
    this.clock = setTimeout(() => {
      this.wokenAt = ++wakes;
      this.coalescer.poke();
    }, wait);
  }

  private async beat(): Promise<void> {
    try {
      if (!(await this.stillAllowed())) return;
      await this.stream?.write(": heartbeat\n\n");
    } catch (err) {
      this.ctx.log.error({ err }, "live floor: could not check the caller; ending the stream");
      this.finish();
    }
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.coalescer.stop();
    this.stopListening();
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.clock) clearTimeout(this.clock);
    this.finished();
  }
}
