import type { TestApp } from "./harness";

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies by shape and assert exact values
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Credentials {
  cookie?: string;
  csrfToken?: string | null;
  bearer?: string;
}

/** An HTTP client for the app, acting as one caller (a session cookie with its CSRF token, or a bearer token). */
export class Client {
  constructor(
    private readonly app: TestApp,
    readonly creds: Credentials = {},
  ) {}

  get = (path: string, headers?: Record<string, string>) => this.send("GET", path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) => this.send("POST", path, body, headers);
  patch = (path: string, body?: unknown, headers?: Record<string, string>) => this.send("PATCH", path, body, headers);
  put = (path: string, body?: unknown, headers?: Record<string, string>) => this.send("PUT", path, body, headers);
  delete = (path: string, headers?: Record<string, string>) => this.send("DELETE", path, undefined, headers);

  /** Sends a request; a string body is sent as-is, anything else as JSON. */
  async send(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.creds.cookie) headers.cookie = this.creds.cookie;
    if (this.creds.csrfToken && method !== "GET") headers["x-csrf-token"] = this.creds.csrfToken;
    if (this.creds.bearer) headers.authorization = `Bearer ${this.creds.bearer}`;
    const res = await this.app.request(path, {
      method,
      headers: { ...headers, ...extra },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    // A stream of events never ends by itself: its status and headers are the answer here.
    if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
      await res.body?.cancel();
      return { status: res.status, body: null, headers: res.headers };
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }
}
