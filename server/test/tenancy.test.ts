import { type Role, roleAtLeast } from "@frontline/common";
import { type SQL, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/platform/db";
import { pgErrorCode } from "../src/platform/db-errors";
import { inOrg } from "../src/platform/tenancy";
import { Client, type Reply } from "./client";
import { makeOrg, TEST_PASSWORD, uniqueEmail } from "./factories";
import { testApp } from "./harness";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

/** Runs a read-only query outside any tenant; the catalogue is readable by every role. */
async function query<T>(statement: SQL): Promise<T[]> {
  return rowsOf<T>(await h.deps.database.db.execute(statement));
}

/** Tables of schema public with an org_id column. */
const TENANT_TABLES = sql`
  SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND EXISTS (
    SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped)`;

async function tenantTables(): Promise<string[]> {
  const rows = await query<{ relname: string }>(sql`SELECT relname FROM (${TENANT_TABLES}) t ORDER BY relname`);
  return rows.map((r) => r.relname);
}

/** The error a promise rejects with, or null when it resolves. */
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: unknown) => err,
  );

describe("the catalogue: every tenant table is keyed and guarded by org_id", () => {
  it("knows the tenant tables, and every table in public starts with org_id", async () => {
    expect(await tenantTables()).toEqual(
      expect.arrayContaining([
        "api_tokens",
        "audit_events",
        "business_calendars",
        "calendar_customer_regions",
        "companies",
        "custom_field_defs",
        "customer_identities",
        "customers",
        "idempotency_keys",
        "messages",
        "notifications",
        "organizations",
        "routing_agent_skills",
        "routing_agents",
        "routing_skills",
        "routing_teams",
        "routing_ticket_requirements",
        "routing_ticket_skills",
        "sessions",
        "survey_requests",
        "survey_responses",
        "survey_settings",
        "team_members",
        "team_calendars",
        "teams",
        "ticket_counters",
        "tickets",
        "users",
      ]),
    );
    const offenders = await query<{ relname: string }>(sql`
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT EXISTS (
        SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = 1 AND a.attname = 'org_id')`);
    expect(
      offenders.map((r) => r.relname),
      "tables whose first column is not org_id",
    ).toEqual([]);
  });

  it("keeps every table outside public to the platform's own counters: named here, no org_id, no reference", async () => {
    // Rate-limit counters are the service's bookkeeping (keys such as an address), not a tenant's data;
    // a tenant table must not escape the checks below by living in another schema.
    const elsewhere = await query<{ name: string }>(sql`
      SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('public', 'information_schema', 'drizzle')
        AND n.nspname NOT LIKE 'pg\_%'
      ORDER BY 1`);
    expect(elsewhere.map((r) => r.name)).toEqual(["platform.rate_buckets", "platform.rate_windows"]);
    const tied = await query<{ name: string }>(sql`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'platform' AND (
        EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped)
        OR EXISTS (SELECT 1 FROM pg_constraint con WHERE con.contype = 'f' AND (con.conrelid = c.oid OR con.confrelid = c.oid)))`);
    expect(tied, "platform tables with an org_id column or a foreign key").toEqual([]);
  });

  it("has row-level security enabled and forced on every tenant table", async () => {
    const offenders = await query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(sql`
      SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
      WHERE c.oid IN (SELECT oid FROM (${TENANT_TABLES}) t) AND NOT (c.relrowsecurity AND c.relforcerowsecurity)`);
    expect(offenders, "tables without ENABLE and FORCE ROW LEVEL SECURITY").toEqual([]);
  });

  it("has a policy WITH CHECK on org_id for writes on every tenant table, and no write policy without one", async () => {
    const unguarded = await query<{ relname: string }>(sql`
      SELECT t.relname FROM (${TENANT_TABLES}) t WHERE NOT EXISTS (
        SELECT 1 FROM pg_policy p WHERE p.polrelid = t.oid AND p.polcmd = '*' AND p.polwithcheck IS NOT NULL
          AND pg_get_expr(p.polwithcheck, p.polrelid) ~ 'org_id = (frontline_current_org\(\)|.*app\.org_id)')`);
    expect(
      unguarded.map((r) => r.relname),
      "tables without a WITH CHECK policy on org_id",
    ).toEqual([]);
    const loose = await query<{ relname: string; polname: string }>(sql`
      SELECT t.relname, p.polname FROM (${TENANT_TABLES}) t JOIN pg_policy p ON p.polrelid = t.oid
      WHERE p.polcmd IN ('*', 'a', 'w')
        AND coalesce(pg_get_expr(p.polwithcheck, p.polrelid), pg_get_expr(p.polqual, p.polrelid), '') NOT LIKE '%org_id%'`);
    expect(loose, "write policies whose check does not pin org_id").toEqual([]);
  });

  it("starts every primary key and unique index with org_id", async () => {
    const offenders = await query<{ relname: string; index: string }>(sql`
      SELECT t.relname, i.relname AS index FROM (${TENANT_TABLES}) t
      JOIN pg_index x ON x.indrelid = t.oid JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indisunique AND x.indkey[0] IS DISTINCT FROM (
        SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'org_id')`);
    // The tenant root's public address (the portal's slug) is unique across tenants by nature; the
    // organisations table is the one table every shard keeps whole.
    expect(offenders, "unique indexes not led by org_id").toEqual([
      { relname: "organizations", index: "organizations_slug_key" },
    ]);
    const checked = await query<{ index: string }>(sql`
      SELECT i.relname AS index FROM (${TENANT_TABLES}) t
      JOIN pg_index x ON x.indrelid = t.oid JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indisunique`);
    expect(checked.map((r) => r.index)).toEqual(
      expect.arrayContaining([
        "users_org_email_key",
        "teams_org_name_key",
        "companies_org_name_key",
        "customer_identities_org_channel_value",
        "custom_field_defs_org_entity_key",
        "notifications_org_message_user_key",
        "business_calendars_org_name_key",
        "business_calendars_org_default_key",
        "routing_skills_org_name_key",
        "escalation_reasons_org_code_key",
        "escalation_links_org_token_key",
        "survey_requests_org_ticket_key",
        "survey_requests_org_token_key",
      ]),
    );
  });

  it("makes every foreign key carry org_id to the referenced table's org_id", async () => {
    const offenders = await query<{ relname: string; conname: string }>(sql`
      SELECT t.relname, con.conname FROM (${TENANT_TABLES}) t JOIN pg_constraint con ON con.conrelid = t.oid
      WHERE con.contype = 'f' AND NOT EXISTS (
        SELECT 1 FROM unnest(con.conkey, con.confkey) AS k(here, there)
        JOIN pg_attribute ha ON ha.attrelid = con.conrelid AND ha.attnum = k.here
        JOIN pg_attribute ta ON ta.attrelid = con.confrelid AND ta.attnum = k.there
        WHERE ha.attname = 'org_id' AND ta.attname = 'org_id')`);
    expect(offenders, "foreign keys that do not include org_id").toEqual([]);
    const checked = await query<{ relname: string }>(sql`
      SELECT t.relname FROM (${TENANT_TABLES}) t JOIN pg_constraint con ON con.conrelid = t.oid WHERE con.contype = 'f'`);
    expect(checked.length).toBeGreaterThanOrEqual(15);
    // Customers reach companies, each other (merges), and tickets reach customers, all inside one organisation.
    expect(checked.map((r) => r.relname)).toEqual(
      expect.arrayContaining(["customers", "customer_identities", "tickets", "messages"]),
    );
  });

  it("runs the application as a role that is no superuser, cannot bypass RLS and owns no tenant table", async () => {
    const [role] = await query<{ name: string; rolsuper: boolean; rolbypassrls: boolean }>(sql`
      SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    expect(role).toEqual({ name: "frontline_app", rolsuper: false, rolbypassrls: false });
    const owned = await query<{ relname: string }>(sql`
      SELECT t.relname FROM (${TENANT_TABLES}) t JOIN pg_class c ON c.oid = t.oid
      WHERE pg_get_userbyid(c.relowner) = current_user`);
    expect(owned).toEqual([]);
  });
});

describe("functions that run as the owner keep to the transaction's tenant", () => {
  it("has only the known SECURITY DEFINER functions, each filtering by the tenant setting", async () => {
    const definers = await query<{ name: string; body: string }>(sql`
      SELECT p.proname AS name, p.prosrc AS body FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.prosecdef ORDER BY p.proname`);
    expect(definers.map((d) => d.name)).toEqual(["frontline_search_tickets"]);
    for (const d of definers) expect(d.body, d.name).toMatch(/org_id = public\.frontline_current_org\(\)/);
  });

  it("finds only the tenant's search documents, and none without a tenant", async () => {
    const [a, b] = [await makeOrg(h), await makeOrg(h)];
    for (const org of [a, b])
      expect(
        (
          await org.as.admin.post("/api/v1/tickets", {
            subject: "Quasar kettle",
            requester: { email: uniqueEmail("c") },
            message: { body: "The quasar kettle leaks" },
          })
        ).status,
      ).toBe(201);
    const matches = (orgId: string | null) =>
      (orgId
        ? inOrg(h.deps.database, orgId, async ({ tx }) =>
            rowsOf(await tx.execute(sql`SELECT * FROM frontline_search_tickets(to_tsquery('simple', 'quasar'))`)),
          )
        : h.deps.database.db
            .execute(sql`SELECT * FROM frontline_search_tickets(to_tsquery('simple', 'quasar'))`)
            .then((r) => rowsOf(r))
      ).then((rows) => rows.length);
    expect(await matches(a.orgId)).toBe(1);
    expect(await matches(b.orgId)).toBe(1);
    expect(await matches(null)).toBe(0);
  });
});

describe("row-level security filters what SQL alone would not", () => {
  it("hides another organisation's rows inside a tenant transaction", async () => {
    const [a, b] = [await makeOrg(h), await makeOrg(h)];
    const count = (orgId: string, of: string) =>
      inOrg(h.deps.database, orgId, async ({ tx }) =>
        rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM users WHERE org_id = ${of}`)),
      );
    expect(await count(a.orgId, a.orgId)).toEqual([{ n: 4 }]);
    expect(await count(a.orgId, b.orgId)).toEqual([{ n: 0 }]);
    const touched = await inOrg(h.deps.database, a.orgId, async ({ tx }) => [
      ...rowsOf(await tx.execute(sql`UPDATE users SET role = 'agent' WHERE org_id = ${b.orgId} RETURNING id`)),
      ...rowsOf(await tx.execute(sql`DELETE FROM team_members WHERE org_id = ${b.orgId} RETURNING user_id`)),
      ...rowsOf(await tx.execute(sql`SELECT id FROM sessions WHERE org_id = ${b.orgId}`)),
    ]);
    expect(touched).toEqual([]);
    expect((await b.as.admin.get(`/api/v1/users/${b.users.admin.id}`)).body.data.role).toBe("admin");
  });

  it("refuses to write a row for another organisation (WITH CHECK), even moving one there", async () => {
    const [a, b] = [await makeOrg(h), await makeOrg(h)];
    const attempts = [
      sql`INSERT INTO users (org_id, id, email, name, role) VALUES (${b.orgId}, gen_random_uuid(), 'x@example.test', 'X', 'admin')`,
      sql`INSERT INTO teams (org_id, id, name) VALUES (${b.orgId}, gen_random_uuid(), 'Planted')`,
      sql`INSERT INTO audit_events (org_id, id, action, actor_type, entity_type) VALUES (${b.orgId}, gen_random_uuid(), 'forged', 'system', 'x')`,
      sql`UPDATE teams SET org_id = ${b.orgId} WHERE org_id = ${a.orgId}`,
    ];
    await inOrg(h.deps.database, a.orgId, ({ tx }) =>
      tx.execute(sql`INSERT INTO teams (org_id, id, name) VALUES (${a.orgId}, gen_random_uuid(), 'Mine')`),
    );
    for (const statement of attempts) {
      const err = await failure(inOrg(h.deps.database, a.orgId, ({ tx }) => tx.execute(statement)));
      expect(pgErrorCode(err), String(err)).toBe("42501");
    }
    expect((await b.as.admin.get("/api/v1/teams")).body.data).toEqual([]);
    expect((await a.as.admin.get("/api/v1/teams")).body.data.map((t: { name: string }) => t.name)).toEqual(["Mine"]);
  });

  it("shows nothing and accepts nothing when no tenant is set, even right after a tenant transaction", async () => {
    const a = await makeOrg(h);
    await inOrg(h.deps.database, a.orgId, ({ tx }) => tx.execute(sql`SELECT 1`));
    for (const table of await tenantTables()) {
      const inTx = await h.deps.database.db.transaction(async (tx) =>
        rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`)),
      );
      expect(inTx, table).toEqual([{ n: 0 }]);
      const bare = rowsOf<{ n: number }>(
        await h.deps.database.db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`),
      );
      expect(bare, table).toEqual([{ n: 0 }]);
    }
    const err = await failure(
      h.deps.database.db.execute(
        sql`INSERT INTO teams (org_id, id, name) VALUES (${a.orgId}, gen_random_uuid(), 'No tenant')`,
      ),
    );
    expect(pgErrorCode(err)).toBe("42501");
  });
});

