import { findOrganizations } from "../../modules/orgs";
import { loadConfig } from "../../platform/config";
import type { Deps } from "../../platform/context";
import type { Database } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { createLogger } from "../../platform/logger";
import { hashPassword } from "../../platform/passwords";
import { LANGUAGES, type Language } from "./bank";
import { type BulkSession, canSkipChecks, inBulkSession } from "./copy";
import { copyCustomers } from "./customers";
import { dropSecondaryIndexes, rebuildIndexes } from "./indexes";
import { planOrgs } from "./plan";
import { Rng } from "./random";
import { TicketTables } from "./rows";
import { Arrivals, HOUR, SPAN_HOURS } from "./season";
import { copyStaff, createOrgThroughServices } from "./staff";
import { BANKS, productWord, VOCABULARY, Writer } from "./text";
import { makeTicket } from "./tickets";

export interface GenerateOptions {
  tickets: number;
  /** Same seed and size (and `now`), same rows. Default 1. */
  seed?: number;
  /** How many organisations share the tickets. Default 20. */
  orgs?: number;
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
  /** Told apart from another generation in the same database by this, in names and addresses. Default "S<seed>". */
  label?: string;
  /** The end of the two years of history. Default: now, to the minute. */
  now?: Date;
  /** Tickets per transaction. Default 5,000. */
  chunk?: number;
  /**
   * Drop the loaded tables' secondary indexes first and build them at the end. Default: when the
   * load is large (10,000 tickets or more) and bigger than what the tables already hold.
   */
  deferIndexes?: boolean;
}

export interface GeneratedOrg {
  id: string;
  slug: string;
  name: string;
  tickets: number;
  /** Emails. */
  admin: string;
  supervisors: string[];
  agents: string[];
}

export interface SearchTerms {
  rare: string;
  common: string;
  pair: [string, string];
}

export interface GeneratedWorkspace {
  /** Every generated staff user's password. */
  password: string;
  orgs: GeneratedOrg[];
  biggestOrgId: string;
  medianOrgId: string;
  /** Words of the biggest organisation's tickets, per language: in few tickets, in many, and two together. */
  searchTerms: Record<Language, SearchTerms>;
}

export const BULK_PASSWORD = "frontline-bench";

/** Fills the database with organisations, staff, customers and tickets with their whole history. */
export async function generate(database: Database, opts: GenerateOptions): Promise<GeneratedWorkspace> {
  const deps: Deps = {
    database,
    config: loadConfig({ LOG_LEVEL: "silent" }),
    log: createLogger("silent"),
    secrets: null,
  };
  const seed = opts.seed ?? 1;
  const orgCount = Math.max(1, Math.min(opts.orgs ?? 20, opts.tickets));
  const chunk = opts.chunk ?? 5_000;
  const now = Math.floor((opts.now?.getTime() ?? Date.now()) / 60_000) * 60_000;
  const startMs = now - SPAN_HOURS * HOUR;
  const plans = planOrgs(opts.tickets, orgCount, opts.label ?? `S${seed}`);
  if ((await findOrganizations(database, plans[0]!.name)).length > 0) {
    throw new AppError("conflict", `"${plans[0]!.name}" already exists: choose another seed or label`);
  }
  const progress = opts.onProgress ?? (() => {});
  const passwordHash = await hashPassword(BULK_PASSWORD);
  const counts = Object.fromEntries(LANGUAGES.map((l) => [l, new Uint32Array(VOCABULARY)])) as Record<
    Language,
    Uint32Array
  >;
  const orgs: GeneratedOrg[] = [];
  const trusted = await canSkipChecks(database);
  const deferred =
    (opts.deferIndexes ?? (await worthDeferring(database, opts.tickets))) ? await dropSecondaryIndexes(database) : [];
  try {
    let ticketsDone = 0;
    progress({ phase: "tickets", done: 0, total: opts.tickets });
    const loader = new ChunkLoader(database, trusted, (n) => {
      ticketsDone += n;
      progress({ phase: "tickets", done: ticketsDone, total: opts.tickets });
    });
    for (const plan of plans) {
      const rng = new Rng(seed, plan.rank + 1);
      const org = await createOrgThroughServices(deps, plan, BULK_PASSWORD);
      const staff = await inBulkSession(
        database,
        org.orgId,
        (s) => copyStaff(s, rng, plan, org, passwordHash, startMs, now),
        { trusted },
      );
      const customers = await inBulkSession(
        database,
        org.orgId,
        (s) => copyCustomers(s, rng, org.orgId, plan, startMs),
        { trusted },
      );
      const track = plan.rank === 0 ? (l: Language, rank: number) => void counts[l][rank]!++ : () => {};
      const ctx = {
        rng,
        orgId: org.orgId,
        staff,
        customers,
        writer: new Writer(rng, track),
        now,
        out: new TicketTables(),
      };
      const arrivals = new Arrivals(startMs, plan.offsetHours, Arrivals.spikesFor(rng));
      let number = 0;
      for (const { hour, count } of arrivals.hours(plan.tickets)) {
        const offsets = Array.from({ length: count }, () => rng.int(HOUR)).sort((a, b) => a - b);
        const spike = arrivals.spikeOf[hour]! >= 0 ? arrivals.spikes[arrivals.spikeOf[hour]!]!.kind : null;
        for (const offset of offsets) {
          const fromSpike = spike !== null && rng.next() < arrivals.spikeShare[hour]! ? spike : null;
          makeTicket(ctx, ++number, startMs + hour * HOUR + offset, fromSpike);
          // Let the connections send what is queued while tickets are being made.
          if (number % 250 === 0) await new Promise(setImmediate);
          if (ctx.out.count >= chunk) {
            await loader.load(org.orgId, ctx.out);
            ctx.out = new TicketTables();
          }
        }
      }
      await loader.load(org.orgId, ctx.out);
      await loader.drain();
      await inBulkSession(database, org.orgId, (s) =>
        s.exec(
          "INSERT INTO ticket_counters (org_id, next) VALUES ($1, $2) ON CONFLICT (org_id) DO UPDATE SET next = excluded.next",
          [org.orgId, plan.tickets + 1],
        ),
      );
      orgs.push({
        id: org.orgId,
        slug: plan.slug,
        name: plan.name,
        tickets: plan.tickets,
        admin: org.admin,
        supervisors: staff.supervisors.map((p) => p.email),
        agents: staff.agents.map((p) => p.email),
      });
    }
  } finally {
    if (deferred.length) {
      progress({ phase: "indexes", done: 0, total: deferred.length });
      await rebuildIndexes(database, deferred, (done) => progress({ phase: "indexes", done, total: deferred.length }));
    }
  }
  progress({ phase: "analyze", done: 0, total: 1 });
  await inBulkSession(database, null, (s) => s.exec("ANALYZE"));
  progress({ phase: "analyze", done: 1, total: 1 });
  const bySize = [...orgs].sort((a, b) => b.tickets - a.tickets);
  return {
    password: BULK_PASSWORD,
    orgs,
    biggestOrgId: bySize[0]!.id,
    medianOrgId: bySize[Math.floor(bySize.length / 2)]!.id,
    searchTerms: Object.fromEntries(LANGUAGES.map((l) => [l, termsOf(l, counts[l])])) as Record<Language, SearchTerms>,
  };
}

