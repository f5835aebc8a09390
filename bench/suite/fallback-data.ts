import { sql } from "drizzle-orm";
import { createOrganization } from "../../server/src/modules/orgs";
import { createTeam, createUser } from "../../server/src/modules/staff";
import { loadConfig } from "../../server/src/platform/config";
import { systemCtx } from "../../server/src/platform/context";
import type { Database } from "../../server/src/platform/db";
import { createLogger } from "../../server/src/platform/logger";
import { inOrg } from "../../server/src/platform/tenancy";
import { type GeneratedWorkspace, PASSWORD } from "./workspace";

// The suite's own small loader, used only when bench/generate is not there: ten organisations (one
// with 40% of the tickets), tickets over a year with one to three messages in five languages, their
// search documents, and the facts the dashboard reads (as bench/metrics.ts makes them). Plain SQL
// in batches, so 100,000 tickets load in about a minute.

const WEIGHTS = [40, 15, 10, 8, 7, 6, 5, 4, 3, 2];
const DAY = 86_400_000;
const BATCH = 20_000;
const LANGS = ["en", "ro", "de", "ru", "ar"] as const;
const WORDS: Record<(typeof LANGS)[number], string[]> = {
  en: "order delivery late refund account password invoice payment parcel broken help please thanks when where arrived still waiting customer service number charged twice cancel address shipping week yesterday today email problem working again".split(
    " ",
  ),
  ro: "comanda livrare întârziere rambursare cont parola factura plata colet stricat ajutor vă rog mulțumesc când unde sosit încă aștept client serviciu număr taxat anulare adresa".split(
    " ",
  ),
  de: "bestellung lieferung verspätet erstattung konto passwort rechnung zahlung paket kaputt hilfe bitte danke wann wo angekommen immer noch warten kunde service nummer storniert adresse".split(
    " ",
  ),
  ru: "заказ доставка опоздание возврат аккаунт пароль счет оплата посылка сломан помощь пожалуйста спасибо когда где прибыл все еще жду клиент сервис номер отмена адрес".split(
    " ",
  ),
  ar: "طلب توصيل تأخير استرداد حساب كلمة فاتورة دفع طرد مكسور مساعدة من فضلك شكرا متى أين وصل لا يزال انتظار عميل خدمة رقم إلغاء عنوان".split(
    " ",
  ),
};
const RARE: Record<(typeof LANGS)[number], string> = {
  en: "zephyrine",
  ro: "zefirină",
  de: "zephyrinstein",
  ru: "зефирина",
  ar: "زفيرين",
};
const pgArray = (xs: readonly string[]) => `{${xs.map((x) => `"${x}"`).join(",")}}`;

