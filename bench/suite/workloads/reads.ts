import type { SQL } from "drizzle-orm";
import { rawSummaryQueries } from "../../metrics-raw";
import { type Latency, latencyOf, timeEach } from "../stats";
import { textOf } from "../target";
import type { HttpCtx, Line, Measures, RawCtx, Workload } from "./context";

const runs = (quick: boolean) => ({ runs: quick ? 200 : 1_000, maxMs: quick ? 2_000 : 20_000 });
const OPEN = ["new", "open", "pending", "on_hold"];
const DAY = 86_400_000;

async function userId(r: RawCtx, orgId: string, email: string): Promise<string> {
  const [row] = await r.raw.query<{ id: string }>(`SELECT id FROM users WHERE org_id = $1 AND email = $2`, [
    orgId,
    email,
  ]);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}
const latencyLine = (
  workload: string,
  name: string,
  f: Measures,
  r: Measures,
  key: string,
  limit: number,
  extra?: (f: Latency) => boolean,
): Line => {
  const fp = (f[key] as Latency).p95;
  const rp = (r[key] as Latency | undefined)?.p95 ?? null;
  const p50 = { frontline: (f[key] as Latency).p50, raw: (r[key] as Latency | undefined)?.p50 ?? null };
  const ratio = rp ? fp / rp : null;
  return {
    workload,
    case: name,
    unit: "p95 ms",
    p50,
    frontline: fp,
    raw: rp,
    ratio,
    target: `≤ ${limit}× raw${extra ? " and < 50 ms" : ""}`,
    pass: ratio === null ? null : ratio <= limit && (extra ? extra(f[key] as Latency) : true),
  };
};

/** What answering "who is this session" costs the database: the session and its user, by key. */
const SESSION_LOOKUP = `SELECT s.*, u.* FROM sessions s JOIN users u ON u.org_id = s.org_id AND u.id = s.user_id
  WHERE s.token_hash = $1`;

/** 3. The agent's inbox (their open tickets) and a supervisor's "all open" view, first page of 50. */
export const inboxWorkload: Workload = {
  name: "inbox",
  async http(h) {
    const big = h.ws.data.orgs.find((o) => o.id === h.ws.data.biggestOrgId)!;
    const agent = await h.as(big.agents[0]!);
    const me = agent.userId;
    const supervisor = await h.as(big.supervisors[0] ?? big.admin);
    const status = OPEN.join(",");
    return {
      floor: latencyOf(await timeEach(() => agent.get("/api/v1/me"), runs(h.quick))),
      mine: latencyOf(
        await timeEach(() => agent.get(`/api/v1/tickets?status=${status}&assigneeId=${me}&limit=50`), runs(h.quick)),
      ),
      open: latencyOf(await timeEach(() => supervisor.get(`/api/v1/tickets?status=${status}&limit=50`), runs(h.quick))),
    };
  },
  async raw(r) {
    const orgId = r.ws.data.biggestOrgId;
    const big = r.ws.data.orgs.find((o) => o.id === orgId)!;
    const me = await userId(r, orgId, big.agents[0]!);
    // The same database work as the request: who the session is (its key lookup), then the page.
    const list = (mine: boolean) => async () => {
      await r.raw.query(SESSION_LOOKUP, ["0".repeat(64)]);
      return r.raw.query(
        `SELECT * FROM tickets WHERE org_id = $1 AND status = ANY($2::text[]) ${mine ? "AND assignee_id = $3" : ""}
         ORDER BY updated_at DESC, id DESC LIMIT 51`,
        mine ? [orgId, OPEN, me] : [orgId, OPEN],
      );
    };
    return {
      // What answering "who is this session" costs the database: the session and its user, by key.
      floor: latencyOf(await timeEach(() => r.raw.query(SESSION_LOOKUP, ["0".repeat(64)]), runs(r.quick))),
      mine: latencyOf(await timeEach(list(true), runs(r.quick))),
      open: latencyOf(await timeEach(list(false), runs(r.quick))),
    };
  },
  lines: (f, r) => [
    {
      ...latencyLine("agent inbox, first page", "floor: GET /me (session check only)", f, r, "floor", 2),
      target: "—",
      pass: null,
    },
    latencyLine("agent inbox, first page", "my open tickets (agent)", f, r, "mine", 2),
    latencyLine("agent inbox, first page", "all open (supervisor)", f, r, "open", 2),
  ],
};

const period = () => {
  const to = new Date();
  return { from: new Date(to.getTime() - 30 * DAY).toISOString(), to: to.toISOString() };
};

