import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import pg from "pg";
import { deferredOnce } from "./built-once";
import type { Tx } from "./db-types";
import type { Logger } from "./logger";

// Change signals between transactions and the processes that watch them, over PostgreSQL's
// LISTEN/NOTIFY (decision 020): a signal raised inside a transaction is delivered only if it commits,
// to every process on the database, the raising one included. A signal says that something changed
// and for whom (an id), never what: whoever hears it reads the data again under its own rights.

/** Someone in this process who wants to hear a channel's signals. */
export interface LiveSubscriber {
  /**
   * A committed signal's payload; null when signals may have been missed (the listening
   * connection was lost and is back), so the subscriber should assume anything changed.
   */
  onSignal(payload: string | null): void;
  /** The process stops listening (shutdown): no signal will follow. */
  onClose?(): void;
}

/** The process's one listener on the database, shared by every in-process subscriber. */
export interface LiveSignals {
  /** Starts hearing `channel`; resolves once the database listens, with the way to stop. */
  subscribe(channel: string, subscriber: LiveSubscriber): Promise<() => void>;
  /** Tells every subscriber it is over, and stops listening. */
  close(): Promise<void>;
}

// LISTEN folds an unquoted name to lower case while pg_notify takes it verbatim: only names that
// read the same both ways are accepted, so a signal can never miss its listeners over spelling.
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

function assertChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`Not a channel name: ${channel}`);
}

/** Raises a signal inside the caller's transaction; it is delivered when (and only if) that commits. */
export async function notify(tx: Tx, channel: string, payload: string): Promise<void> {
  assertChannel(channel);
  // Nobody reads its answer: on a server it travels with the transaction's next statement, usually commit.
  await sendNotification(tx, { channel, payload });
}

const sendNotification = deferredOnce<{ channel: string; payload: string }>(
  () => sql`SELECT pg_notify(${sql.placeholder("channel")}, ${sql.placeholder("payload")})`,
);

/** How a database listens: once per channel, whatever the number of subscribers. */
interface Listener {
  listen(channel: string): Promise<void>;
  close(): Promise<void>;
}

class Fanout implements LiveSignals {
  private readonly channels = new Map<string, Set<LiveSubscriber>>();
  private readonly listening = new Map<string, Promise<void>>();
  private closed = false;
  listener!: Listener;

  async subscribe(channel: string, subscriber: LiveSubscriber): Promise<() => void> {
    assertChannel(channel);
    if (this.closed) throw new Error("Live signals are closed");
    let started = this.listening.get(channel);
    if (!started) {
      started = this.listener.listen(channel);
      this.listening.set(channel, started);
      // A failed LISTEN is tried again by the next subscriber rather than remembered.
      started.catch(() => this.listening.delete(channel));
    }
    await started;
    const set = this.channels.get(channel) ?? new Set();
    this.channels.set(channel, set);
    set.add(subscriber);
    return () => set.delete(subscriber);
  }

  deliver(channel: string, payload: string | null): void {
    for (const s of [...(this.channels.get(channel) ?? [])]) s.onSignal(payload);
  }

  /** Every channel heard so far, for a listener that must listen again after reconnecting. */
  heardChannels(): string[] {
    return [...this.listening.keys()];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const all = [...this.channels.values()].flatMap((set) => [...set]);
    this.channels.clear();
    for (const s of all) s.onClose?.();
    await this.listener.close();
  }
}

/** PGlite is one connection in this process: it listens for itself, and delivers after each commit. */
export function pgliteSignals(client: PGlite): LiveSignals {
  const fanout = new Fanout();
  const stops: (() => Promise<void>)[] = [];
  fanout.listener = {
    async listen(channel) {
      stops.push(await client.listen(channel, (payload) => fanout.deliver(channel, payload)));
    },
    async close() {
      if (client.closed) return;
      for (const stop of stops.splice(0)) await stop().catch(() => {});
    },
  };
  return fanout;
}

const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 10_000;

/**
 * On a PostgreSQL server, one dedicated connection per process listens (opened on first use, as
 * the application role). When it drops, it comes back with growing pauses, listens again, and tells
 * every subscriber that signals may have been missed meanwhile.
 */
export function postgresSignals(url: string, role: string, log?: Logger): LiveSignals {
  const fanout = new Fanout();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let retryMs = RETRY_FIRST_MS;
  let closed = false;

  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({
      connectionString: url,
      options: `-c role=${role}`,
      application_name: `frontline-live-${process.pid}`,
      keepAlive: true,
    });
    c.on("notification", (m) => fanout.deliver(m.channel, m.payload ?? ""));
    c.on("error", (err) => lost(c, err));
    c.on("end", () => lost(c, new Error("connection ended")));
    try {
      await c.connect();
      for (const channel of fanout.heardChannels()) await c.query(`LISTEN ${c.escapeIdentifier(channel)}`);
    } catch (err) {
      c.removeAllListeners("end");
      await c.end().catch(() => {});
      throw err;
    }
    return c;
  };

  const ensure = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    connecting ??= connect()
      .then((c) => {
        client = c;
        return c;
      })
      .finally(() => {
        connecting = null;
      });
    return connecting;
  };

  function lost(c: pg.Client, err: Error): void {
    if (client !== c || closed) return;
    client = null;
    log?.warn({ err }, "live signals: listening connection lost; reconnecting");
    c.removeAllListeners("end");
    c.end().catch(() => {});
    scheduleRetry();
  }

  function scheduleRetry(): void {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(async () => {
      retryTimer = null;
      try {
        await ensure();
        retryMs = RETRY_FIRST_MS;
        for (const channel of fanout.heardChannels()) fanout.deliver(channel, null);
      } catch (err) {
        log?.error({ err }, "live signals: could not listen again; retrying");
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        scheduleRetry();
      }
    }, retryMs);
    retryTimer.unref();
  }

  fanout.listener = {
    async listen(channel) {
      const c = await ensure();
      // A connection opened just now may already listen to it; listening twice is harmless.
      await c.query(`LISTEN ${c.escapeIdentifier(channel)}`);
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const c = client ?? (await connecting?.catch(() => null));
      client = null;
      if (c) {
        c.removeAllListeners("end");
        await c.end().catch(() => {});
      }
    },
  };
  return fanout;
}