/** Loads the data the read workloads need; same interface as bench/generate's `generate`. */
export async function loadFallback(
  database: Database,
  opts: { tickets: number; onProgress?(p: { phase: string; done: number; total: number }): void },
): Promise<GeneratedWorkspace> {
  const config = loadConfig({ LOG_LEVEL: "silent" });
  const deps = { config, log: createLogger("silent"), database, secrets: null };
  const stamp = Date.now().toString(36);
  const now = Date.now();
  const total = WEIGHTS.reduce((a, b) => a + b, 0);
  const orgs: GeneratedWorkspace["orgs"] = [];
  let done = 0;
  for (const [o, weight] of WEIGHTS.entries()) {
    const count = Math.max(100, Math.round((opts.tickets * weight) / total));
    const name = `Bench ${o + 1} ${stamp}`;
    const orgId = await createOrganization(deps, { name });
    const sys = systemCtx(deps, orgId);
    const person = async (role: "admin" | "supervisor" | "agent", n: string) => {
      const email = `${n}-${o + 1}-${stamp}@bench.test`;
      const u = await createUser(sys, {
        email,
        name: `${n} ${o + 1}`,
        role,
        password: PASSWORD,
        locale: "en",
        timeZone: "UTC",
        teamIds: [],
      });
      return { id: u.id, email };
    };
    const admin = await person("admin", "admin");
    const supervisor = await person("supervisor", "supervisor");
    const agents = [await person("agent", "agent0"), await person("agent", "agent1"), await person("agent", "agent2")];
    const team = await createTeam(sys, { name: "Desk", description: "", memberIds: agents.map((a) => a.id) });
    const staff = `{${agents.map((a) => a.id).join(",")}}`;
    const customers = Math.max(50, Math.floor(count / 5));
    await inOrg(database, orgId, (s) =>
      s.tx.execute(sql`INSERT INTO customers (org_id, id, name, email, created_at, updated_at)
        SELECT ${orgId}, gen_random_uuid(), 'Customer ' || g, 'c' || g || '-' || ${stamp} || '@bench.test', now(), now()
        FROM generate_series(1, ${customers}::int) g`),
    );
    const recent = sql`${new Date(now - 14 * DAY).toISOString()}::timestamptz`;
    for (let from = 0; from < count; from += BATCH) {
      const to = Math.min(count, from + BATCH);
      await inOrg(database, orgId, async (s) => {
        await s.tx.execute(
          sql`CREATE TEMP TABLE IF NOT EXISTS bench_batch (id uuid, n int, created timestamptz, lang text) ON COMMIT DROP`,
        );
        await s.tx.execute(sql`INSERT INTO bench_batch
          SELECT gen_random_uuid(), g,
            to_timestamp(${(now - 365 * DAY) / 1000}::float8 + g::float8 / ${count}::float8 * ${365 * 86400}::float8 + random() * 600),
            (${pgArray(LANGS)}::text[])[1 + (g / 7) % 5]
          FROM generate_series(${from + 1}::int, ${to}::int) g`);
        await s.tx.execute(sql`WITH c AS (SELECT array_agg(id) AS ids FROM customers WHERE org_id = ${orgId})
          INSERT INTO tickets (org_id, id, number, subject, status, priority, channel, requester_id, assignee_id, team_id,
            tags, language, created_at, updated_at, last_message_at)
          SELECT ${orgId}, b.id, b.n, 'Ticket ' || b.n,
            CASE WHEN b.created < ${recent} THEN (CASE WHEN b.n % 10 IN (4, 5) THEN 'closed' ELSE 'solved' END)
              ELSE (ARRAY['solved','solved','closed','open','open','pending','new','new','on_hold','solved'])[1 + b.n % 10] END,
            (ARRAY['low','normal','normal','normal','high','urgent'])[1 + (b.n / 7) % 6],
            (ARRAY['email','email','web','portal','chat','phone','api'])[1 + (b.n / 3) % 7],
            c.ids[1 + b.n % ${customers}],
            (${staff}::uuid[])[1 + b.n % 3], ${team.id},
            CASE WHEN b.n % 4 = 0 THEN '{}'::text[]
              ELSE ARRAY[(ARRAY['refund','delivery','login','billing','damaged','late','cancel','invoice'])[1 + (b.n / 11) % 8]] END,
            b.lang, b.created, b.created + interval '2 hours', b.created + interval '2 hours'
          FROM bench_batch b, c`);
        // One to three messages each, of 20 to 40 words of the ticket's language; one ticket in 2,000 has a rare word.
        for (const lang of LANGS) {
          await s.tx.execute(sql`INSERT INTO messages (org_id, id, ticket_id, kind, channel, author_type, author_customer_id,
              author_user_id, body_text, created_at)
            SELECT ${orgId}, gen_random_uuid(), b.id, 'inbound', 'email', CASE WHEN k = 2 THEN 'user' ELSE 'customer' END,
              CASE WHEN k = 2 THEN NULL ELSE t.requester_id END, CASE WHEN k = 2 THEN t.assignee_id ELSE NULL END,
              array_to_string(ARRAY(SELECT (${pgArray(WORDS[lang])}::text[])[1 + floor(random() * ${WORDS[lang].length})::int]
                FROM generate_series(1, 20 + (b.n + k) % 21)), ' ')
                || CASE WHEN b.n % 2000 = 7 AND k = 1 THEN ${` ${RARE[lang]}`} ELSE '' END,
              b.created + make_interval(mins => k * 30)
            FROM bench_batch b JOIN tickets t ON t.org_id = ${orgId} AND t.id = b.id
            CROSS JOIN generate_series(1, 1 + b.n % 3) k
            WHERE b.lang = ${lang}`);
        }
        // The search documents, built as the tickets module builds them (ticket-search.ts).
        await s.tx.execute(sql`INSERT INTO ticket_search (org_id, ticket_id, tsv, updated_at)
          SELECT t.org_id, t.id,
            setweight(to_tsvector(c.cfg, t.subject), 'A') || setweight(to_tsvector('simple', t.subject), 'A')
              || setweight(to_tsvector(c.cfg, coalesce(m.body, '')), 'B') || setweight(to_tsvector('simple', coalesce(m.body, '')), 'B'),
            now()
          FROM bench_batch b JOIN tickets t ON t.org_id = ${orgId} AND t.id = b.id
          CROSS JOIN LATERAL (SELECT (CASE t.language WHEN 'en' THEN 'english' WHEN 'ro' THEN 'romanian' WHEN 'de' THEN 'german'
            WHEN 'ru' THEN 'russian' WHEN 'ar' THEN 'arabic' ELSE 'simple' END)::regconfig AS cfg) c
          LEFT JOIN LATERAL (SELECT string_agg(body_text, ' ' ORDER BY created_at) AS body FROM messages
            WHERE messages.org_id = t.org_id AND messages.ticket_id = t.id) m ON true`);
        await metricFacts(s, orgId, staff, recent);
      });
      done += to - from;
      opts.onProgress?.({ phase: "tickets", done, total: opts.tickets });
    }
    orgs.push({
      id: orgId,
      slug: "",
      name,
      tickets: count,
      admin: admin.email,
      supervisors: [supervisor.email],
      agents: agents.map((a) => a.email),
    });
  }
  await database.db.execute(sql`ANALYZE`).catch(() => undefined);
  const terms = Object.fromEntries(
    LANGS.map((l) => [
      l,
      { rare: RARE[l], common: WORDS[l][0]!, pair: [WORDS[l][0]!, WORDS[l][1]!] as [string, string] },
    ]),
  );
  return {
    password: PASSWORD,
    orgs,
    biggestOrgId: orgs[0]!.id,
    medianOrgId: orgs[Math.floor(orgs.length / 2)]!.id,
    searchTerms: terms,
  };
}