/** 4. The dashboard's summary for the last 30 days, in the biggest organisation and a median one. */
export const dashboardWorkload: Workload = {
  name: "dashboard",
  async http(h) {
    const out: Measures = {};
    for (const [key, orgId] of [
      ["biggest", h.ws.data.biggestOrgId],
      ["median", h.ws.data.medianOrgId],
    ] as const) {
      const org = h.ws.data.orgs.find((o) => o.id === orgId)!;
      const admin = await h.as(org.admin);
      const p = period();
      const path = `/api/v1/metrics/summary?from=${encodeURIComponent(p.from)}&to=${encodeURIComponent(p.to)}`;
      out[key] = latencyOf(await timeEach(() => admin.get(path), { ...runs(h.quick), runs: h.quick ? 40 : 300 }));
    }
    return out;
  },
  async raw(r) {
    const out: Measures = {};
    for (const [key, orgId] of [
      ["biggest", r.ws.data.biggestOrgId],
      ["median", r.ws.data.medianOrgId],
    ] as const) {
      const queries = rawSummaryQueries(orgId, period()).map((q: SQL) => textOf(q));
      out[key] = latencyOf(
        await timeEach(
          async () => {
            await r.raw.query(SESSION_LOOKUP, ["0".repeat(64)]);
            await r.raw.tx(async (q) => {
              for (const [text, params] of queries) await q(text, params);
            });
          },
          { ...runs(r.quick), runs: r.quick ? 40 : 300 },
        ),
      );
    }
    return out;
  },
  lines: (f, r) => [
    latencyLine("dashboard summary, 30 days", "biggest organisation", f, r, "biggest", 1.5),
    latencyLine("dashboard summary, 30 days", "median organisation", f, r, "median", 1.5),
  ],
};

// The same words in any of the five languages, as the tickets module asks (ticket-search.ts).
const TSQUERY = `(websearch_to_tsquery('simple', $2) || websearch_to_tsquery('english', $2)
  || websearch_to_tsquery('romanian', $2) || websearch_to_tsquery('german', $2)
  || websearch_to_tsquery('russian', $2) || websearch_to_tsquery('arabic', $2))`;
const CONFIG_OF = `(CASE t.language WHEN 'en' THEN 'english' WHEN 'ro' THEN 'romanian' WHEN 'de' THEN 'german'
  WHEN 'ru' THEN 'russian' WHEN 'ar' THEN 'arabic' ELSE 'simple' END)::regconfig`;
const termsOf = (h: { ws: HttpCtx["ws"] }) => {
  const t = h.ws.data.searchTerms.en ?? Object.values(h.ws.data.searchTerms)[0]!;
  return { rare: t.rare, common: t.common, pair: t.pair.join(" ") };
};

/** 5. Full-text search of the biggest organisation's tickets: a rare word, a common word, two words. */
export const searchWorkload: Workload = {
  name: "search",
  async http(h) {
    const big = h.ws.data.orgs.find((o) => o.id === h.ws.data.biggestOrgId)!;
    const agent = await h.as(big.agents[0]!);
    const out: Measures = {};
    for (const [key, q] of Object.entries(termsOf(h))) {
      out[key] = latencyOf(
        await timeEach(() => agent.get(`/api/v1/search?q=${encodeURIComponent(q)}&type=ticket`), runs(h.quick)),
      );
    }
    return out;
  },
  async raw(r) {
    const orgId = r.ws.data.biggestOrgId;
    const out: Measures = {};
    for (const [key, q] of Object.entries(termsOf(r))) {
      out[key] = latencyOf(
        await timeEach(
          () =>
            r.raw.query(
              // The page a client sees: the best 20 with their highlighted snippet, chosen from the
              // matches before their tickets are read, as the search does.
              `WITH q AS (SELECT ${TSQUERY} AS query),
               best AS (SELECT ts.ticket_id, ts_rank(ts.tsv, q.query) AS rank, ts.updated_at
                 FROM ticket_search ts CROSS JOIN q WHERE ts.org_id = $1 AND ts.tsv @@ q.query
                 ORDER BY rank DESC, ts.updated_at DESC, ts.ticket_id LIMIT 20)
               SELECT t.id, t.number, t.subject, b.rank,
                 ts_headline('simple', t.subject || ' — ' || left(coalesce(
                   (SELECT m.body_text FROM messages m WHERE m.org_id = t.org_id AND m.ticket_id = t.id
                     AND (to_tsvector(${CONFIG_OF}, m.body_text) || to_tsvector('simple', m.body_text)) @@ q.query
                     ORDER BY m.created_at DESC LIMIT 1), ''), 20000), q.query,
                   'StartSel=<, StopSel=>, MaxFragments=2, MaxWords=18, MinWords=6') AS snippet
               FROM best b CROSS JOIN q JOIN tickets t ON t.org_id = $1 AND t.id = b.ticket_id
               ORDER BY b.rank DESC, b.updated_at DESC, b.ticket_id`,
              [orgId, q],
            ),
          runs(r.quick),
        ),
      );
    }
    return out;
  },
  lines: (f, r) => [
    latencyLine("search (tickets)", "rare word", f, r, "rare", 2),
    latencyLine("search (tickets)", "common word", f, r, "common", 2, (l) => l.p95 < 50),
    latencyLine("search (tickets)", "two words", f, r, "pair", 2),
  ],
};
