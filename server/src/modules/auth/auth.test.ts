import { beforeAll, describe, expect, it } from "vitest";
import { Client } from "../../../test/client";
import { makeOrg, TEST_PASSWORD, type TestOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
});

const anonymous = () => new Client(h.app);

async function login(email: string, password: string, headers: Record<string, string> = {}) {
  return anonymous().post("/api/v1/auth/login", { email, password }, headers);
}

function sessionCookie(headers: Headers): string {
  const raw = headers.get("set-cookie") ?? "";
  return raw.split(";")[0]!;
}

describe("sign-in works", () => {
  it("returns the user and sets an HttpOnly SameSite session cookie", async () => {
    const res = await login(org.users.agent.email, TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      id: org.users.agent.id,
      email: org.users.agent.email,
      role: "agent",
      orgId: org.orgId,
    });
    expect(res.body.data.csrfToken).toMatch(/^[\w-]{32}$/);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^frontline_session=[\w-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
  });

  it("marks the cookie Secure with the __Host- prefix over https", async () => {
    const res = await new Client(h.app).send("POST", "https://frontline.example/api/v1/auth/login", {
      email: org.users.agent.email,
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^__Host-frontline_session=/);
    expect(cookie).toContain("Secure");
  });

  it("accepts the email in any case and gives a new session token each time", async () => {
    const a = await login(org.users.manager.email.toUpperCase(), TEST_PASSWORD);
    const b = await login(org.users.manager.email, TEST_PASSWORD);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(sessionCookie(a.headers)).not.toBe(sessionCookie(b.headers));
  });

  it("GET /me answers for the session and logout ends it on the server", async () => {
    const res = await login(org.users.supervisor.email, TEST_PASSWORD);
    const me = new Client(h.app, { cookie: sessionCookie(res.headers), csrfToken: res.body.data.csrfToken });
    const mine = (await me.get("/api/v1/me")).body.data;
    expect([mine.email, mine.orgSlug]).toEqual([org.users.supervisor.email, expect.stringMatching(/^org-[a-z0-9-]+$/)]);
    expect((await me.post("/api/v1/auth/logout")).status).toBe(204);
    const after = await me.get("/api/v1/me");
    expect(after.status).toBe(401);
    expect(after.body.code).toBe("unauthenticated");
  });

  it("carries a demotion and a deactivation to the user's very next request, on a session already in use", async () => {
    const email = `second-admin-${Date.now()}@example.test`;
    const made = await org.as.admin.post("/api/v1/users", {
      email,
      name: "Second Admin",
      role: "admin",
      password: TEST_PASSWORD,
    });
    expect(made.status).toBe(201);
    const res = await login(email, TEST_PASSWORD);
    const second = new Client(h.app, { cookie: sessionCookie(res.headers), csrfToken: res.body.data.csrfToken });
    expect((await second.get("/api/v1/audit-events")).status).toBe(200);
    expect((await second.get("/api/v1/audit-events")).status).toBe(200);
    const path = `/api/v1/users/${made.body.data.id}`;
    expect((await org.as.admin.patch(path, { role: "agent" })).status).toBe(200);
    expect((await second.get("/api/v1/audit-events")).status).toBe(403);
    expect((await second.get("/api/v1/me")).status).toBe(200);
    expect((await org.as.admin.patch(path, { active: false })).status).toBe(200);
    expect((await second.get("/api/v1/me")).status).toBe(401);
  });

  it("PATCH /me changes the caller's language and time zone", async () => {
    const res = await org.as.agent.patch("/api/v1/me", { locale: "ar", timeZone: "Asia/Riyadh" });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ locale: "ar", timeZone: "Asia/Riyadh" });
    expect((await org.as.agent.get("/api/v1/me")).body.data.locale).toBe("ar");
  });
});

describe("sign-in rejects bad input", () => {
  it("answers the same 401 for a wrong password and an unknown email", async () => {
    const wrong = await login(org.users.admin.email, "not the password");
    const unknown = await login("nobody-here@example.test", "not the password");
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.body).toMatchObject({ code: "invalid_credentials", detail: "The email or password is wrong" });
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("rejects a malformed email with the failing field", async () => {
    const res = await login("not-an-email", "x");
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields)).toEqual(["email"]);
  });

  it("limits attempts per email and answers 429 with Retry-After", async () => {
    const email = org.users.manager.email;
    const { app } = await testApp({ LOGIN_MAX_ATTEMPTS: "3" });
    const fresh = new Client(app);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await fresh.post("/api/v1/auth/login", { email, password: "wrong-wrong" })).status);
    expect(codes).toEqual([401, 401, 401, 429]);
    const limited = await fresh.post("/api/v1/auth/login", { email, password: TEST_PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body.code).toBe("rate_limited");
  });

  it("refuses a sign-in posted from another site's page", async () => {
    const res = await login(org.users.agent.email, TEST_PASSWORD, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("csrf_failed");
  });
});

describe("sessions refuse the wrong caller", () => {
  it("requires a session or token", async () => {
    const res = await anonymous().get("/api/v1/me");
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("unauthenticated");
  });

  it("requires the CSRF token on cookie-authenticated writes", async () => {
    const noCsrf = new Client(h.app, { cookie: org.as.agent.creds.cookie! });
    const res = await noCsrf.patch("/api/v1/me", { locale: "de" });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("csrf_failed");
    const wrong = new Client(h.app, { cookie: org.as.agent.creds.cookie!, csrfToken: "x".repeat(32) });
    expect((await wrong.patch("/api/v1/me", { locale: "de" })).status).toBe(403);
  });

  it("ignores a forged session cookie", async () => {
    const forged = new Client(h.app, { cookie: "frontline_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    expect((await forged.get("/api/v1/me")).status).toBe(401);
  });
});

describe("API tokens", () => {
  it("are shown once, work as Bearer on every route, and stop when revoked", async () => {
    const created = await org.as.manager.post("/api/v1/api-tokens", { name: "reporting script" });
    expect(created.status).toBe(201);
    const { token, id, prefix } = created.body.data;
    expect(token).toMatch(/^flt_[\w-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);

    const bearer = new Client(h.app, { bearer: token });
    expect((await bearer.get("/api/v1/me")).body.data).toMatchObject({ id: org.users.manager.id, csrfToken: null });
    expect((await bearer.get("/api/v1/users")).status).toBe(200);
    expect((await bearer.patch("/api/v1/me", { name: "Manager via token" })).status).toBe(200);

    const listed = await org.as.manager.get("/api/v1/api-tokens");
    expect(listed.body.data.map((t: { id: string }) => t.id)).toContain(id);
    expect(JSON.stringify(listed.body)).not.toContain(token);

    expect((await org.as.manager.delete(`/api/v1/api-tokens/${id}`)).status).toBe(204);
    const after = await bearer.get("/api/v1/me");
    expect(after.status).toBe(401);
  });

  it("cannot be revoked by another non-admin user, who sees 404", async () => {
    const created = await org.as.supervisor.post("/api/v1/api-tokens", { name: "mine" });
    const res = await org.as.agent.delete(`/api/v1/api-tokens/${created.body.data.id}`);
    expect(res.status).toBe(404);
    expect((await org.as.admin.delete(`/api/v1/api-tokens/${created.body.data.id}`)).status).toBe(204);
  });

  it("rejects an unknown bearer token", async () => {
    const res = await new Client(h.app, { bearer: "flt_doesnotexist" }).get("/api/v1/me");
    expect(res.status).toBe(401);
  });
});