/** The dashboard's facts of the batch, in bench/metrics.ts's proportions. */
async function metricFacts(
  s: Parameters<Parameters<typeof inOrg>[2]>[0],
  orgId: string,
  staff: string,
  recent: ReturnType<typeof sql>,
) {
  await s.tx.execute(sql`INSERT INTO metric_replies (org_id, message_id, ticket_id, agent_id, kind, at, calendar_seconds, business_seconds)
    SELECT ${orgId}, gen_random_uuid(), b.id, (${staff}::uuid[])[1 + b.n % 3], k.kind,
      b.created + make_interval(secs => k.wait + k.later), k.wait, (k.wait * 0.6)::int
    FROM bench_batch b
    CROSS JOIN LATERAL (VALUES ('first', (60 + random() * 14400)::int, 0), ('next', (60 + random() * 28800)::int, 20000)) AS k(kind, wait, later)
    WHERE b.n % 10 <> 8 AND (k.kind = 'first' OR b.n % 2 = 0)`);
  await s.tx.execute(sql`INSERT INTO metric_ticket_events (org_id, id, ticket_id, kind, at, agent_id, calendar_seconds, business_seconds, replies)
    SELECT ${orgId}, gen_random_uuid(), b.id, 'solved', b.created + make_interval(secs => w.spent),
      (${staff}::uuid[])[1 + b.n % 3], w.spent, (w.spent * 0.5)::int, 1 + (b.n + 1) % 2
    FROM bench_batch b CROSS JOIN LATERAL (SELECT (3600 + random() * 172800)::int AS spent) w
    WHERE b.created < ${recent} OR (b.n % 10) IN (0, 1, 2, 9)`);
  await s.tx.execute(sql`INSERT INTO metric_ticket_events (org_id, id, ticket_id, kind, at, agent_id)
    SELECT ${orgId}, gen_random_uuid(), b.id, 'reopened', b.created + interval '3 days', NULL FROM bench_batch b WHERE b.n % 20 = 0`);
  await s.tx.execute(sql`INSERT INTO sla_events (org_id, id, ticket_id, target, kind, at)
    SELECT ${orgId}, gen_random_uuid(), b.id, t.target, CASE WHEN random() < 0.85 THEN 'met' ELSE 'breached' END, b.created + interval '2 hours'
    FROM bench_batch b CROSS JOIN (VALUES ('firstReply'), ('resolution')) AS t(target) WHERE b.n % 3 <> 0`);
  await s.tx.execute(sql`INSERT INTO escalations (org_id, id, ticket_id, type, reason, level, status, created_at, taken_at, resolved_at)
    SELECT ${orgId}, gen_random_uuid(), b.id, 'agent', 'angry_customer', 1, 'resolved', b.created + interval '1 hour',
      b.created + interval '90 minutes', b.created + interval '5 hours'
    FROM bench_batch b WHERE b.n % 33 = 0`);
}
