import { Agent, request } from "undici";

/** A signed-in caller of a running Frontline: a session cookie and its CSRF token, as the web app sends. */
export class Caller {
  constructor(
    readonly base: string,
    private readonly agent: Agent,
    private readonly cookie: string,
    private readonly csrf: string | null,
    /** The signed-in user's id. */
    readonly userId: string,
  ) {}

  /** Signs in with email and password (POST /api/v1/auth/login) and keeps the session. */
  static async signIn(base: string, agent: Agent, email: string, password: string): Promise<Caller> {
    const res = await request(`${base}/api/v1/auth/login`, {
      dispatcher: agent,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.body.json()) as { data?: { id: string; csrfToken: string | null } };
    if (res.statusCode !== 200 || !body.data)
      throw new Error(`sign-in of ${email}: ${res.statusCode} ${JSON.stringify(body)}`);
    const setCookie = res.headers["set-cookie"];
    const cookies = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ""]).map((c) => c.split(";")[0]).join("; ");
    return new Caller(base, agent, cookies, body.data.csrfToken, body.data.id);
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { cookie: this.cookie, ...(this.csrf ? { "x-csrf-token": this.csrf } : {}), ...extra };
  }

  /** Sends a request and returns its parsed JSON; any status other than `expect` fails the run. */
  async send<T = unknown>(
    method: "GET" | "POST" | "PATCH",
    path: string,
    body?: string | Buffer,
    contentType = "application/json",
    expect: number[] = [200, 201],
  ): Promise<T> {
    const res = await request(`${this.base}${path}`, {
      dispatcher: this.agent,
      method,
      headers: this.headers(body === undefined ? {} : { "content-type": contentType }),
      body,
    });
    const text = await res.body.text();
    if (!expect.includes(res.statusCode)) throw new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  get = <T = unknown>(path: string) => this.send<T>("GET", path);
  post = <T = unknown>(path: string, json: unknown) => this.send<T>("POST", path, JSON.stringify(json));
  patch = <T = unknown>(path: string, json: unknown) => this.send<T>("PATCH", path, JSON.stringify(json));
}

/** A connection pool to the server, sized for the highest concurrency a workload uses. */
export const httpAgent = (connections: number) =>
  new Agent({ connections, pipelining: 1, keepAliveTimeout: 60_000, headersTimeout: 120_000, bodyTimeout: 0 });
