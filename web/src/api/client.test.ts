import { meSchema, one } from "@frontline/common";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error";
import { apiGet, apiPost, apiUrl, configureApi, setCsrfToken } from "./client";

const me = {
  id: "0f0f0f0f-1111-4222-8333-444455556666",
  orgId: "1f0f0f0f-1111-4222-8333-444455556666",
  orgName: "Acme",
  orgSupportEmail: "help@acme.example",
  orgSlug: "acme",
  email: "a@example.com",
  name: "Ana",
  role: "admin",
  locale: "en",
  timeZone: "UTC",
  teamIds: [],
  csrfToken: "csrf-1",
};

function respond(status: number, body?: unknown, headers: Record<string, string> = {}) {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": type, ...headers },
  });
}

// fetch is the process edge of the web app: the only thing these tests replace.
const fetchMock = vi.fn<typeof fetch>();
const onUnauthorized = vi.fn();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  configureApi({ onUnauthorized, language: () => "ro" });
  setCsrfToken(null);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  fetchMock.mockReset();
  onUnauthorized.mockReset();
});

function lastRequest() {
  const [url, init] = fetchMock.mock.calls.at(-1) ?? [];
  return { url: String(url), init: init ?? {}, headers: new Headers(init?.headers) };
}

describe("apiUrl", () => {
  it("leaves out empty filters", () => {
    expect(apiUrl("/users", { q: "", role: undefined, active: null, limit: 50, cursor: "c1" })).toBe(
      "/api/v1/users?limit=50&cursor=c1",
    );
    expect(apiUrl("/me")).toBe("/api/v1/me");
  });
});

describe("requests", () => {
  it("send cookies same-origin, the language, and no CSRF header on GET", async () => {
    setCsrfToken("csrf-1");
    fetchMock.mockResolvedValueOnce(respond(200, { data: me }));
    const result = await apiGet("/me", one(meSchema));
    expect(result.data.name).toBe("Ana");
    const { init, headers } = lastRequest();
    expect(init.credentials).toBe("same-origin");
    expect(headers.get("Accept-Language")).toBe("ro");
    expect(headers.has("X-CSRF-Token")).toBe(false);
  });

  it("send the CSRF token and a JSON body on writes", async () => {
    setCsrfToken("csrf-1");
    fetchMock.mockResolvedValueOnce(respond(204));
    await apiPost("/auth/logout");
    fetchMock.mockResolvedValueOnce(respond(201, { data: me }));
    await apiPost("/users", { name: "B" }, one(meSchema));
    const { init, headers } = lastRequest();
    expect(init.method).toBe("POST");
    expect(headers.get("X-CSRF-Token")).toBe("csrf-1");
    expect(headers.get("Content-Type")).toBe("application/json");
    expect(init.body).toBe('{"name":"B"}');
  });
});

describe("errors", () => {
  it("carry the problem's code, fields and request id", async () => {
    const problem = {
      type: "https://frontline.dev/problems/conflict",
      title: "Conflict",
      status: 409,
      code: "conflict",
      detail: "Email already in use",
      fields: { email: ["Email already in use"] },
      requestId: "req-1",
    };
    fetchMock.mockResolvedValueOnce(respond(409, problem));
    const error = await apiPost("/users", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: "conflict", requestId: "req-1", message: "Email already in use" });
    expect((error as ApiError).fields).toEqual({ email: ["Email already in use"] });
  });

  it("read Retry-After on 429", async () => {
    fetchMock.mockResolvedValueOnce(
      respond(429, { type: "t", title: "Too many", status: 429, code: "rate_limited" }, { "Retry-After": "30" }),
    );
    const error = await apiPost("/auth/login", {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "rate_limited", retryAfter: 30 });
  });

  it("report a 401 as the end of the session, except from sign-in itself", async () => {
    const unauthenticated = { type: "t", title: "Auth", status: 401, code: "unauthenticated" };
    fetchMock.mockResolvedValueOnce(respond(401, unauthenticated));
    await expect(apiGet("/me", one(meSchema))).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);

    fetchMock.mockResolvedValueOnce(respond(401, { ...unauthenticated, code: "invalid_credentials" }));
    await expect(apiPost("/auth/login", {})).rejects.toMatchObject({ code: "invalid_credentials" });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it("keep the status when the body is not a problem document", async () => {
    fetchMock.mockResolvedValueOnce(new Response("Bad gateway", { status: 502 }));
    await expect(apiGet("/me", one(meSchema))).rejects.toMatchObject({ status: 502, code: "internal_error" });
  });

  it("name a network failure", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("fetch failed"));
    await expect(apiGet("/me", one(meSchema))).rejects.toMatchObject({ code: "network_error", status: 0 });
  });

  it("refuse a response that breaks the contract", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    fetchMock.mockResolvedValueOnce(respond(200, { data: { ...me, role: "owner" } }));
    await expect(apiGet("/me", one(meSchema))).rejects.toMatchObject({ code: "unexpected_response" });
  });
});
