import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { Client, type Reply } from "../../../test/client";
import { makeOrg, TEST_PASSWORD, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { rowsOf } from "../../platform/db";
import { pgErrorCode } from "../../platform/db-errors";
import { inOrg } from "../../platform/tenancy";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

interface Event {
  id: string;
  action: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  entityType: string;
  entityId: string | null;
  changes: Record<string, [unknown, unknown]>;
  requestId: string | null;
  ip: string | null;
  createdAt: string;
}

/** Every audit event of the admin's organisation matching `query`, newest first. */
async function events(org: TestOrg, query = ""): Promise<Event[]> {
  const res = await org.as.admin.get(`/api/v1/audit-events?limit=200${query ? `&${query}` : ""}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

/** The one event written by the request that gave `res`. */
async function eventOf(org: TestOrg, res: Reply): Promise<Event> {
  const requestId = res.headers.get("x-request-id");
  const found = (await events(org)).filter((e) => e.requestId === requestId);
  expect(found, `events of request ${requestId}`).toHaveLength(1);
  return found[0]!;
}

const login = (email: string, password = TEST_PASSWORD) =>
  new Client(h.app).post("/api/v1/auth/login", { email, password });

function sessionOf(res: Reply): Client {
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  return new Client(h.app, { cookie, csrfToken: res.body.data.csrfToken });
}

async function newUser(org: TestOrg, role = "agent") {
  const email = uniqueEmail();
  const res = await org.as.admin.post("/api/v1/users", { email, name: "Audited", role, password: TEST_PASSWORD });
  expect(res.status).toBe(201);
  return { res, id: res.body.data.id as string, email };
}

describe("audit: works", () => {
  it("records user.created with actor, entity, request and the whole new state", async () => {
    const org = await makeOrg(h);
    const { res, id, email } = await newUser(org);
    const event = await eventOf(org, res);
    expect(event).toEqual({
      id: expect.any(String),
      action: "user.created",
      actorType: "user",
      actorId: org.users.admin.id,
      actorName: expect.stringMatching(/^admin /),
      entityType: "user",
      entityId: id,
      changes: {
        id: [null, id],
        email: [null, email],
        name: [null, "Audited"],
        role: [null, "agent"],
        locale: [null, "en"],
        timeZone: [null, "UTC"],
        active: [null, true],
        teamIds: [null, []],
      },
      requestId: res.headers.get("x-request-id"),
      ip: null,
      createdAt: expect.stringMatching(/Z$/),
    });
  });

  it("records user.updated with only the fields that changed, as [before, after]", async () => {
    const org = await makeOrg(h);
    const { id } = await newUser(org);
    const promote = await org.as.admin.patch(`/api/v1/users/${id}`, { role: "supervisor" });
    expect(await eventOf(org, promote)).toMatchObject({
      action: "user.updated",
      actorId: org.users.admin.id,
      entityType: "user",
      entityId: id,
      changes: { role: ["agent", "supervisor"] },
    });
    expect((await eventOf(org, promote)).changes).toEqual({ role: ["agent", "supervisor"] });
    const off = await org.as.admin.patch(`/api/v1/users/${id}`, { active: false, locale: "ro" });
    expect((await eventOf(org, off)).changes).toEqual({ active: [true, false], locale: ["en", "ro"] });
  });

  it("records team.created and team.updated with names and members", async () => {
    const org = await makeOrg(h);
    const created = await org.as.admin.post("/api/v1/teams", { name: "Billing", memberIds: [org.users.agent.id] });
    const teamId = created.body.data.id;
    expect(await eventOf(org, created)).toMatchObject({
      action: "team.created",
      actorId: org.users.admin.id,
      entityType: "team",
      entityId: teamId,
      changes: { name: [null, "Billing"], description: [null, ""], memberIds: [null, [org.users.agent.id]] },
    });
    const updated = await org.as.admin.patch(`/api/v1/teams/${teamId}`, {
      name: "Invoices",
      memberIds: [org.users.manager.id],
    });
    expect((await eventOf(org, updated)).changes).toEqual({
      name: ["Billing", "Invoices"],
      memberIds: [[org.users.agent.id], [org.users.manager.id]],
    });
  });

  it("records api_token.created and api_token.revoked by their actor", async () => {
    const org = await makeOrg(h);
    const created = await org.as.manager.post("/api/v1/api-tokens", { name: "nightly export" });
    const tokenId = created.body.data.id;
    expect(await eventOf(org, created)).toMatchObject({
      action: "api_token.created",
      actorType: "user",
      actorId: org.users.manager.id,
      entityType: "api_token",
      entityId: tokenId,
      changes: { name: [null, "nightly export"] },
    });
    const revoked = await org.as.admin.delete(`/api/v1/api-tokens/${tokenId}`);
    expect(revoked.status).toBe(204);
    expect(await eventOf(org, revoked)).toMatchObject({
      action: "api_token.revoked",
      actorId: org.users.admin.id,
      entityType: "api_token",
      entityId: tokenId,
    });
  });

  it("records auth.login, auth.logout and auth.login_failed", async () => {
    const org = await makeOrg(h);
    const { email } = org.users.supervisor;
    const failed = await login(email, "not the password");
    expect(failed.status).toBe(401);
    expect(await eventOf(org, failed)).toMatchObject({
      action: "auth.login_failed",
      actorType: "anonymous",
      actorId: null,
      actorName: email,
      entityType: "user",
      entityId: org.users.supervisor.id,
    });
    const ok = await login(email);
    expect(ok.status).toBe(200);
    const signIn = await eventOf(org, ok);
    expect(signIn).toMatchObject({ action: "auth.login", actorType: "user", actorId: org.users.supervisor.id });
    expect(signIn.entityType).toBe("session");
    const logout = await sessionOf(ok).post("/api/v1/auth/logout");
    expect(logout.status).toBe(204);
    expect(await eventOf(org, logout)).toMatchObject({
      action: "auth.logout",
      actorId: org.users.supervisor.id,
      entityType: "session",
      entityId: signIn.entityId,
    });
  });

  it("leaves exactly one event for every state-changing request, and none for a refused one", async () => {
    const org = await makeOrg(h);
    const admin = org.as.admin;
    const { res: createdUser, id, email } = await newUser(org);
    const team = await admin.post("/api/v1/teams", { name: "Everything" });
    const token = await org.as.agent.post("/api/v1/api-tokens", { name: "t" });
    const session = sessionOf(await login(email));
    const writes: [Reply, string][] = [
      [createdUser, "user.created"],
      [await admin.patch(`/api/v1/users/${id}`, { timeZone: "Europe/Berlin" }), "user.updated"],
      [team, "team.created"],
      [await admin.patch(`/api/v1/teams/${team.body.data.id}`, { description: "all" }), "team.updated"],
      [token, "api_token.created"],
      [await org.as.agent.delete(`/api/v1/api-tokens/${token.body.data.id}`), "api_token.revoked"],
      [await session.patch("/api/v1/me", { name: "Renamed" }), "user.profile_updated"],
      [
        await session.post("/api/v1/me/password", { currentPassword: TEST_PASSWORD, newPassword: "new pass 1234" }),
        "user.password_changed",
      ],
      [await session.post("/api/v1/auth/logout"), "auth.logout"],
    ];
    for (const [res, action] of writes) {
      expect(res.status, action).toBeLessThan(300);
      expect((await eventOf(org, res)).action).toBe(action);
    }
    const before = (await events(org)).length;
    const refused = [
      await admin.post("/api/v1/users", { email, name: "dup", role: "agent", password: TEST_PASSWORD }),
      await admin.post("/api/v1/teams", { name: "Everything" }),
      await admin.patch(`/api/v1/users/${org.users.admin.id}`, { role: "agent" }),
      await admin.post("/api/v1/teams", { name: "ghosts", memberIds: ["01900000-0000-7000-8000-000000000000"] }),
    ];
    expect(refused.map((r) => r.status)).toEqual([409, 409, 409, 422]);
    expect(await events(org)).toHaveLength(before);
  });

  it("never lets a password, its hash or a secret token into any event", async () => {
    const org = await makeOrg(h);
    const password = "plain text secret 123";
    const { id } = await newUser(org);
    const email = uniqueEmail();
    await org.as.admin.patch(`/api/v1/users/${id}`, { role: "manager", email });
    const created = await org.as.admin.post("/api/v1/users", {
      email: uniqueEmail(),
      name: "Second",
      role: "agent",
      password,
    });
    expect(created.status).toBe(201);
    const session = sessionOf(await login(email));
    const newPassword = "another secret 456";
    expect((await session.post("/api/v1/me/password", { currentPassword: TEST_PASSWORD, newPassword })).status).toBe(
      204,
    );
    const token = (await org.as.admin.post("/api/v1/api-tokens", { name: "secret" })).body.data.token;
    await login(email, "wrong guess 789");

    const viaApi = JSON.stringify(await events(org));
    const viaSql = JSON.stringify(
      rowsOf(
        await inOrg(h.deps.database, org.orgId, ({ tx }) =>
          tx.execute(sql`SELECT * FROM audit_events WHERE org_id = ${org.orgId}`),
        ),
      ),
    );
    for (const dump of [viaApi, viaSql]) {
      expect(dump).toContain("user.password_changed");
      for (const secret of [
        "$argon2",
        "passwordHash",
        "password_hash",
        password,
        newPassword,
        TEST_PASSWORD,
        "wrong guess 789",
        token,
      ]) {
        expect(dump).not.toContain(secret);
      }
    }
  });

  it("filters by action, entity, entity type and actor", async () => {
    const org = await makeOrg(h);
    const { id } = await newUser(org);
    await org.as.admin.patch(`/api/v1/users/${id}`, { role: "supervisor" });
    await org.as.admin.patch(`/api/v1/users/${org.users.agent.id}`, { locale: "de" });
    await org.as.admin.post("/api/v1/teams", { name: "Filters" });

    const updates = await events(org, "action=user.updated");
    expect(updates.map((e) => e.entityId).sort()).toEqual([id, org.users.agent.id].sort());
    const ofUser = await events(org, `entityId=${id}`);
    expect(ofUser.map((e) => e.action)).toEqual(["user.updated", "user.created"]);
    expect((await events(org, "entityType=team")).map((e) => e.action)).toEqual(["team.created"]);
    const byAdmin = await events(org, `actorId=${org.users.admin.id}&action=user.created`);
    expect(byAdmin.map((e) => e.entityId)).toEqual([id]);
    expect(await events(org, "action=nothing.happened")).toEqual([]);
  });

  it("pages newest first with limit and cursor, without gaps or repeats", async () => {
    const org = await makeOrg(h);
    for (const name of ["t1", "t2", "t3", "t4", "t5"]) await org.as.admin.post("/api/v1/teams", { name });
    const all = await events(org);
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all.slice(0, 5).map((e) => e.changes.name?.[1])).toEqual(["t5", "t4", "t3", "t2", "t1"]);
    const times = all.map((e) => Date.parse(e.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Reply = await org.as.admin.get(`/api/v1/audit-events?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(4);
      seen.push(...res.body.data.map((e: Event) => e.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(all.length / 4));
    expect(seen).toEqual(all.map((e) => e.id));
  });
});