describe("across organisations, the API answers as if foreign objects did not exist", () => {
  const ROLES = ["agent", "supervisor", "manager", "admin"] as const;

  /** The data of a reply that must be 201; fails the test otherwise. */
  function created(res: Reply) {
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.data;
  }

  /**
   * Organisation A with a team, an extra user, an API token, a company, a customer with two tickets and
   * a ticket field; organisation B, with a customer, a ticket and a company of its own, to attack it.
   */
  async function twoOrgs() {
    const a = await makeOrg(h);
    const b = await makeOrg(h);
    const team = (await a.as.admin.post("/api/v1/teams", { name: "A-team", memberIds: [a.users.agent.id] })).body.data;
    const token = (await a.as.agent.post("/api/v1/api-tokens", { name: "A's script" })).body.data;
    const company = created(
      await a.as.supervisor.post("/api/v1/companies", { name: "A-company", domain: "a-company.test" }),
    );
    const customer = created(
      await a.as.agent.post("/api/v1/customers", {
        email: uniqueEmail("a-customer"),
        phone: "+40 700 000 001",
        companyId: company.id,
      }),
    );
    const field = created(
      await a.as.admin.post("/api/v1/custom-fields", { entity: "ticket", key: "a_secret", label: "A", type: "text" }),
    );
    const newTicket = (subject: string, as: Client, email: string, customFields = {}) =>
      as.post("/api/v1/tickets", {
        subject,
        requester: { email },
        message: { body: `${subject}: body` },
        customFields,
      });
    const ticket = created(await newTicket("A's ticket", a.as.agent, customer.email, { a_secret: "x" }));
    const second = created(await newTicket("A's second ticket", a.as.agent, customer.email));
    const bCompany = created(await b.as.supervisor.post("/api/v1/companies", { name: "B-company" }));
    const bTicket = created(await newTicket("B's ticket", b.as.agent, uniqueEmail("b-customer")));
    const escalation = created(
      await a.as.agent.post(`/api/v1/tickets/${second.id}/escalations`, { reason: "angry_customer" }),
    );
    // Disabled, so another test file's job runner (sharing a PostgreSQL database) never changes its poll state.
    const mailbox = created(
      await a.as.admin.post("/api/v1/channels/imap-mailboxes", {
        host: "127.0.0.1",
        port: 1,
        secure: false,
        username: "a-support",
        password: "a-mailbox-secret",
      }),
    );
    expect((await a.as.admin.patch(`/api/v1/channels/imap-mailboxes/${mailbox.id}`, { enabled: false })).status).toBe(
      200,
    );
    const calendar = created(
      await a.as.admin.post("/api/v1/business-calendars", {
        name: "A-hours",
        timeZone: "Europe/Bucharest",
        hours: [{ day: "mon", open: "09:00", close: "17:00" }],
        holidays: [{ date: "2026-07-10", name: "A's secret day" }],
        holidayCountry: "RO",
        customerRegions: ["Europe/Bucharest"],
      }),
    );
    expect(
      (await a.as.admin.send("PUT", `/api/v1/teams/${team.id}/calendar`, { calendarId: calendar.id })).status,
    ).toBe(200);
    return {
      a,
      b,
      team,
      token,
      company,
      customer,
      field,
      ticket,
      second,
      bCompany,
      bTicket,
      mailbox,
      calendar,
      escalation,
    };
  }

  /** What organisation A sees of its customer-side objects, to prove nothing changed. */
  async function snapshotOf(o: Awaited<ReturnType<typeof twoOrgs>>) {
    const as = o.a.as.admin;
    return JSON.stringify([
      (await as.get(`/api/v1/customers/${o.customer.id}`)).body,
      (await as.get(`/api/v1/customers/${o.customer.id}/timeline`)).body,
      (await as.get(`/api/v1/companies/${o.company.id}`)).body,
      (await as.get("/api/v1/custom-fields")).body,
      (await as.get(`/api/v1/tickets/${o.ticket.id}`)).body,
      (await as.get(`/api/v1/tickets/${o.second.id}`)).body,
      (await as.get(`/api/v1/tickets/${o.ticket.id}/messages`)).body,
      (await as.get("/api/v1/channels/imap-mailboxes")).body,
      (await as.get(`/api/v1/business-calendars/${o.calendar.id}`)).body,
      (await as.get(`/api/v1/tickets/${o.second.id}/escalations`)).body,
    ]);
  }

  const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((x) => x.id);

  it("covers every route that takes an id or a link's token (from the OpenAPI document)", async () => {
    const spec = (await new Client(h.app).get("/api/openapi.json")).body;
    const withId = Object.entries(spec.paths as Record<string, object>)
      .filter(([path]) => path.includes("{id}") || path.includes("{token}"))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    // When this list grows, add the new route to the tests below (the portal's: tenancy-portal.test.ts;
    // routing's: tenancy-routing.test.ts; SLA policies': sla-policies.test.ts; rules': rules.test.ts;
    // report schedules': reports/schedules.test.ts; survey links', found by their token before the
    // tenant is known: survey-answers.test.ts).
    expect(withId).toEqual([
      "DELETE /api/v1/api-tokens/{id}",
      "DELETE /api/v1/business-calendars/{id}",
      "DELETE /api/v1/channels/imap-mailboxes/{id}",
      "DELETE /api/v1/report-schedules/{id}",
      "DELETE /api/v1/routing/skills/{id}",
      "DELETE /api/v1/rules/{id}",
      "DELETE /api/v1/sla-policies/{id}",
      "DELETE /api/v1/views/{id}",
      "GET /api/v1/attachments/{id}",
      "GET /api/v1/business-calendars/{id}",
      "GET /api/v1/business-calendars/{id}/closed-days",
      "GET /api/v1/companies/{id}",
      "GET /api/v1/customers/{id}",
      "GET /api/v1/customers/{id}/timeline",
      "GET /api/v1/portal/{slug}/attachments/{id}",
      "GET /api/v1/portal/{slug}/tickets/{id}",
      "GET /api/v1/report-schedules/{id}",
      "GET /api/v1/routing/agents/{id}",
      "GET /api/v1/rules/{id}",
      "GET /api/v1/sla-policies/{id}",
      "GET /api/v1/surveys/{token}",
      "GET /api/v1/teams/{id}",
      "GET /api/v1/teams/{id}/routing",
      "GET /api/v1/tickets/{id}",
      "GET /api/v1/tickets/{id}/escalations",
      "GET /api/v1/tickets/{id}/messages",
      "GET /api/v1/tickets/{id}/requirements",
      "GET /api/v1/tickets/{id}/sla",
      "GET /api/v1/users/{id}",
      "PATCH /api/v1/business-calendars/{id}",
      "PATCH /api/v1/channels/imap-mailboxes/{id}",
      "PATCH /api/v1/companies/{id}",
      "PATCH /api/v1/custom-fields/{id}",
      "PATCH /api/v1/customers/{id}",
      "PATCH /api/v1/report-schedules/{id}",
      "PATCH /api/v1/routing/agents/{id}",
      "PATCH /api/v1/routing/skills/{id}",
      "PATCH /api/v1/rules/{id}",
      "PATCH /api/v1/sla-policies/{id}",
      "PATCH /api/v1/teams/{id}",
      "PATCH /api/v1/tickets/{id}",
      "PATCH /api/v1/users/{id}",
      "PATCH /api/v1/views/{id}",
      "POST /api/v1/customers/{id}/merge",
      "POST /api/v1/escalations/{id}/de-escalate",
      "POST /api/v1/escalations/{id}/resolve",
      "POST /api/v1/escalations/{id}/take",
      "POST /api/v1/portal/{slug}/tickets/{id}/messages",
      "POST /api/v1/portal/{slug}/tickets/{id}/supervisor",
      "POST /api/v1/report-schedules/{id}/send-now",
      "POST /api/v1/surveys/{token}",
      "POST /api/v1/tickets/{id}/escalations",
      "POST /api/v1/tickets/{id}/merge",
      "POST /api/v1/tickets/{id}/messages",
      "PUT /api/v1/routing/agents/{id}/presence",
      "PUT /api/v1/teams/{id}/calendar",
      "PUT /api/v1/teams/{id}/routing",
      "PUT /api/v1/tickets/{id}/requirements",
    ]);
  });

  it("answers 404 to every role of B reading or deleting A's objects by id", async () => {
    const o = await twoOrgs();
    const { a, b, team, token } = o;
    const form = new FormData();
    form.append("file", new Blob(["private notes"], { type: "text/plain" }), "notes.txt");
    const uploaded = await h.app.request("/api/v1/attachments", {
      method: "POST",
      body: form,
      headers: { cookie: a.as.agent.creds.cookie!, "x-csrf-token": a.as.agent.creds.csrfToken! },
    });
    const file = ((await uploaded.json()) as { data: { id: string } }).data;
    await a.as.agent.post(`/api/v1/tickets/${o.ticket.id}/messages`, {
      kind: "note",
      body: "file",
      attachmentIds: [file.id],
    });
    expect((await a.as.supervisor.get(`/api/v1/attachments/${file.id}`)).status).toBe(200);
    for (const role of ROLES) {
      const as = b.as[role];
      for (const res of [
        await as.get(`/api/v1/attachments/${file.id}`),
        await as.get(`/api/v1/users/${a.users.admin.id}`),
        await as.get(`/api/v1/teams/${team.id}`),
        await as.delete(`/api/v1/api-tokens/${token.id}`),
        await as.get(`/api/v1/customers/${o.customer.id}`),
        await as.get(`/api/v1/customers/${o.customer.id}/timeline`),
        await as.get(`/api/v1/companies/${o.company.id}`),
        await as.get(`/api/v1/tickets/${o.ticket.id}`),
        await as.get(`/api/v1/tickets/${o.ticket.id}/messages`),
        await as.get(`/api/v1/tickets/${o.ticket.id}/sla`),
        await as.get(`/api/v1/business-calendars/${o.calendar.id}`),
        await as.get(`/api/v1/business-calendars/${o.calendar.id}/closed-days?from=2026-01-01&to=2026-12-31`),
        await as.get(`/api/v1/tickets/${o.second.id}/escalations`),
      ]) {
        expect(res.status, role).toBe(404);
        expect(res.body.code).toBe("not_found");
      }
    }
    expect((await new Client(h.app, { bearer: token.token }).get("/api/v1/me")).status).toBe(200);
  });

  it("answers 404 to B's roles allowed to change A's objects (403 to the others, before any lookup), and changes nothing", async () => {
    const o = await twoOrgs();
    const { a, b, team } = o;
    const before = await snapshotOf(o);
    const bCustomerId = o.bTicket.requesterId;
    const writes: { route: string; minimum: Role; send: (as: Client) => Promise<Reply> }[] = [
      {
        route: "PATCH users/:id",
        minimum: "admin",
        send: (as) => as.patch(`/api/v1/users/${a.users.admin.id}`, { role: "agent", active: false }),
      },
      {
        route: "PATCH teams/:id",
        minimum: "admin",
        send: (as) => as.patch(`/api/v1/teams/${team.id}`, { name: "Owned", memberIds: [] }),
      },
      {
        route: "PATCH channels/imap-mailboxes/:id",
        minimum: "admin",
        send: (as) => as.patch(`/api/v1/channels/imap-mailboxes/${o.mailbox.id}`, { host: "evil.test", enabled: true }),
      },
      {
        route: "DELETE channels/imap-mailboxes/:id",
        minimum: "admin",
        send: (as) => as.delete(`/api/v1/channels/imap-mailboxes/${o.mailbox.id}`),
      },
      {
        route: "PATCH business-calendars/:id",
        minimum: "admin",
        send: (as) => as.patch(`/api/v1/business-calendars/${o.calendar.id}`, { name: "Owned", isDefault: true }),
      },
      {
        route: "DELETE business-calendars/:id",
        minimum: "admin",
        send: (as) => as.delete(`/api/v1/business-calendars/${o.calendar.id}`),
      },
      {
        route: "PUT teams/:id/calendar",
        minimum: "admin",
        send: (as) => as.send("PUT", `/api/v1/teams/${team.id}/calendar`, { calendarId: null }),
      },
      {
        route: "PATCH customers/:id",
        minimum: "agent",
        send: (as) => as.patch(`/api/v1/customers/${o.customer.id}`, { name: "Owned", email: uniqueEmail("owned") }),
      },
      {
        route: "POST customers/:id/merge",
        minimum: "supervisor",
        send: (as) => as.post(`/api/v1/customers/${o.customer.id}/merge`, { sourceId: bCustomerId }),
      },
      {
        route: "PATCH companies/:id",
        minimum: "supervisor",
        send: (as) => as.patch(`/api/v1/companies/${o.company.id}`, { name: "Owned", notes: "owned" }),
      },
      {
        route: "PATCH custom-fields/:id",
        minimum: "admin",
        send: (as) => as.patch(`/api/v1/custom-fields/${o.field.id}`, { active: false, label: "Owned" }),
      },
      {
        route: "PATCH tickets/:id",
        minimum: "agent",
        send: (as) => as.patch(`/api/v1/tickets/${o.ticket.id}`, { status: "solved", subject: "Owned" }),
      },
      {
        route: "POST tickets/:id/messages",
        minimum: "agent",
        send: (as) => as.post(`/api/v1/tickets/${o.ticket.id}/messages`, { kind: "reply", body: "Planted" }),
      },
      {
        route: "POST tickets/:id/merge",
        minimum: "supervisor",
        send: (as) => as.post(`/api/v1/tickets/${o.ticket.id}/merge`, { sourceId: o.bTicket.id }),
      },
      {
        route: "POST tickets/:id/escalations",
        minimum: "agent",
        send: (as) => as.post(`/api/v1/tickets/${o.ticket.id}/escalations`, { reason: "angry_customer" }),
      },
      {
        route: "POST escalations/:id/take",
        minimum: "supervisor",
        send: (as) => as.post(`/api/v1/escalations/${o.escalation.id}/take`),
      },
      {
        route: "POST escalations/:id/resolve",
        minimum: "supervisor",
        send: (as) => as.post(`/api/v1/escalations/${o.escalation.id}/resolve`, { outcome: "no_action" }),
      },
      {
        route: "POST escalations/:id/de-escalate",
        minimum: "supervisor",
        send: (as) => as.post(`/api/v1/escalations/${o.escalation.id}/de-escalate`, { coachingNote: "Owned" }),
      },
    ];
    for (const role of ROLES) {
      for (const { route, minimum, send } of writes) {
        const res = await send(b.as[role]);
        const [status, code] = roleAtLeast(role, minimum) ? [404, "not_found"] : [403, "forbidden"];
        expect([res.status, res.body.code], `${role} ${route}`).toEqual([status, code]);
      }
    }
    expect(await snapshotOf(o)).toEqual(before);
    expect((await a.as.admin.get(`/api/v1/users/${a.users.admin.id}`)).body.data).toMatchObject({
      role: "admin",
      active: true,
    });
    expect((await a.as.admin.get(`/api/v1/teams/${team.id}`)).body.data).toMatchObject({
      name: "A-team",
      memberIds: [a.users.agent.id],
    });
    // B's own objects, offered as merge sources, were not touched either.
    expect((await b.as.admin.get(`/api/v1/customers/${bCustomerId}`)).body.data.mergedIntoId).toBeNull();
    expect((await b.as.admin.get(`/api/v1/tickets/${o.bTicket.id}`)).body.data).toEqual(o.bTicket);
  });

  it("refuses A's customer or ticket as the source of a merge in B (422 fields.sourceId), and moves nothing", async () => {
    const o = await twoOrgs();
    const before = await snapshotOf(o);
    const customer = await o.b.as.supervisor.post(`/api/v1/customers/${o.bTicket.requesterId}/merge`, {
      sourceId: o.customer.id,
    });
    expect(customer.status).toBe(422);
    expect(customer.body).toMatchObject({ code: "unprocessable", fields: { sourceId: ["Unknown customer"] } });
    const ticket = await o.b.as.supervisor.post(`/api/v1/tickets/${o.bTicket.id}/merge`, { sourceId: o.ticket.id });
    expect(ticket.status).toBe(422);
    expect(ticket.body).toMatchObject({ code: "unprocessable", fields: { sourceId: ["Unknown ticket"] } });
    expect(await snapshotOf(o)).toEqual(before);
    expect((await o.b.as.admin.get(`/api/v1/tickets/${o.bTicket.id}/messages`)).body.data).toHaveLength(1);
  });

  it("never lists A's objects in B's lists, whatever the filter", async () => {
    const o = await twoOrgs();
    const { a, b, team, token } = o;
    await b.as.admin.post("/api/v1/api-tokens", { name: "B's own" });
    const aIds = new Set([
      ...Object.values(a.users).map((u) => u.id),
      team.id,
      token.id,
      a.orgId,
      o.company.id,
      o.customer.id,
      o.field.id,
      o.ticket.id,
      o.second.id,
      o.customer.email,
      o.calendar.id,
      o.escalation.id,
    ]);
    const aEmail = encodeURIComponent(o.customer.email);
    const lists = {
      users: await b.as.admin.get("/api/v1/users?limit=200"),
      customers: await b.as.agent.get("/api/v1/customers?limit=200"),
      companies: await b.as.agent.get("/api/v1/companies?limit=200"),
      customFields: await b.as.agent.get("/api/v1/custom-fields"),
      tickets: await b.as.agent.get("/api/v1/tickets?limit=200"),
      tokens: await b.as.admin.get("/api/v1/api-tokens?all=true&limit=200"),
      calendars: await b.as.agent.get("/api/v1/business-calendars"),
    };
    const filtered = [
      await b.as.admin.get(`/api/v1/users?q=${encodeURIComponent(a.users.agent.email)}`),
      await b.as.admin.get("/api/v1/teams?limit=200"),
      await b.as.admin.get("/api/v1/audit-events?limit=200"),
      await b.as.admin.get(`/api/v1/audit-events?actorId=${a.users.admin.id}`),
      await b.as.admin.get("/api/v1/wallboard"),
      await b.as.supervisor.get("/api/v1/wallboard"),
    ];
    const empty = [
      await b.as.admin.get(`/api/v1/users?teamId=${team.id}`),
      await b.as.admin.get(`/api/v1/audit-events?entityId=${a.users.agent.id}`),
      await b.as.admin.get(`/api/v1/audit-events?entityId=${o.customer.id}`),
      await b.as.agent.get(`/api/v1/customers?q=${aEmail}`),
      await b.as.agent.get(`/api/v1/customers?email=${aEmail}`),
      await b.as.agent.get("/api/v1/customers?q=700000001"),
      await b.as.agent.get(`/api/v1/customers?companyId=${o.company.id}`),
      await b.as.agent.get("/api/v1/custom-fields?entity=ticket"),
      await b.as.agent.get(`/api/v1/tickets?requesterId=${o.customer.id}`),
      await b.as.agent.get("/api/v1/tickets?escalated=true"),
      await b.as.supervisor.get("/api/v1/escalations?status=open,taken,resolved&limit=200"),
      await b.as.admin.get(`/api/v1/escalations?ticketId=${o.second.id}`),
      await b.as.admin.get(`/api/v1/escalations?assignedTo=${a.users.supervisor.id}`),
    ];
    for (const res of [...Object.values(lists), ...filtered, ...empty]) {
      expect(res.status).toBe(200);
      const leaked = JSON.stringify(res.body.data);
      for (const id of aIds) expect(leaked).not.toContain(id);
    }
    expect(empty.map((r) => r.body.data)).toEqual(Array(empty.length).fill([]));
    // A's team on B's wallboard is unknown, on the snapshot and on the live stream alike.
    for (const path of [`/api/v1/wallboard?teamId=${team.id}`, `/api/v1/wallboard/stream?teamId=${team.id}`]) {
      expect((await b.as.manager.get(path)).status, path).toBe(404);
    }
    expect(ids(lists.users)).toHaveLength(4);
    expect(ids(lists.customers)).toEqual([o.bTicket.requesterId]);
    expect(ids(lists.companies)).toEqual([o.bCompany.id]);
    expect(lists.customFields.body.data).toEqual([]);
    expect(ids(lists.tickets)).toEqual([o.bTicket.id]);
    expect(lists.tokens.body.data).toHaveLength(1);
    expect(lists.calendars.body.data).toEqual([]);
  });

  it("never shows, counts or marks A's notifications in B, and lets B mention none of A's staff", async () => {
    const o = await twoOrgs();
    const { a, b } = o;
    const noted = await a.as.supervisor.post(`/api/v1/tickets/${o.ticket.id}/messages`, {
      kind: "note",
      body: `@${a.users.agent.email} please look`,
    });
    expect(noted.body.data.mentions.map((m: { id: string }) => m.id)).toEqual([a.users.agent.id]);
    const [aNotice] = (await a.as.agent.get("/api/v1/notifications")).body.data;
    for (const role of ROLES) {
      const as = b.as[role];
      expect((await as.get("/api/v1/notifications?limit=200")).body).toEqual({ data: [], nextCursor: null });
      expect((await as.get("/api/v1/notifications?unread=true")).body.data).toEqual([]);
      expect((await as.get("/api/v1/notifications/count")).body.data).toEqual({ unread: 0 });
      const mark = await as.post("/api/v1/notifications/read", { ids: [aNotice.id] });
      expect([mark.status, mark.body.fields], role).toEqual([404, { "ids.0": ["Unknown notification"] }]);
      expect((await as.post("/api/v1/notifications/read", { all: true })).body.data).toEqual({ unread: 0 });
    }
    const byId = await b.as.agent.post(`/api/v1/tickets/${o.bTicket.id}/messages`, {
      kind: "note",
      body: "Poaching",
      mentionIds: [a.users.agent.id],
    });
    expect([byId.status, byId.body.fields]).toEqual([422, { "mentionIds.0": ["Unknown or inactive user"] }]);
    const byText = await b.as.agent.post(`/api/v1/tickets/${o.bTicket.id}/messages`, {
      kind: "note",
      body: `@${a.users.agent.email} please look`,
    });
    expect(byText.body.data.mentions).toEqual([]);
    expect((await a.as.agent.get("/api/v1/notifications")).body.data).toEqual([aNotice]);
  });

  it("refuses A's teams in B's users and A's users in B's teams (422)", async () => {
    const { a, b, team } = await twoOrgs();
    const bTeam = (await b.as.admin.post("/api/v1/teams", { name: "B-team" })).body.data;
    const attempts = [
      await b.as.admin.post("/api/v1/users", {
        email: uniqueEmail(),
        name: "Spy",
        role: "agent",
        password: TEST_PASSWORD,
        teamIds: [team.id],
      }),
      await b.as.admin.patch(`/api/v1/users/${b.users.agent.id}`, { teamIds: [team.id] }),
      await b.as.admin.post("/api/v1/teams", { name: "Poach", memberIds: [a.users.agent.id] }),
      await b.as.admin.patch(`/api/v1/teams/${bTeam.id}`, { memberIds: [b.users.agent.id, a.users.agent.id] }),
    ];
    expect(attempts.map((r) => [r.status, r.body.code])).toEqual(Array(4).fill([422, "unprocessable"]));
    expect(attempts.map((r) => Object.keys(r.body.fields))).toEqual([
      ["teamIds"],
      ["teamIds"],
      ["memberIds"],
      ["memberIds"],
    ]);
    expect((await a.as.admin.get(`/api/v1/teams/${team.id}`)).body.data.memberIds).toEqual([a.users.agent.id]);
    expect((await b.as.admin.get(`/api/v1/teams/${bTeam.id}`)).body.data.memberIds).toEqual([]);
  });

  it("refuses A's calendar for B's team (422 fields.calendarId) and A's team in B (404); A's regions bind A alone", async () => {
    const o = await twoOrgs();
    const { a, b, team } = o;
    const before = await snapshotOf(o);
    const bTeam = (await b.as.admin.post("/api/v1/teams", { name: "B-team" })).body.data;
    const poach = await b.as.admin.send("PUT", `/api/v1/teams/${bTeam.id}/calendar`, { calendarId: o.calendar.id });
    expect([poach.status, poach.body.code, poach.body.fields]).toEqual([
      422,
      "unprocessable",
      { calendarId: ["Unknown calendar"] },
    ]);
    const bCalendar = created(
      await b.as.admin.post("/api/v1/business-calendars", {
        name: "A-hours",
        timeZone: "UTC",
        hours: [{ day: "tue", open: "10:00", close: "11:00" }],
        customerRegions: ["Europe/Bucharest"],
      }),
    );
    expect(bCalendar.isDefault).toBe(true);
    const steal = await b.as.admin.send("PUT", `/api/v1/teams/${team.id}/calendar`, { calendarId: bCalendar.id });
    expect([steal.status, steal.body.code]).toEqual([404, "not_found"]);
    expect(await snapshotOf(o)).toEqual(before);
    expect((await a.as.agent.get("/api/v1/business-calendars")).body.data.map((c: { id: string }) => c.id)).toEqual([
      o.calendar.id,
    ]);
  });

  it("refuses A's company and A's field definitions in B, and makes B its own customer for A's customer's address", async () => {
    const o = await twoOrgs();
    const { a, b } = o;
    const before = await snapshotOf(o);
    const bCustomerId = o.bTicket.requesterId;
    const companies = [
      await b.as.agent.post("/api/v1/customers", { email: uniqueEmail(), companyId: o.company.id }),
      await b.as.agent.patch(`/api/v1/customers/${bCustomerId}`, { companyId: o.company.id }),
    ];
    for (const res of companies) {
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: "unprocessable", fields: { companyId: ["Unknown company"] } });
    }
    const fields = [
      await b.as.agent.post("/api/v1/tickets", {
        subject: "x",
        requester: { email: uniqueEmail() },
        message: { body: "x" },
        customFields: { a_secret: "y" },
      }),
      await b.as.agent.patch(`/api/v1/tickets/${o.bTicket.id}`, { customFields: { a_secret: "y" } }),
    ];
    for (const res of fields) {
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual({ "customFields.a_secret": ["Unknown field"] });
    }
    // The same address in B is another person to B: a ticket from it never lands on A's customer.
    const same = created(
      await b.as.agent.post("/api/v1/tickets", {
        subject: "Same address",
        requester: { email: o.customer.email },
        message: { body: "Hello B" },
      }),
    );
    expect(same.requesterId).not.toBe(o.customer.id);
    expect((await b.as.agent.get(`/api/v1/customers/${same.requesterId}`)).body.data).toMatchObject({
      email: o.customer.email,
      companyId: null,
    });
    const bCustomer = created(await b.as.agent.post("/api/v1/customers", { phone: "+40 700 000 001" }));
    expect(bCustomer.identities).toEqual([{ id: expect.any(String), channel: "phone", value: "+40700000001" }]);
    expect(await snapshotOf(o)).toEqual(before);
    expect((await a.as.agent.get(`/api/v1/customers?email=${encodeURIComponent(o.customer.email)}`)).body.data).toEqual(
      [o.customer],
    );
  });
});
