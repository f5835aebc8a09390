import { beforeAll, describe, expect, it } from "vitest";
import { Client } from "../../../test/client";
import { makeOrg, signedIn, TEST_PASSWORD, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const NON_ADMINS = ["agent", "supervisor", "manager"] as const;
const ALL_ROLES = [...NON_ADMINS, "admin"] as const;

type Input = Record<string, unknown>;

/** Creates a user through the API as `admin`; fails the test unless it answers 201. */
async function addUser(admin: Client, input: Input = {}) {
  const res = await admin.post("/api/v1/users", {
    email: uniqueEmail(),
    name: `User ${Math.random().toString(36).slice(2, 8)}`,
    role: "agent",
    password: TEST_PASSWORD,
    ...input,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

async function addTeam(admin: Client, input: Input = {}) {
  const res = await admin.post("/api/v1/teams", { name: `Team ${Math.random().toString(36).slice(2, 8)}`, ...input });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((u) => u.id);
const login = (email: string, password = TEST_PASSWORD) =>
  new Client(h.app).post("/api/v1/auth/login", { email, password });

describe("users: works", () => {
  it("creates a user with an exact body, trimmed name, lowercased email and its teams", async () => {
    const org = await makeOrg(h);
    const [a, b] = [await addTeam(org.as.admin), await addTeam(org.as.admin)];
    const email = uniqueEmail("Ada");
    const res = await org.as.admin.post("/api/v1/users", {
      email: `  ${email.toUpperCase()} `,
      name: "  Ada Lovelace ",
      role: "supervisor",
      password: "a long enough passphrase",
      locale: "de",
      timeZone: "Europe/Bucharest",
      teamIds: [b.id, a.id, b.id],
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      data: {
        id: expect.stringMatching(UUID),
        email: email.toLowerCase(),
        name: "Ada Lovelace",
        role: "supervisor",
        locale: "de",
        timeZone: "Europe/Bucharest",
        active: true,
        teamIds: [a.id, b.id].sort(),
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      },
    });
    const got = await org.as.agent.get(`/api/v1/users/${res.body.data.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
    expect((await org.as.agent.get(`/api/v1/teams/${a.id}`)).body.data.memberIds).toEqual([res.body.data.id]);
    expect((await login(email, "a long enough passphrase")).status).toBe(200);
  });

  it("fills in language, time zone and teams when they are left out", async () => {
    const org = await makeOrg(h);
    const user = await addUser(org.as.admin, { role: "manager" });
    expect(user).toMatchObject({ role: "manager", locale: "en", timeZone: "UTC", active: true, teamIds: [] });
  });

  it("pages through users by name with limit and cursor, without gaps or repeats", async () => {
    const org = await makeOrg(h);
    for (const name of ["Zed", "amy", "Bob"]) await addUser(org.as.admin, { name });
    const all = await org.as.agent.get("/api/v1/users?limit=200");
    expect(all.body.data).toHaveLength(7);
    expect(all.body.nextCursor).toBeNull();
    const names = all.body.data.map((u: { name: string }) => u.name.toLowerCase());
    expect(names).toEqual([...names].sort());

    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<Client["get"]>> = await org.as.agent.get(
        `/api/v1/users?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(res.status).toBe(200);
      sizes.push(res.body.data.length);
      seen.push(...ids(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([3, 3, 1]);
    expect(seen).toEqual(ids(all));
  });

  it("filters by role, team, status and a name or email fragment", async () => {
    const org = await makeOrg(h);
    const team = await addTeam(org.as.admin, { memberIds: [org.users.agent.id, org.users.manager.id] });
    const odd = await addUser(org.as.admin, { name: "100% done", role: "supervisor" });
    await org.as.admin.patch(`/api/v1/users/${org.users.agent.id}`, { active: false });
    const list = async (query: string) => {
      const res = await org.as.supervisor.get(`/api/v1/users?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return ids(res).sort();
    };
    const { agent, supervisor, manager, admin } = org.users;
    expect(await list("role=supervisor")).toEqual([supervisor.id, odd.id].sort());
    expect(await list(`teamId=${team.id}`)).toEqual([agent.id, manager.id].sort());
    expect(await list("active=false")).toEqual([agent.id]);
    expect(await list("active=true")).toEqual([supervisor.id, manager.id, admin.id, odd.id].sort());
    expect(await list(`teamId=${team.id}&active=true`)).toEqual([manager.id]);
    expect(await list(`q=${encodeURIComponent(manager.email.split("@")[0]!.slice(8).toUpperCase())}`)).toEqual([
      manager.id,
    ]);
    expect(await list("q=%25")).toEqual([odd.id]);
    expect(await list("q=nobody-has-this")).toEqual([]);
  });

  it("changes role, teams, language and time zone, and records when", async () => {
    const org = await makeOrg(h);
    const team = await addTeam(org.as.admin);
    const before = await addUser(org.as.admin);
    const res = await org.as.admin.patch(`/api/v1/users/${before.id}`, {
      role: "supervisor",
      teamIds: [team.id],
      locale: "ar",
      timeZone: "Asia/Kathmandu",
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      ...before,
      role: "supervisor",
      teamIds: [team.id],
      locale: "ar",
      timeZone: "Asia/Kathmandu",
      updatedAt: expect.stringMatching(ISO),
    });
    expect(Date.parse(res.body.data.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
    expect((await org.as.agent.get(`/api/v1/users/${before.id}`)).body.data).toEqual(res.body.data);
    const cleared = await org.as.admin.patch(`/api/v1/users/${before.id}`, { teamIds: [] });
    expect(cleared.body.data.teamIds).toEqual([]);
    expect((await org.as.admin.get(`/api/v1/teams/${team.id}`)).body.data.memberIds).toEqual([]);
  });

  it("deactivation ends the user's session and API token at once; reactivation lets them sign in again", async () => {
    const org = await makeOrg(h);
    const email = uniqueEmail("leaver");
    const user = await addUser(org.as.admin, { email, role: "manager" });
    const session = await signedIn(h, org.orgId, user.id);
    const token = (await session.post("/api/v1/api-tokens", { name: "script" })).body.data.token;
    const bearer = new Client(h.app, { bearer: token });
    expect((await session.get("/api/v1/me")).status).toBe(200);
    expect((await bearer.get("/api/v1/me")).status).toBe(200);

    const off = await org.as.admin.patch(`/api/v1/users/${user.id}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.data.active).toBe(false);
    for (const client of [session, bearer]) {
      const res = await client.get("/api/v1/users");
      expect(res.status).toBe(401);
      expect(res.body.code).toBe("unauthenticated");
    }
    expect((await login(email)).status).toBe(401);

    const on = await org.as.admin.patch(`/api/v1/users/${user.id}`, { active: true });
    expect(on.status).toBe(200);
    expect(on.body.data.active).toBe(true);
    // What was ended stays ended: reactivation does not revive old credentials.
    expect((await session.get("/api/v1/me")).status).toBe(401);
    expect((await bearer.get("/api/v1/me")).status).toBe(401);
    expect((await login(email)).status).toBe(200);
  });

  it("lets an admin step down once another active admin exists", async () => {
    const org = await makeOrg(h);
    await addUser(org.as.admin, { role: "admin" });
    const res = await org.as.admin.patch(`/api/v1/users/${org.users.admin.id}`, { role: "manager" });
    expect(res.status).toBe(200);
    expect(res.body.data.role).toBe("manager");
  });
});

describe("users: rejects bad input", () => {
  it("keeps the last active admin: no demotion, no deactivation (409 naming the field)", async () => {
    const org = await makeOrg(h);
    const other = await addUser(org.as.admin, { role: "admin" });
    expect((await org.as.admin.patch(`/api/v1/users/${other.id}`, { active: false })).status).toBe(200);
    const path = `/api/v1/users/${org.users.admin.id}`;
    const demote = await org.as.admin.patch(path, { role: "agent" });
    expect(demote.status).toBe(409);
    expect(demote.body).toMatchObject({ code: "conflict", fields: { role: ["This is the last active admin"] } });
    const deactivate = await org.as.admin.patch(path, { active: false });
    expect(deactivate.status).toBe(409);
    expect(deactivate.body).toMatchObject({ code: "conflict", fields: { active: ["This is the last active admin"] } });
    expect((await org.as.admin.get(path)).body.data).toMatchObject({ role: "admin", active: true });
  });

  it("keeps one admin when two admins demote each other at the same moment", async () => {
    // Three organisations race at once, to make an unguarded check-then-write likely to show.
    const race = async () => {
      const org = await makeOrg(h);
      const second = await addUser(org.as.admin, { role: "admin" });
      const secondClient = await signedIn(h, org.orgId, second.id);
      const results = await Promise.all([
        org.as.admin.patch(`/api/v1/users/${second.id}`, { role: "agent" }),
        secondClient.patch(`/api/v1/users/${org.users.admin.id}`, { role: "agent" }),
      ]);
      const admins = await org.as.agent.get("/api/v1/users?role=admin&active=true");
      return { admins: admins.body.data.length, statuses: results.map((r) => r.status).sort() };
    };
    for (const { admins, statuses } of await Promise.all([race(), race(), race()])) {
      expect(admins).toBe(1);
      // The loser lost its own admin role before authorisation (403) or found no other admin (409).
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
    }
  });

  it("refuses a duplicate email in any case (409 fields.email), on create and on change", async () => {
    const org = await makeOrg(h);
    const dup = await org.as.admin.post("/api/v1/users", {
      email: org.users.agent.email.toUpperCase(),
      name: "Copy",
      role: "agent",
      password: TEST_PASSWORD,
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: "conflict", fields: { email: ["Already in use"] } });
    const change = await org.as.admin.patch(`/api/v1/users/${org.users.manager.id}`, { email: org.users.agent.email });
    expect(change.status).toBe(409);
    expect(change.body.fields).toEqual({ email: ["Already in use"] });
    const elsewhere = await makeOrg(h);
    await addUser(elsewhere.as.admin, { email: org.users.agent.email });
  });

  it("refuses unknown team ids with 422 fields.teamIds", async () => {
    const org = await makeOrg(h);
    const ghost = "01900000-0000-7000-8000-000000000000";
    const email = uniqueEmail();
    const res = await org.as.admin.post("/api/v1/users", {
      email,
      name: "Ghost",
      role: "agent",
      password: TEST_PASSWORD,
      teamIds: [ghost],
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "unprocessable", fields: { teamIds: [`Unknown team ${ghost}`] } });
    expect(ids(await org.as.admin.get(`/api/v1/users?q=${email}`))).toEqual([]);
    const patch = await org.as.admin.patch(`/api/v1/users/${org.users.agent.id}`, { teamIds: [ghost] });
    expect(patch.status).toBe(422);
    expect(patch.body.fields).toEqual({ teamIds: [`Unknown team ${ghost}`] });
  });

  it("never accepts protected fields: password, passwordHash, orgId, id, timestamps (400 naming each)", async () => {
    const org = await makeOrg(h);
    const other = await makeOrg(h);
    const email = uniqueEmail();
    const create = await org.as.admin.post("/api/v1/users", {
      email,
      name: "Mallory",
      role: "agent",
      password: TEST_PASSWORD,
      passwordHash: "$argon2id$v=19$forged",
      orgId: other.orgId,
      id: "01900000-0000-7000-8000-000000000001",
      active: false,
    });
    expect(create.status).toBe(400);
    expect(create.body.code).toBe("validation_failed");
    expect(create.body.fields).toEqual({
      passwordHash: ["Unknown field"],
      orgId: ["Unknown field"],
      id: ["Unknown field"],
      active: ["Unknown field"],
    });
    expect(ids(await org.as.admin.get(`/api/v1/users?q=${email}`))).toEqual([]);

    const path = `/api/v1/users/${org.users.agent.id}`;
    const before = (await org.as.admin.get(path)).body.data;
    const patch = await org.as.admin.patch(path, {
      password: "new password 123",
      passwordHash: "x",
      orgId: other.orgId,
      createdAt: "2020-01-01T00:00:00.000Z",
    });
    expect(patch.status).toBe(400);
    expect(Object.keys(patch.body.fields).sort()).toEqual(["createdAt", "orgId", "password", "passwordHash"]);
    expect((await org.as.admin.get(path)).body.data).toEqual(before);
    expect((await login(org.users.agent.email)).status).toBe(200);

    const self = await org.as.agent.patch("/api/v1/me", { role: "admin" });
    expect(self.status).toBe(400);
    expect(self.body.fields).toEqual({ role: ["Unknown field"] });
    expect((await org.as.agent.get("/api/v1/me")).body.data.role).toBe("agent");
  });

  it("rejects wrong types and missing fields with 400 and every failing field", async () => {
    const org = await makeOrg(h);
    const missing = await org.as.admin.post("/api/v1/users", {});
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.fields).sort()).toEqual(["email", "name", "password", "role"]);
    const wrong = await org.as.admin.post("/api/v1/users", {
      email: 42,
      name: ["x"],
      role: "owner",
      password: "short",
      teamIds: "abc",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe("validation_failed");
    expect(Object.keys(wrong.body.fields).sort()).toEqual(["email", "name", "password", "role", "teamIds"]);
    const path = `/api/v1/users/${org.users.agent.id}`;
    const patch = await org.as.admin.patch(path, { active: "no", role: 3, name: "   ", teamIds: ["not-a-uuid"] });
    expect(patch.status).toBe(400);
    expect(Object.keys(patch.body.fields).sort()).toEqual(["active", "name", "role", "teamIds.0"]);
    expect((await org.as.admin.get(path)).body.data.active).toBe(true);
  });

  it("rejects an unknown time zone or language with 400", async () => {
    const org = await makeOrg(h);
    const create = await org.as.admin.post("/api/v1/users", {
      email: uniqueEmail(),
      name: "Zoned",
      role: "agent",
      password: TEST_PASSWORD,
      timeZone: "Mars/Olympus_Mons",
      locale: "fr",
    });
    expect(create.status).toBe(400);
    expect(create.body.fields.timeZone).toEqual(["Unknown IANA time zone"]);
    expect(Object.keys(create.body.fields).sort()).toEqual(["locale", "timeZone"]);
    const patch = await org.as.admin.patch(`/api/v1/users/${org.users.agent.id}`, { timeZone: "Not/AZone" });
    expect(patch.status).toBe(400);
    expect(patch.body.fields).toEqual({ timeZone: ["Unknown IANA time zone"] });
    expect((await org.as.admin.patch(`/api/v1/users/${org.users.agent.id}`, { locale: "EN" })).status).toBe(400);
  });

  it("rejects bad list queries and unknown ids", async () => {
    const org = await makeOrg(h);
    for (const [query, field] of [
      ["role=owner", "role"],
      ["active=yes", "active"],
      ["teamId=nope", "teamId"],
      ["limit=201", "limit"],
      ["limit=0", "limit"],
      ["cursor=%7B", "cursor"],
      ["sort=email", "sort"],
    ]) {
      const res = await org.as.admin.get(`/api/v1/users?${query}`);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body.fields), query).toEqual([field]);
    }
    const ghost = "01900000-0000-7000-8000-000000000002";
    expect((await org.as.admin.get(`/api/v1/users/${ghost}`)).status).toBe(404);
    expect((await org.as.admin.patch(`/api/v1/users/${ghost}`, { role: "agent" })).body.code).toBe("not_found");
    expect((await org.as.admin.get("/api/v1/users/not-a-uuid")).body.fields).toEqual({ id: ["Invalid UUID"] });
  });
});

describe("users and teams: refuse the wrong user", () => {
  it("answers 403 to agents, supervisors and managers on every write, and changes nothing", async () => {
    const org = await makeOrg(h);
    const team = await addTeam(org.as.admin, { name: "Keep" });
    for (const role of NON_ADMINS) {
      const as = org.as[role];
      const attempts = [
        await as.post("/api/v1/users", { email: uniqueEmail(), name: "X", role: "admin", password: TEST_PASSWORD }),
        await as.patch(`/api/v1/users/${org.users[role].id}`, { role: "admin" }),
        await as.patch(`/api/v1/users/${org.users.admin.id}`, { active: false }),
        await as.post("/api/v1/teams", { name: `By ${role}` }),
        await as.patch(`/api/v1/teams/${team.id}`, { name: "Taken over", memberIds: [org.users[role].id] }),
      ];
      for (const res of attempts) {
        expect(res.status, role).toBe(403);
        expect(res.body.code).toBe("forbidden");
      }
    }
    const users = await org.as.admin.get("/api/v1/users");
    expect(users.body.data).toHaveLength(4);
    for (const role of ALL_ROLES) {
      expect((await org.as.admin.get(`/api/v1/users/${org.users[role].id}`)).body.data).toMatchObject({
        role,
        active: true,
      });
    }
    expect((await org.as.admin.get("/api/v1/teams")).body.data).toEqual([team]);
  });

  it("answers 403 to a manager's API token as well", async () => {
    const org = await makeOrg(h);
    const token = (await org.as.manager.post("/api/v1/api-tokens", { name: "t" })).body.data.token;
    const res = await new Client(h.app, { bearer: token }).post("/api/v1/teams", { name: "via token" });
    expect(res.status).toBe(403);
  });

  it("lets every role read users and teams, and nobody anonymous", async () => {
    const org = await makeOrg(h);
    const team = await addTeam(org.as.admin, { memberIds: [org.users.agent.id] });
    for (const role of ALL_ROLES) {
      for (const path of [
        "/api/v1/users",
        `/api/v1/users/${org.users.admin.id}`,
        "/api/v1/teams",
        `/api/v1/teams/${team.id}`,
      ]) {
        expect((await org.as[role].get(path)).status, `${role} ${path}`).toBe(200);
      }
    }
    for (const path of ["/api/v1/users", `/api/v1/teams/${team.id}`]) {
      const res = await new Client(h.app).get(path);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe("unauthenticated");
    }
  });
});

describe("teams: works", () => {
  it("creates a team with members and shows it on both sides", async () => {
    const org = await makeOrg(h);
    const members = [org.users.agent.id, org.users.supervisor.id];
    const res = await org.as.admin.post("/api/v1/teams", { name: " Billing ", memberIds: [...members, members[0]] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      data: {
        id: expect.stringMatching(UUID),
        name: "Billing",
        description: "",
        memberIds: [...members].sort(),
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      },
    });
    expect((await org.as.agent.get(`/api/v1/teams/${res.body.data.id}`)).body).toEqual(res.body);
    expect((await org.as.agent.get(`/api/v1/users/${org.users.agent.id}`)).body.data.teamIds).toEqual([
      res.body.data.id,
    ]);
  });

  it("renames, describes and replaces members", async () => {
    const org = await makeOrg(h);
    const team = await addTeam(org.as.admin, { name: "Sales", memberIds: [org.users.agent.id] });
    const res = await org.as.admin.patch(`/api/v1/teams/${team.id}`, {
      name: "Renewals",
      description: "Contracts up for renewal",
      memberIds: [org.users.manager.id, org.users.supervisor.id],
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      ...team,
      name: "Renewals",
      description: "Contracts up for renewal",
      memberIds: [org.users.manager.id, org.users.supervisor.id].sort(),
      updatedAt: expect.stringMatching(ISO),
    });
    expect((await org.as.admin.get(`/api/v1/users/${org.users.agent.id}`)).body.data.teamIds).toEqual([]);
    const recase = await org.as.admin.patch(`/api/v1/teams/${team.id}`, { name: "RENEWALS" });
    expect(recase.status).toBe(200);
    expect(recase.body.data.memberIds).toHaveLength(2);
  });

  it("pages through teams by name", async () => {
    const org = await makeOrg(h);
    for (const name of ["c", "A", "b"]) await addTeam(org.as.admin, { name });
    const first = await org.as.agent.get("/api/v1/teams?limit=2");
    expect(first.body.data.map((t: { name: string }) => t.name)).toEqual(["A", "b"]);
    const second = await org.as.agent.get(`/api/v1/teams?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((t: { name: string }) => t.name)).toEqual(["c"]);
    expect(second.body.nextCursor).toBeNull();
  });
});

describe("teams: rejects bad input", () => {
  it("refuses a duplicate name in any case (409 fields.name), but another organisation may use it", async () => {
    const org = await makeOrg(h);
    await addTeam(org.as.admin, { name: "Support" });
    const other = await addTeam(org.as.admin, { name: "Tier 2" });
    const dup = await org.as.admin.post("/api/v1/teams", { name: "SUPPORT" });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: "conflict", fields: { name: ["Already in use"] } });
    const rename = await org.as.admin.patch(`/api/v1/teams/${other.id}`, { name: "support" });
    expect(rename.status).toBe(409);
    expect(rename.body.fields).toEqual({ name: ["Already in use"] });
    await addTeam((await makeOrg(h)).as.admin, { name: "Support" });
  });

  it("refuses unknown members with 422 fields.memberIds and keeps the old members", async () => {
    const org = await makeOrg(h);
    const ghost = "01900000-0000-7000-8000-000000000003";
    const create = await org.as.admin.post("/api/v1/teams", { name: "Ghosts", memberIds: [org.users.agent.id, ghost] });
    expect(create.status).toBe(422);
    expect(create.body).toMatchObject({ code: "unprocessable", fields: { memberIds: [`Unknown user ${ghost}`] } });
    expect((await org.as.admin.get("/api/v1/teams")).body.data).toEqual([]);
    const team = await addTeam(org.as.admin, { memberIds: [org.users.agent.id] });
    const patch = await org.as.admin.patch(`/api/v1/teams/${team.id}`, { memberIds: [ghost] });
    expect(patch.status).toBe(422);
    expect((await org.as.admin.get(`/api/v1/teams/${team.id}`)).body.data.memberIds).toEqual([org.users.agent.id]);
  });

  it("rejects empty names, wrong types and unknown fields with 400", async () => {
    const org = await makeOrg(h);
    const res = await org.as.admin.post("/api/v1/teams", { name: "  ", memberIds: "all", orgId: org.orgId });
    expect(res.status).toBe(400);
    expect(res.body.fields).toMatchObject({ orgId: ["Unknown field"] });
    expect(Object.keys(res.body.fields).sort()).toEqual(["memberIds", "name", "orgId"]);
    const ghost = "01900000-0000-7000-8000-000000000004";
    expect((await org.as.admin.patch(`/api/v1/teams/${ghost}`, { name: "x" })).status).toBe(404);
    expect((await org.as.admin.get(`/api/v1/teams/${ghost}`)).status).toBe(404);
  });
});
