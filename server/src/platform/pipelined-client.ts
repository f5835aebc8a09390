import { type SQL, sql } from "drizzle-orm";
import pg from "pg";

// pg's own conversion of a parameter to its text (dates, arrays, JSON), so a literal reads as the
// parameter would have; its types do not declare it.
const prepareValue = (pg as unknown as { utils: { prepareValue(v: unknown): unknown } }).utils.prepareValue;

/**
 * Fewer round trips on a PostgreSQL server (decision 031). On loopback TCP each statement's write
 * costs the server about a tenth of a millisecond of system time, the largest single item of a
 * ticket's creation. Three kinds of statement wait and travel with the next one, as one
 * simple-protocol message of several statements:
 *
 * - `begin`: it goes with the transaction's first statement, whose parameters are then written into
 *   the text as literals;
 * - the tenant setting (`holdAnswer`, from `inOrg`): its answer, the configuration version, is only
 *   needed once something asks for configuration, so it is held right after `begin` and answered when
 *   what it travels with is. A request's first read then carries `begin`, the tenant and itself;
 * - a write marked with `deferred()`: it goes with the next statement, usually `commit`, so the
 *   audit entry and the change signal cost nothing extra. Its caller is answered at once, with no
 *   rows; if it fails, the statement it travels with fails, and the transaction with it.
 *
 * A read-only transaction of one read can say so first (`endWithNextStatement`): its `commit` then
 * travels behind that read, in the same message, and the transaction's own `commit` is answered at
 * once; any statement after it is refused, loudly, since it would run outside the transaction.
 *
 * And one statement needs no waiting for: the `commit` of a transaction begun `read only`. It can
 * change nothing and fail on nothing the caller could act on, so its caller is answered at once and
 * the request goes on while the commit travels; the connection's own queue keeps the next user's
 * statements behind it (a page read costs the round trips of its reads, not of its transaction).
 *
 * A statement that cannot be written as literals (large bytes, a NUL, a dollar-quoted or escape
 * string, a named statement) makes what waits go first on its own: the same order, one round trip more.
 */

const MARK = "/* frontline:deferred */ ";

/** Marks a write whose answer nobody reads, so it may travel with the transaction's next statement. */
export function deferred(query: SQL): SQL {
  return sql`${sql.raw(MARK)}${query}`;
}

/** The same mark on a statement's text, for statements assembled once (built-once.ts). */
export const deferredText = (text: string): string => MARK + text;

type QueryConfig = { text: string; values?: unknown[]; name?: string; rowMode?: string; types?: unknown };

const EMPTY = (command: string) =>
  ({ command, rowCount: 0, rows: [], fields: [], oid: 0 }) as unknown as pg.QueryResult;

/**
 * Bytes up to this size travel as a hex literal (twice their size as text); a bigger value goes as
 * a parameter of its own, one round trip more, rather than as a text several megabytes long.
 */
export const MAX_LITERAL_BYTES = 256 * 1024;

/**
 * The text with each `$n` outside quotes replaced by its value as a literal, or null when that cannot
 * be done safely: bytes over MAX_LITERAL_BYTES, or text whose quoting this scanner does not follow.
 */
