import { createUserInput, updateUserInput } from "@frontline/common";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { Client, type Reply } from "../test/client";
import { makeOrg, signedIn, TEST_PASSWORD, type TestOrg } from "../test/factories";
import { testApp } from "../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;
let small: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;

beforeAll(async () => {
  h = await testApp();
  small = await testApp({ BODY_LIMIT_BYTES: "2048" });
  org = await makeOrg(h);
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Asserts the one problem shape: status, code, content type, and the request id in body and header. */
function expectProblem(res: Reply, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.body).toMatchObject({
    type: `https://frontline.dev/problems/${code.replaceAll("_", "-")}`,
    title: expect.any(String),
    status,
    code,
    detail: expect.any(String),
    requestId: expect.stringMatching(UUID),
  });
  expect(res.headers.get("x-request-id")).toBe(res.body.requestId);
}

/** A JSON body of exactly `bytes` bytes. */
function bodyOf(bytes: number): string {
  const head = '{"email":"big@example.test","name":"';
  return `${head}${"x".repeat(bytes - head.length - 2)}"}`;
}

async function userCount(client: Client): Promise<number> {
  return (await client.get("/api/v1/users?limit=200")).body.data.length;
}

describe("the error contract", () => {
  it("answers malformed JSON with 400 malformed_json as problem+json", async () => {
    for (const body of ["{bad", '{"email": "a@b.c",}', "", "[1, 2"]) {
      const res = await org.as.admin.send("POST", "/api/v1/users", body, { "content-type": "application/json" });
      if (body === "") {
        expect(res.status).toBe(400); // an empty body is an empty object to validate, or malformed: never a 500
        continue;
      }
      expectProblem(res, 400, "malformed_json");
      expect(res.body.detail).toBe("The body is not valid JSON");
    }
    expectProblem(await new Client(h.app).send("POST", "/api/v1/auth/login", "{x"), 400, "malformed_json");
  });

  it("answers a body over the configured limit with 413 payload_too_large, and takes one just under it", async () => {
    const admin = new Client(small.app, org.as.admin.creds);
    const over = await admin.send("POST", "/api/v1/users", bodyOf(2049));
    expectProblem(over, 413, "payload_too_large");
    expect(over.body.detail).toBe("The request body is over 2048 bytes");
    const under = await admin.send("POST", "/api/v1/users", bodyOf(2048));
    expectProblem(under, 400, "validation_failed");
    expectProblem(
      await new Client(small.app).send("POST", "/api/v1/auth/login", bodyOf(4096)),
      413,
      "payload_too_large",
    );
  });

  it("limits bodies to 1 MiB by default", async () => {
    expectProblem(await org.as.admin.send("POST", "/api/v1/users", bodyOf(1_048_577)), 413, "payload_too_large");
    expectProblem(await org.as.admin.send("POST", "/api/v1/users", bodyOf(1_048_576)), 400, "validation_failed");
  });

  it("answers 415 to a JSON route sent another content type, and creates nothing", async () => {
    const before = await userCount(org.as.admin);
    const valid = JSON.stringify({ email: "typed@example.test", name: "T", role: "agent", password: TEST_PASSWORD });
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/xml",
    ]) {
      expectProblem(
        await org.as.admin.send("POST", "/api/v1/users", valid, { "content-type": type }),
        415,
        "unsupported_media_type",
      );
    }
    expectProblem(
      await org.as.admin.send("POST", "/api/v1/users", valid, { "content-type": "" }),
      415,
      "unsupported_media_type",
    );
    expect(await userCount(org.as.admin)).toBe(before);
    const charset = await org.as.admin.send("PATCH", "/api/v1/me", JSON.stringify({ locale: "ro" }), {
      "content-type": "application/json; charset=utf-8",
    });
    expect(charset.status).toBe(200);
  });

  it("answers an unknown API route with a 404 problem", async () => {
    expectProblem(await org.as.agent.get("/api/v1/nothing-here"), 404, "not_found");
    expectProblem(await org.as.agent.get("/api/v2/users"), 404, "not_found");
    expectProblem(await new Client(h.app).get("/api/nothing"), 404, "not_found");
    const wrongMethod = await org.as.admin.send("PUT", "/api/v1/users", {});
    expect([404, 405]).toContain(wrongMethod.status);
    expect(wrongMethod.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers 400, never 500, to values the database cannot hold or a forged cursor", async () => {
    const proto = await org.as.admin.send("POST", "/api/v1/users", '{"__proto__": {"role": "admin"}}');
    expectProblem(proto, 400, "validation_failed");
    expect(Object.entries(proto.body.fields)).toContainEqual(["__proto__", ["Unknown field"]]);
    const nul = "a\u0000b";
    for (const res of [
      await org.as.admin.post("/api/v1/users", {
        email: "nul@example.test",
        name: nul,
        role: "agent",
        password: TEST_PASSWORD,
      }),
      await org.as.admin.post("/api/v1/teams", { name: nul }),
      await org.as.agent.patch("/api/v1/me", { name: nul }),
      await org.as.agent.post("/api/v1/api-tokens", { name: nul }),
      await org.as.agent.get(`/api/v1/users?q=${encodeURIComponent(nul)}`),
      await org.as.admin.get(`/api/v1/audit-events?action=${encodeURIComponent(nul)}`),
    ]) {
      expectProblem(res, 400, "bad_request");
    }
    const cursor = (values: string[]) => Buffer.from(JSON.stringify(values)).toString("base64url");
    for (const path of [
      `/api/v1/users?cursor=${cursor(["a", "not-a-uuid"])}`,
      `/api/v1/teams?cursor=${cursor(["a", "not-a-uuid"])}`,
      `/api/v1/audit-events?cursor=${cursor(["not-a-uuid"])}`,
      `/api/v1/api-tokens?cursor=${cursor(["not-a-uuid"])}`,
    ]) {
      expectProblem(await org.as.admin.get(path), 400, "bad_request");
    }
  });

  it("gives every response its own request id, in the header and in problems", async () => {
    const ok = await org.as.agent.get("/api/v1/me");
    const problem = await org.as.agent.get("/api/v1/users/not-a-uuid");
    const denied = await new Client(h.app).get("/api/v1/me");
    expect(ok.headers.get("x-request-id")).toMatch(UUID);
    expectProblem(problem, 400, "validation_failed");
    expectProblem(denied, 401, "unauthenticated");
    const ids = new Set([ok, problem, denied].map((r) => r.headers.get("x-request-id")));
    expect(ids.size).toBe(3);
    const forged = await org.as.agent.get("/api/v1/me", { "x-request-id": "has spaces; and=more" });
    expect(forged.headers.get("x-request-id")).toMatch(UUID);
  });
});