/** The most used product name, the least used one that appears at all, and the first with a kind of product. */
function termsOf(language: Language, counts: Uint32Array): SearchTerms {
  let common = 0;
  let rare = -1;
  for (let r = 0; r < counts.length; r++) {
    if (counts[r]! > counts[common]!) common = r;
    if (counts[r]! > 0 && (rare < 0 || counts[r]! <= counts[rare]!)) rare = r;
  }
  const word = (r: number) => productWord(language, r).toLowerCase();
  return {
    rare: word(Math.max(0, rare)),
    common: word(common),
    pair: [word(common), BANKS[language].kinds[0]!.toLowerCase()],
  };
}

/** Deferring pays when the load is large and outweighs the rows already there (the planner's estimate). */
async function worthDeferring(database: Database, tickets: number): Promise<boolean> {
  if (tickets < 10_000) return false;
  const [row] = await inBulkSession(database, null, (s) =>
    s.query<{ n: number }>("SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE relname = 'tickets'"),
  );
  return Number(row?.n ?? 0) < tickets;
}

/**
 * Copies chunks of tickets, two at a time: while the database turns one chunk's text into search
 * documents, the next chunk is being generated and sent on the other connection.
 */
class ChunkLoader {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;

  constructor(
    private readonly database: Database,
    private readonly trusted: boolean,
    private readonly loaded: (tickets: number) => void,
  ) {}

  async load(orgId: string, out: TicketTables): Promise<void> {
    if (out.count === 0) return;
    const n = out.count;
    const job = inBulkSession(this.database, orgId, (s) => copyChunk(s, orgId, out), { trusted: this.trusted })
      .then(() => this.loaded(n))
      .catch((err) => {
        this.failure ??= err;
      })
      .finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
    if (this.inFlight.size >= 2) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
  }

  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }
}

async function copyChunk(s: BulkSession, orgId: string, out: TicketTables): Promise<void> {
  await s.exec(`CREATE TEMP TABLE bulk_search (ticket_id uuid, config regconfig, subject text, body text,
    updated_at timestamptz) ON COMMIT DROP`);
  for (const rows of out.all()) await s.copy(rows);
  // The same document the search module keeps (refreshTicketSearch), made in one statement.
  await s.exec(
    `INSERT INTO ticket_search (org_id, ticket_id, tsv, updated_at)
     SELECT $1, ticket_id,
       setweight(to_tsvector(config, subject), 'A') || setweight(to_tsvector('simple', subject), 'A')
       || setweight(to_tsvector(config, left(body, 300000)), 'B')
       || setweight(to_tsvector('simple', left(body, 300000)), 'B'),
       updated_at
     FROM bulk_search`,
    [orgId],
  );
}