export function withLiterals(text: string, values: readonly unknown[] | undefined): string | null {
  if (!values || values.length === 0) return text;
  if (text.includes("\\") || /\$[A-Za-z_]*\$/.test(text)) return null;
  const literals: string[] = [];
  for (const v of values) {
    const prepared = prepareValue(v);
    if (prepared === null) literals.push("NULL");
    // A NUL would end the statement's text early: the server refuses it as a parameter instead.
    else if (typeof prepared === "string" && !prepared.includes("\0")) literals.push(pg.escapeLiteral(prepared));
    // bytea's hex input form, which reads the same whatever standard_conforming_strings says.
    else if (Buffer.isBuffer(prepared) && prepared.length <= MAX_LITERAL_BYTES)
      literals.push(pg.escapeLiteral(`\\x${prepared.toString("hex")}`));
    else return null;
  }
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return null;
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (c === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      if (end < 0) return out + text.slice(i);
      out += text.slice(i, end);
      i = end;
    } else if (c === "$" && /[0-9]/.test(text[i + 1] ?? "")) {
      const m = /^\$(\d+)/.exec(text.slice(i))!;
      const n = Number(m[1]);
      if (n < 1 || n > literals.length) return null;
      out += literals[n - 1];
      i += m[0].length;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

interface Held {
  text: string;
  /** Set for a statement whose caller waits for its answer (holdAnswer). */
  answer?: { resolve: (r: pg.QueryResult) => void; reject: (e: unknown) => void };
}

/** A held statement's answer: asking for it before anything else was sent sends what waits now. */
export type LaterAnswer = () => Promise<pg.QueryResult>;

const holders = new WeakMap<object, (text: string) => LaterAnswer | null>();
const enders = new WeakMap<object, () => boolean>();

/**
 * The transaction's connection: drizzle keeps it on the transaction's session (a pooled connection
 * is the same object each time it is taken; on PGlite, each transaction's own client).
 */
export const connectionOf = (tx: unknown): object | undefined =>
  (tx as { session?: { client?: object } }).session?.client;

/**
 * Says the read-only transaction's next statement is its last, so its commit may travel with it;
 * false when the connection does not pipeline (PGlite) or the transaction is not read-only, and the
 * transaction ends as usual.
 */
export function endWithNextStatement(tx: unknown): boolean {
  const client = connectionOf(tx);
  return client ? (enders.get(client)?.() ?? false) : false;
}

/**
 * Holds `text` (one statement, parameters already written in) on the transaction's connection to travel
 * with its next statement, and answers once that is sent; null when the connection does not pipeline
 * (PGlite) or holds nothing yet, and the caller should run the statement itself. Only right after
 * `begin`: the connection is then certainly this transaction's. Whoever waits for the answer before
 * any next statement sends what is held at once, so waiting never blocks the transaction.
 */
export function holdAnswer(tx: unknown, text: string): LaterAnswer | null {
  const client = connectionOf(tx);
  return client ? (holders.get(client)?.(text) ?? null) : null;
}

/**
 * Makes a pooled connection hold back `begin` and deferred writes as described above. Returns what
 * to call when the connection goes back to the pool: a transaction always ends with commit or
 * rollback, which sends or drops what waits, so this only guards against a caller that did not.
 */
export function pipeline(client: pg.PoolClient): () => void {
  const send = client.query.bind(client) as (...args: unknown[]) => Promise<pg.QueryResult>;
  let held: Held[] = [];
  let readOnly = false;
  /** The next statement is the read-only transaction's last: its commit goes with it. */
  let endsWithNext = false;
  /** …and it went: the transaction is over on the server, waiting only for its caller's commit. */
  let ended = false;
  const take = () => {
    const out = held;
    held = [];
    return out;
  };
  /**
   * Sends what waited, with `last` after it when given (and `after` behind that, whose answers nobody
   * wants); each held caller gets its own answer, and the caller the answer to `last`.
   */
  const sendHeld = async (waiting: Held[], last?: QueryConfig, after: string[] = []): Promise<pg.QueryResult> => {
    const texts = waiting.map((h) => h.text);
    const config = last ? { ...last, text: [...texts, last.text, ...after].join(";\n") } : { text: texts.join(";\n") };
    try {
      const results = (await send(config)) as pg.QueryResult | pg.QueryResult[];
      const each = Array.isArray(results) ? results : [results];
      for (const [i, h] of waiting.entries()) h.answer?.resolve(each[i] ?? EMPTY("SELECT"));
      return each[each.length - 1 - after.length]!;
    } catch (err) {
      for (const h of waiting) h.answer?.reject(err);
      throw err;
    }
  };
  const drop = () => {
    for (const h of take()) h.answer?.reject(new Error("The transaction ended before this statement was sent"));
  };
  enders.set(client, () => {
    endsWithNext = readOnly;
    return readOnly;
  });
  holders.set(client, (text) => {
    if (held.length !== 1 || !/^begin\b/i.test(held[0]!.text)) return null;
    const entry: Held = { text };
    const answer = new Promise<pg.QueryResult>((resolve, reject) => {
      entry.answer = { resolve, reject };
    });
    // Nobody may ever ask (no configuration was needed); a failure is then the transaction's to report.
    answer.catch(() => undefined);
    held.push(entry);
    return () => {
      if (held.includes(entry)) sendHeld(take()).catch(() => undefined);
      return answer;
    };
  });

  const query = async (config: QueryConfig | string, values?: unknown[]): Promise<pg.QueryResult> => {
    const c: QueryConfig = typeof config === "string" ? { text: config } : config;
    const params = values ?? c.values;
    const text = c.text;
    if (ended) {
      // What the caller ends is over already: a read-only transaction has nothing to undo either.
      if (!params?.length && /^(commit|rollback)\s*$/i.test(text)) {
        ended = false;
        readOnly = false;
        return EMPTY(text.trim().toUpperCase());
      }
      throw new Error("This transaction ended with the statement it said was its last");
    }
    if (!params?.length && /^begin\b/i.test(text) && held.length === 0) {
      held.push({ text });
      readOnly = /\bread only\b/i.test(text);
      return EMPTY("BEGIN");
    }
    if (readOnly && held.length === 0 && !params?.length && /^commit\s*$/i.test(text)) {
      readOnly = false;
      // A failure here is the connection's, which the pool sees and drops; nobody waits to be told.
      send(text).catch(() => undefined);
      return EMPTY("COMMIT");
    }
    if (/^rollback\b/i.test(text) && !params?.length) {
      const reachedServer = held.length === 0 || !/^begin\b/i.test(held[0]!.text);
      drop();
      readOnly = false;
      // Nothing reached the server yet: there is nothing to roll back.
      if (!reachedServer) return EMPTY("ROLLBACK");
      return send(config, values);
    }
    if (text.startsWith(MARK) && !c.name) {
      const inline = withLiterals(text, params);
      if (inline !== null) {
        held.push({ text: inline });
        return EMPTY("INSERT");
      }
    }
    if (endsWithNext && readOnly) {
      endsWithNext = false;
      const inline = c.name ? null : withLiterals(text, params);
      if (inline !== null) {
        const { values: _v, ...rest } = c;
        // A failure skips the commit behind it: the transaction is then rolled back as usual.
        const result = await sendHeld(take(), { ...rest, text: inline }, ["commit"]);
        ended = true;
        return result;
      }
    }
    if (held.length === 0) return send(config, values);
    const inline = c.name ? null : withLiterals(text, params);
    if (inline === null) {
      await sendHeld(take());
      return send(config, values);
    }
    const { values: _v, ...rest } = c;
    return sendHeld(take(), { ...rest, text: inline });
  };

  client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
    // Callbacks, streams and other submittables are not ours to merge: what waits goes first.
    const plain =
      typeof callback !== "function" &&
      typeof values !== "function" &&
      (typeof config === "string" || (typeof config === "object" && config !== null && !("submit" in config)));
    if (plain) return query(config as QueryConfig | string, values as unknown[] | undefined);
    if (held.length === 0) return send(config, values, callback);
    const pending = sendHeld(take());
    if (typeof config === "object" && config !== null && "submit" in config) {
      // A stream (COPY) is answered through itself: send what waits first, then hand it over.
      // Its failure shows as the stream's own ("transaction aborted"), which its caller sees.
      pending.catch(() => undefined);
      return send(config, values, callback);
    }
    const cb = (typeof values === "function" ? values : callback) as (err: unknown, res?: unknown) => void;
    pending.then(
      () => send(config, typeof values === "function" ? undefined : values, cb),
      (err: unknown) => cb(err),
    );
    return undefined;
  }) as typeof client.query;
  return () => {
    drop();
    readOnly = false;
    endsWithNext = false;
    ended = false;
  };
}

/** Every connection of the pool sends `begin` and deferred writes along with the next statement. */
export function pipelinedPool(pool: pg.Pool): pg.Pool {
  const resets = new WeakMap<pg.PoolClient, () => void>();
  pool.on("connect", (client) => resets.set(client, pipeline(client)));
  pool.on("release", (_err, client) => resets.get(client)?.());
  return pool;
}