describe("health, OpenAPI and docs", () => {
  it("GET /healthz answers {status: ok}", async () => {
    const res = await new Client(h.app).get("/healthz");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });

  it("publishes an OpenAPI 3.1 document listing every /api/v1 route", async () => {
    const res = await new Client(h.app).get("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(res.body.info.title).toBe("Frontline API");
    const listed = Object.fromEntries(
      Object.entries(res.body.paths as Record<string, object>).map(([path, ops]) => [path, Object.keys(ops).sort()]),
    );
    expect(listed).toEqual({
      "/api/v1/auth/login": ["post"],
      "/api/v1/auth/logout": ["post"],
      "/api/v1/me": ["get", "patch"],
      "/api/v1/me/password": ["post"],
      "/api/v1/portal/{slug}": ["get"],
      "/api/v1/portal/{slug}/attachments/{id}": ["get"],
      "/api/v1/portal/{slug}/me": ["get", "patch"],
      "/api/v1/portal/{slug}/requests": ["post"],
      "/api/v1/portal/{slug}/session": ["delete", "post"],
      "/api/v1/portal/{slug}/sign-in-link": ["post"],
      "/api/v1/portal/{slug}/tickets": ["get"],
      "/api/v1/portal/{slug}/tickets/{id}": ["get"],
      "/api/v1/portal/{slug}/tickets/{id}/messages": ["post"],
      "/api/v1/portal/{slug}/tickets/{id}/supervisor": ["post"],
      "/api/v1/portal/{slug}/supervisor-link": ["post"],
      "/api/v1/portal/{slug}/supervisor-link/confirm": ["post"],
      "/api/v1/surveys/{token}": ["get", "post"],
      "/api/v1/api-tokens": ["get", "post"],
      "/api/v1/api-tokens/{id}": ["delete"],
      "/api/v1/users": ["get", "post"],
      "/api/v1/users/{id}": ["get", "patch"],
      "/api/v1/teams": ["get", "post"],
      "/api/v1/teams/{id}": ["get", "patch"],
      "/api/v1/audit-events": ["get"],
      "/api/v1/custom-fields": ["get", "post"],
      "/api/v1/custom-fields/{id}": ["patch"],
      "/api/v1/customers": ["get", "post"],
      "/api/v1/customers/{id}": ["get", "patch"],
      "/api/v1/customers/{id}/merge": ["post"],
      "/api/v1/customers/{id}/timeline": ["get"],
      "/api/v1/companies": ["get", "post"],
      "/api/v1/companies/{id}": ["get", "patch"],
      "/api/v1/tickets": ["get", "post"],
      "/api/v1/tickets/bulk": ["post"],
      "/api/v1/tickets/count": ["get"],
      "/api/v1/attachments": ["post"],
      "/api/v1/views": ["get", "post"],
      "/api/v1/views/counts": ["get"],
      "/api/v1/views/{id}": ["delete", "patch"],
      "/api/v1/attachments/{id}": ["get"],
      "/api/v1/tickets/{id}": ["get", "patch"],
      "/api/v1/tickets/{id}/merge": ["post"],
      "/api/v1/tickets/{id}/messages": ["get", "post"],
      "/api/v1/channels/phone/calls": ["post"],
      "/api/v1/channels/email/inbound": ["post"],
      "/api/v1/channels/imap-mailboxes": ["get", "post"],
      "/api/v1/channels/imap-mailboxes/{id}": ["delete", "patch"],
      "/api/v1/search": ["get"],
      "/api/v1/sla-policies": ["get", "post"],
      "/api/v1/sla-policies/reorder": ["post"],
      "/api/v1/sla-policies/{id}": ["delete", "get", "patch"],
      "/api/v1/tickets/{id}/sla": ["get"],
      "/api/v1/rules": ["get", "post"],
      "/api/v1/rules/reorder": ["post"],
      "/api/v1/rules/{id}": ["delete", "get", "patch"],
      "/api/v1/notifications": ["get"],
      "/api/v1/notifications/count": ["get"],
      "/api/v1/notifications/read": ["post"],
      "/api/v1/business-calendars": ["get", "post"],
      "/api/v1/business-calendars/{id}": ["delete", "get", "patch"],
      "/api/v1/business-calendars/{id}/closed-days": ["get"],
      "/api/v1/holiday-countries": ["get"],
      "/api/v1/teams/{id}/calendar": ["put"],
      "/api/v1/me/presence": ["get", "put"],
      "/api/v1/routing/agents": ["get"],
      "/api/v1/routing/agents/{id}": ["get", "patch"],
      "/api/v1/routing/agents/{id}/presence": ["put"],
      "/api/v1/routing/queue": ["get"],
      "/api/v1/routing/skills": ["get", "post"],
      "/api/v1/routing/skills/{id}": ["delete", "patch"],
      "/api/v1/teams/{id}/routing": ["get", "put"],
      "/api/v1/tickets/{id}/requirements": ["get", "put"],
      "/api/v1/tickets/{id}/escalations": ["get", "post"],
      "/api/v1/escalations": ["get"],
      "/api/v1/escalations/report": ["get"],
      "/api/v1/escalations/{id}/take": ["post"],
      "/api/v1/escalations/{id}/resolve": ["post"],
      "/api/v1/escalations/{id}/de-escalate": ["post"],
      "/api/v1/escalation-reasons": ["get", "post"],
      "/api/v1/escalation-reasons/{code}": ["patch"],
      "/api/v1/escalation-phrases": ["get", "patch"],
      "/api/v1/settings/surveys": ["get", "patch"],
      "/api/v1/metrics/summary": ["get"],
      "/api/v1/metrics/series": ["get"],
      "/api/v1/metrics/breakdown": ["get"],
      "/api/v1/metrics/complaints": ["get"],
      "/api/v1/metrics/tickets": ["get"],
      "/api/v1/metrics/export": ["get"],
      "/api/v1/report-schedules": ["get", "post"],
      "/api/v1/report-schedules/{id}": ["delete", "get", "patch"],
      "/api/v1/report-schedules/{id}/send-now": ["post"],
      "/api/v1/wallboard": ["get"],
      "/api/v1/wallboard/stream": ["get"],
    });
    expect(Object.keys(res.body.components.securitySchemes).sort()).toEqual(["bearer", "portalSession", "session"]);
    for (const [path, ops] of Object.entries(
      res.body.paths as Record<string, Record<string, { security?: unknown }>>,
    )) {
      for (const [method, op] of Object.entries(ops)) {
        if (path !== "/api/v1/auth/login") expect(op.security, `${method} ${path}`).toBeDefined();
      }
    }
  });

  it("serves every documented operation (none falls through to 'No such API route')", async () => {
    const spec = (await new Client(h.app).get("/api/openapi.json")).body;
    const ghost = "01900000-0000-7000-8000-000000000000";
    for (const [path, ops] of Object.entries(spec.paths as Record<string, object>)) {
      for (const method of Object.keys(ops)) {
        // A fresh session each time: one of these is logout.
        const admin = await signedIn(h, org.orgId, org.users.admin.id);
        const url = path.replace("{id}", ghost);
        const res = await admin.send(
          method.toUpperCase(),
          url,
          method === "get" || method === "delete" ? undefined : {},
        );
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
        expect(res.body?.detail, `${method} ${path}`).not.toBe("No such API route");
      }
    }
  });

  it("serves readable docs with their own assets", async () => {
    const page = await new Client(h.app).get("/api/docs");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.body).toContain('<script src="/api/docs/assets/swagger-ui-bundle.js"></script>');
    expect(page.body).not.toMatch(/<script>/); // no inline script: the CSP forbids it
    const bundle = await new Client(h.app).get("/api/docs/assets/swagger-ui-bundle.js");
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toMatch(/javascript/);
    expect(String(bundle.body).length).toBeGreaterThan(100_000);
    expect((await new Client(h.app).get("/api/docs/init.js")).body).toContain("/api/openapi.json");
  });
});

