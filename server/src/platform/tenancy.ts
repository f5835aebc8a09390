import { sql } from "drizzle-orm";
import pg from "pg";
import { type Database, rowsOf, type Tx } from "./db";
import { endWithNextStatement, holdAnswer } from "./pipelined-client";

/** A transaction bound to one organisation: every query in it is scoped by `orgId`, and RLS agrees. */
export interface OrgTx {
  readonly tx: Tx;
  readonly orgId: string;
  /**
   * The organisation's configuration version as this transaction first saw it (org-config.ts);
   * undefined where it could not be read, which only means nothing is cached. On a PostgreSQL
   * server it arrives with the transaction's first statement, and is waited for only when asked (decision 034).
   */
  readonly configVersion: () => Promise<number | undefined>;
}

const versionOf = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));

/** Sets the transaction's tenant and reads its configuration version, in one round trip or none. */
async function enterOrg(tx: Tx, orgId: string): Promise<OrgTx> {
  // Travels with the first statement the caller runs: the tenant is set before it, in the same message.
  const later = holdAnswer(tx, `SELECT frontline_enter_org(${pg.escapeLiteral(orgId)}::uuid) AS v`);
  if (later) {
    // Read only when configuration is asked for: by then it has usually travelled with a statement.
    let version: Promise<number | undefined> | undefined;
    const configVersion = () =>
      (version ??= later().then(
        // One column, whether the statement it travelled with asked for rows as arrays or as objects.
        (r) => versionOf(Object.values((r.rows[0] ?? {}) as object)[0]),
        () => undefined, // the transaction fails with the statement it travelled with
      ));
    return { tx, orgId, configVersion };
  }
  const [row] = rowsOf<{ v: string | number | null }>(
    await tx.execute(sql`SELECT frontline_enter_org(${orgId}::uuid) AS v`),
  );
  const version = Promise.resolve(versionOf(row?.v));
  return { tx, orgId, configVersion: () => version };
}

/**
 * Runs `fn` in a transaction whose tenant setting is `orgId`.
 * The setting is transaction-local so it can never leak into another request on a shared connection.
 */
export async function inOrg<T>(database: Database, orgId: string, fn: (s: OrgTx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => fn(await enterOrg(tx, orgId)));
}

/**
 * Like inOrg, for a request that only reads: the database refuses any write in it, and on the
 * PostgreSQL server its caller does not wait for the commit (decision 032).
 */
export async function inOrgReadOnly<T>(database: Database, orgId: string, fn: (s: OrgTx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => fn(await enterOrg(tx, orgId)), { accessMode: "read only" });
}

/**
 * Like inOrgReadOnly, for a read of exactly one statement (a page of tickets): on the PostgreSQL
 * server the commit travels behind it in the same message, one write and one wake-up fewer per read.
 * A second statement in `fn` fails loudly, so a read that grows one is caught by its tests.
 */
export async function inOrgReadOne<T>(database: Database, orgId: string, fn: (s: OrgTx) => Promise<T>): Promise<T> {
  return database.db.transaction(
    async (tx) => {
      const s = await enterOrg(tx, orgId);
      endWithNextStatement(tx);
      return fn(s);
    },
    { accessMode: "read only" },
  );
}

/**
 * Like inOrg, for reports: on the replica when there is one, and read-only either way, so a report can
 * never write and behaves the same with and without a replica. Its data may lag the primary slightly.
 */
export async function inOrgForReports<T>(database: Database, orgId: string, fn: (s: OrgTx) => Promise<T>): Promise<T> {
  return database.reports.transaction(async (tx) => fn(await enterOrg(tx, orgId)), { accessMode: "read only" });
}

/** Secrets that let a query find its row before the tenant is known (see the lookup policies). */
export interface LookupKeys {
  loginEmail?: string;
  sessionHash?: string;
  apiTokenHash?: string;
  /** Operators (CLI) name an organisation; the web never looks one up by name. */
  organizationName?: string;
  /** Mail names its organisation by the support address it was sent to. */
  supportAddress?: string;
  /** The customer portal names its organisation by the slug in its address. */
  organizationSlug?: string;
  /** A satisfaction survey's link carries only its token, whose hash finds the survey. */
  surveyTokenHash?: string;
}

/**
 * Runs `fn` in a transaction that may read only the rows matching the given secret
 * (a user by email at sign-in, a session or token by its hash): the one way to cross tenants.
 */
export async function inLookup<T>(database: Database, keys: LookupKeys, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('app.login_email', ${keys.loginEmail ?? ""}, true),
      set_config('app.session_hash', ${keys.sessionHash ?? ""}, true),
      set_config('app.api_token_hash', ${keys.apiTokenHash ?? ""}, true),
      set_config('app.org_name', ${keys.organizationName ?? ""}, true),
      set_config('app.support_address', ${keys.supportAddress?.toLowerCase() ?? ""}, true),
      set_config('app.org_slug', ${keys.organizationSlug ?? ""}, true),
      set_config('app.survey_token_hash', ${keys.surveyTokenHash ?? ""}, true)`);
    return fn(tx);
  });
}