describe("audit: rejects bad input", () => {
  it("answers 400 naming the field for a bad query", async () => {
    const org = await makeOrg(h);
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=abc", "limit"],
      ["actorId=not-a-uuid", "actorId"],
      [`action=${"x".repeat(101)}`, "action"],
      ["cursor=%7B", "cursor"],
      [`orgId=${org.orgId}`, "orgId"],
    ]) {
      const res = await org.as.admin.get(`/api/v1/audit-events?${query}`);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body.fields), query).toEqual([field]);
    }
  });
});

describe("audit: refuses the wrong user", () => {
  it("records every refused request as access.denied with who tried which route", async () => {
    const org = await makeOrg(h);
    const tried = await org.as.agent.post("/api/v1/teams", { name: "Not mine to make" });
    expect(tried.status).toBe(403);
    const denied = await events(org, "action=access.denied");
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({
      actorType: "user",
      actorId: org.users.agent.id,
      entityType: "route",
      entityId: "POST /api/v1/teams",
      requestId: tried.body.requestId,
    });
  });

  it("lets only admins list events", async () => {
    const org = await makeOrg(h);
    for (const role of ["agent", "supervisor", "manager"] as const) {
      const res = await org.as[role].get("/api/v1/audit-events");
      expect(res.status, role).toBe(403);
      expect(res.body.code).toBe("forbidden");
    }
    const token = (await org.as.manager.post("/api/v1/api-tokens", { name: "t" })).body.data.token;
    expect((await new Client(h.app, { bearer: token }).get("/api/v1/audit-events")).status).toBe(403);
    expect((await new Client(h.app).get("/api/v1/audit-events")).status).toBe(401);
  });

  it("keeps the log append-only: the application role cannot update, delete or truncate it", async () => {
    const org = await makeOrg(h);
    const before = await events(org);
    const attempts = [
      sql`UPDATE audit_events SET action = 'rewritten' WHERE org_id = ${org.orgId}`,
      sql`DELETE FROM audit_events WHERE org_id = ${org.orgId}`,
      sql`TRUNCATE audit_events`,
    ];
    for (const statement of attempts) {
      const error = await inOrg(h.deps.database, org.orgId, ({ tx }) => tx.execute(statement)).then(
        () => null,
        (err: unknown) => err,
      );
      expect(pgErrorCode(error)).toBe("42501"); // insufficient_privilege
    }
    expect(await events(org)).toEqual(before);
  });
});