describe("security headers", () => {
  it("sends a strict CSP, nosniff and no framing on pages, JSON and problems", async () => {
    const responses = [
      await new Client(h.app).get("/healthz"),
      await new Client(h.app).get("/api/docs"),
      await org.as.agent.get("/api/v1/me"),
      await org.as.agent.get("/api/v1/nothing"),
      await new Client(h.app).post("/api/v1/auth/login", { email: "x@example.test", password: "wrong" }),
    ];
    for (const res of responses) {
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
    }
  });
});

describe("arbitrary input never breaks the server", () => {
  const anyString = fc.string({ unit: "binary", maxLength: 40 });
  const anyJson = fc.jsonValue({ maxDepth: 3, stringUnit: "binary" });
  /** Bodies near the real shape, so the property reaches the database and not only the validator. */
  const nearUser = fc.record(
    {
      email: fc.oneof(
        fc.uuid().map((u) => `p-${u}@Example.test`),
        anyString,
        anyJson,
      ),
      name: fc.oneof(anyString, fc.constant("Prop Erty"), anyJson),
      role: fc.oneof(fc.constantFrom("agent", "supervisor", "manager", "admin"), anyString),
      password: fc.oneof(fc.constant(TEST_PASSWORD), anyString),
      locale: fc.oneof(fc.constantFrom("en", "de", "ar"), anyString),
      timeZone: fc.oneof(fc.constantFrom("UTC", "Asia/Kathmandu"), anyString),
      teamIds: fc.oneof(fc.constant([]), fc.array(fc.uuid(), { maxLength: 2 }), anyJson),
      active: fc.boolean(),
      orgId: fc.uuid(),
    },
    { requiredKeys: [] },
  );
  /** Complete bodies whose free-text fields hold any code point (NUL, RTL marks, astral planes). */
  const almostValid = fc.record({
    email: fc.uuid().map((u) => `a-${u}@example.test`),
    name: anyString,
    role: fc.constantFrom("agent", "admin"),
    password: fc.oneof(fc.constant(TEST_PASSWORD), anyString),
    timeZone: fc.constantFrom("UTC", "Europe/Bucharest"),
  });
  const bodies = fc.oneof(anyJson, nearUser, almostValid);

  it("POST /users: no 500, and a user only from a valid body", async () => {
    const target = await makeOrg(h);
    let created = 0;
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const res = await target.as.admin.send("POST", "/api/v1/users", JSON.stringify(body), {
          "content-type": "application/json",
        });
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        const valid = createUserInput.safeParse(body);
        if (res.status === 201) {
          created++;
          expect(valid.success).toBe(true);
          expect(res.body.data).toMatchObject({ email: valid.data!.email, role: valid.data!.role });
        } else if (!valid.success) {
          expect(res.status).toBe(400);
        }
      }),
      { numRuns: 150 },
    );
    expect(created).toBeGreaterThan(0);
    expect(await userCount(target.as.admin)).toBe(4 + created);
  });

  it("PATCH /users/:id: no 500, and a change only from a valid body", async () => {
    const target = await makeOrg(h);
    const path = `/api/v1/users/${target.users.agent.id}`;
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const before = (await target.as.admin.get(path)).body.data;
        const res = await target.as.admin.send("PATCH", path, JSON.stringify(body), {
          "content-type": "application/json",
        });
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        if (res.status === 200) expect(updateUserInput.safeParse(body).success).toBe(true);
        else expect((await target.as.admin.get(path)).body.data).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});
