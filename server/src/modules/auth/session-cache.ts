import type { Database } from "../../platform/db";
import { randomToken } from "../../platform/ids";
import { notify } from "../../platform/live";
import type { OrgTx } from "../../platform/tenancy";

/** The channel on which every change to a session or to who a session acts as is signalled (migration 0034). */
export const AUTH_CHANNEL = "frontline_auth";

/** How long a checked session is trusted without asking the database again. */
const TTL_MS = 30_000;
/** A change this process makes waits at most this long for its own signal (a rolled-back change sends none). */
const PAUSE_MS = 5_000;
const MAX_ENTRIES = 20_000;

interface Entry<T> {
  row: T;
  at: number;
}

/**
 * The sessions this process checked lately, by token hash (decision 033), so that a request costs no
 * round trip to learn who it is. It is correct only while it hears every change:
 *
 * - every process forgets everything when any change to sessions or users commits (the database's
 *   triggers signal it), or when its listening connection was lost and is back;
 * - a change made through this process pauses it from inside the changing transaction until that
 *   transaction's own signal comes back, so no request after the commit can meet the old state here;
 * - nothing is kept before the process listens, nor after listening ends;
 * - what a lookup read is kept only if no signal came while it was reading.
 */
export class SessionCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly pauses = new Map<string, number>();
  private generation = 0;
  private listening = false;

  constructor(private readonly now: () => number = Date.now) {}

  /** The row read for `hash` recently, or undefined to read it from the database. */
  get(hash: string): T | undefined {
    if (!this.usable()) return undefined;
    const e = this.entries.get(hash);
    if (!e) return undefined;
    if (this.now() - e.at >= TTL_MS) {
      this.entries.delete(hash);
      return undefined;
    }
    return e.row;
  }

  /** The row for `hash`: kept, or read by `read` and kept unless a change was signalled meanwhile. */
  async through(hash: string, read: () => Promise<T | undefined>): Promise<T | undefined> {
    const kept = this.get(hash);
    if (kept) return kept;
    const mark = this.mark();
    const row = await read();
    if (row) this.put(hash, row, mark);
    return row;
  }

  /** Where a lookup starts: what `put` needs to know whether anything changed meanwhile. */
  mark(): number {
    return this.generation;
  }

  /** Keeps what a lookup begun at `mark` read, unless a change was signalled since. */
  put(hash: string, row: T, mark: number): void {
    if (mark !== this.generation || !this.usable()) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(hash, { row, at: this.now() });
  }

  /** Forgets one entry (a session touched here has a new idle clock; it is read again next time). */
  drop(hash: string): void {
    this.entries.delete(hash);
  }

  /** A signal: something changed (payload a change's own mark or an organisation), or signals were missed (null). */
  heard(payload: string | null): void {
    this.generation += 1;
    this.entries.clear();
    if (payload !== null) this.pauses.delete(payload);
  }

  /** Stops keeping anything until the signal `token` is heard, or PAUSE_MS pass. */
  pause(token: string): void {
    this.generation += 1;
    this.entries.clear();
    this.pauses.set(token, this.now() + PAUSE_MS);
  }

  setListening(on: boolean): void {
    this.listening = on;
    this.heard(null);
  }

  private usable(): boolean {
    if (!this.listening) return false;
    const now = this.now();
    for (const [token, until] of this.pauses) if (until <= now) this.pauses.delete(token);
    return this.pauses.size === 0;
  }
}

/** What a process keeps: signed-in sessions by cookie, and API tokens by bearer. */
export type Checked = "session" | "token";

const caches = new WeakMap<Database, Map<Checked, SessionCache<unknown>>>();
/** Every cache of this process that listens: a change pauses them all (its transaction does not say which database it is in). */
const live = new Set<SessionCache<unknown>>();

/** The process's cache of `kind` for `database`, listening for changes from its first use. */
export function sessionCacheOf<T>(database: Database, kind: Checked = "session"): SessionCache<T> {
  let byKind = caches.get(database);
  if (!byKind) {
    byKind = new Map();
    caches.set(database, byKind);
  }
  const known = byKind.get(kind);
  if (known) return known as SessionCache<T>;
  const created = new SessionCache<unknown>();
  byKind.set(kind, created);
  database.live
    .subscribe(AUTH_CHANNEL, {
      onSignal: (payload) => created.heard(payload),
      onClose: () => {
        created.setListening(false);
        live.delete(created);
      },
    })
    .then(
      () => {
        created.setListening(true);
        live.add(created);
      },
      // Not listening: nothing is kept, every request asks the database (as before decision 033).
      () => created.setListening(false),
    );
  return created as SessionCache<T>;
}

/**
 * Called inside a transaction that ends a session or changes who one acts as: this process keeps
 * nothing until the change has committed and its signal is back (or the transaction rolled back).
 */
export async function holdSessionsUntilCommitted(s: OrgTx): Promise<void> {
  const token = `change:${randomToken(12)}`;
  for (const cache of live) cache.pause(token);
  await notify(s.tx, AUTH_CHANNEL, token);
}
