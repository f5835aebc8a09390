import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, type Spawned, spawnTs, until } from "../test/process";
import { startRelay } from "../test/smtp-relay";
import { SseReader } from "../test/sse";
import { sha256 } from "./platform/ids";

// Scaled mode as it is deployed: three Frontline processes on loopback, one PostgreSQL database.
// Requests land on any node; live events, sessions, sign-in limits and background jobs must not care
// which. One node is killed (SIGKILL, no shutdown) while it holds jobs: the others finish its work.

const PASSWORD = "scaled-password-1";
const serverUrl = process.env.DATABASE_URL;
const NODES = 3;
const REPLIES = 24;
const LOCK_SECONDS = 3;
const TIMERS = 6;
const timed: string[] = [];

let databaseUrl = "";
let owner: pg.Client;
let relay: Awaited<ReturnType<typeof startRelay>>;
const nodes: { p: Spawned; url: string }[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-scaled-"));

interface Creds {
  cookie: string;
  csrfToken: string;
}
interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read by shape and asserted exactly
  body: any;
}

async function call(base: string, creds: Creds | null, method: string, route: string, body?: unknown): Promise<Answer> {
  const res = await fetch(new URL(`/api/v1${route}`, base), {
    method,
    headers: {
      ...(creds ? { cookie: creds.cookie, "x-csrf-token": creds.csrfToken } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      origin: new URL(base).origin,
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

async function signIn(base: string, email: string, password = PASSWORD): Promise<Creds> {
  const res = await fetch(new URL("/api/v1/auth/login", base), {
    method: "POST",
    headers: { "content-type": "application/json", origin: new URL(base).origin },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const { csrfToken } = ((await res.json()) as { data: { csrfToken: string } }).data;
  return { cookie: res.headers.get("set-cookie")!.split(";")[0]!, csrfToken };
}

const nodeIdOf = (p: Spawned) => `${os.hostname()}:${p.child.pid}`;
const node = (i: number) => nodes[i % nodes.length]!;

describe.runIf(!!serverUrl)("three nodes on one PostgreSQL server", { timeout: 300_000 }, () => {
  beforeAll(async () => {
    const admin = new URL(serverUrl!);
    const name = `frontline_scaled_${process.pid}_${Date.now()}`;
    admin.pathname = "/postgres";
    spawnSync("psql", [admin.href, "-qc", `CREATE DATABASE ${name}`]);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    databaseUrl = url.href;
    relay = await startRelay(0, 300);
    const env = {
      PORT: "0",
      SMTP_PORT: "off",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      // The same server under another name stands for the replica: reports must work read-only through it.
      DATABASE_REPLICA_URL: `${databaseUrl}?application_name=frontline_reports`,
      DEMO_PASSWORD: PASSWORD,
      DEMO_CONTENT: "off",
      SMTP_URL: `smtp://127.0.0.1:${relay.port}`,
      MAIL_FROM: "Support <support@scaled.test>",
      JOB_LOCK_SECONDS: String(LOCK_SECONDS),
      LOGIN_MAX_ATTEMPTS: "3",
      LOG_LEVEL: "warn",
    };
    const seeded = spawnSync(process.execPath, ["--import", "tsx", "server/src/cli/main.ts", "seed"], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    expect(seeded.status, seeded.stderr.toString()).toBe(0);
    // Started together: each applies migrations under one advisory lock, so they wait for each other.
    const started = Array.from({ length: NODES }, () => spawnTs("server/src/main.ts", env));
    for (const p of started) {
      const [, base] = await p.waitFor(/Frontline is running at (http:\S+)/);
      nodes.push({ p, url: base! });
    }
    owner = new pg.Client({ connectionString: databaseUrl });
    await owner.connect();
    // Timers for later: tickets whose first reply falls due in a minute, each breach noted by a rule.
    const creds = await signIn(node(0).url, "admin@demo.test");
    expect(
      (
        await call(node(0).url, creds, "POST", "/sla-policies", {
          name: "One minute",
          targets: { firstReply: { minutes: 1, businessTime: false } },
          warnBeforeMinutes: 0,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call(node(1).url, creds, "POST", "/rules", {
          kind: "trigger",
          name: "Note the breach",
          events: ["sla.breached"],
          actions: [{ type: "add_note", body: "First reply missed" }],
        })
      ).status,
    ).toBe(201);
    for (let i = 0; i < TIMERS; i++) {
      const made = await call(node(i).url, creds, "POST", "/tickets", {
        subject: `Timer ${i}`,
        requester: { email: `waiting${i}@example.test` },
        message: { body: "Still waiting" },
      });
      expect(made.status).toBe(201);
      timed.push(made.body.data.id);
    }
  });

  afterAll(async () => {
    for (const n of nodes) n.p.child.kill("SIGKILL");
    await Promise.all(nodes.map((n) => n.p.exited));
    await owner?.end();
    await relay?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) {
      const admin = new URL(serverUrl!);
      admin.pathname = "/postgres";
      spawnSync("psql", [
        admin.href,
        "-qc",
        `DROP DATABASE IF EXISTS ${new URL(databaseUrl).pathname.slice(1)} WITH (FORCE)`,
      ]);
    }
  });

  /** Each node refuses the session once the change's signal has reached it (polled, 10 s at most). */
  const refusedOnceHeard = async (on: typeof nodes, creds: Creds) => {
    for (const n of on) {
      const after = await until(
        () => call(n.url, creds, "GET", "/me"),
        (a) => a.status === 401,
        10,
        20,
      );
      expect(after.status).toBe(401);
    }
  };

  it("keeps a session whichever node a request lands on, writes included", async () => {
    const creds = await signIn(node(0).url, "agent@demo.test");
    for (const n of nodes) expect((await call(n.url, creds, "GET", "/me")).body.data.email).toBe("agent@demo.test");
    const changed = await call(node(2).url, creds, "PATCH", "/me", { timeZone: "Asia/Tokyo" });
    expect(changed.status).toBe(200);
    expect((await call(node(1).url, creds, "GET", "/me")).body.data.timeZone).toBe("Asia/Tokyo");
    expect((await call(node(0).url, creds, "POST", "/auth/logout")).status).toBe(204);
    // The node that ended it refuses it at once; the others keep checked sessions in memory
    // (decision 033) and refuse it once the change's signal reaches them, within milliseconds.
    expect((await call(node(0).url, creds, "GET", "/me")).status).toBe(401);
    await refusedOnceHeard(nodes.slice(1), creds);
  });

  it("ends a session on every node when it is revoked outside the application, as an operator would", async () => {
    const creds = await signIn(node(1).url, "agent@demo.test");
    for (const n of nodes) expect((await call(n.url, creds, "GET", "/me")).status).toBe(200);
    const token = decodeURIComponent(creds.cookie.slice(creds.cookie.indexOf("=") + 1));
    const revoked = await owner.query("UPDATE sessions SET revoked_at = now() WHERE token_hash = $1", [sha256(token)]);
    expect(revoked.rowCount).toBe(1);
    await refusedOnceHeard(nodes, creds);
  });

  it("counts sign-in attempts together: the limit holds however the attempts are spread", async () => {
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(new URL("/api/v1/auth/login", node(i).url), {
        method: "POST",
        headers: { "content-type": "application/json", origin: new URL(node(i).url).origin },
        body: JSON.stringify({ email: "supervisor@demo.test", password: "not the password" }),
      });
      answers.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // Three wrong passwords (one per node), then the fourth is refused on the first node again.
    expect(answers).toEqual([401, 401, 401, 429]);
  });

  it("carries a change made through one node to a wallboard watching another", async () => {
    const creds = await signIn(node(0).url, "admin@demo.test");
    const team = await call(node(0).url, creds, "POST", "/teams", { name: "Floor" });
    expect(team.status).toBe(201);
    const res = await fetch(new URL(`/api/v1/wallboard/stream?teamId=${team.body.data.id}`, node(2).url), {
      headers: { cookie: creds.cookie, accept: "text/event-stream" },
    });
    const sse = new SseReader(res.body!);
    const first = await sse.event(10_000);
    expect(JSON.parse(first.data).teams[0].waiting).toBe(0);
    const made = await call(node(0).url, creds, "POST", "/tickets", {
      subject: "Across nodes",
      requester: { email: "floor@example.test" },
      message: { body: "Hello" },
      teamId: team.body.data.id,
    });
    expect(made.status).toBe(201);
    const next = await sse.event(10_000);
    expect(next.event).toBe("snapshot");
    expect(JSON.parse(next.data).teams[0].waiting).toBe(1);
    await sse.cancel();
  });

  it("answers reports through the replica's pool, read-only", async () => {
    const creds = await signIn(node(1).url, "manager@demo.test");
    const to = new Date();
    const from = new Date(to.getTime() - 30 * 86_400_000);
    const summary = await call(
      node(1).url,
      creds,
      "GET",
      `/metrics/summary?from=${from.toISOString()}&to=${to.toISOString()}`,
    );
    expect(summary.status).toBe(200);
    expect(summary.body.data.ticketsCreated).toBeGreaterThanOrEqual(1);
    const { rows } = await owner.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'frontline_reports'",
    );
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it("sends every reply exactly once across the nodes, and finishes a killed node's jobs elsewhere", async () => {
    const creds = await signIn(node(0).url, "admin@demo.test");
    const replies: string[] = [];
    // Made in bursts, faster than the slow relay takes mail, so every node has a backlog in hand.
    for (let burst = 0; burst < REPLIES; burst += 6) {
      const made = await Promise.all(
        Array.from({ length: 6 }, async (_, k) => {
          const i = burst + k;
          const ticket = await call(node(i).url, creds, "POST", "/tickets", {
            subject: `Reply ${i}`,
            requester: { email: `customer${i}@example.test` },
            message: { body: "Where is my parcel?" },
          });
          expect(ticket.status).toBe(201);
          const reply = await call(node(i + 1).url, creds, "POST", `/tickets/${ticket.body.data.id}/messages`, {
            kind: "reply",
            body: `On its way (${i})`,
          });
          expect(reply.status).toBe(201);
          return reply.body.data.id as string;
        }),
      );
      replies.push(...made);
    }
    const mailJobs = async () =>
      (
        await owner.query<{ id: string; status: string; locked_by: string | null; attempts: number; message: string }>(
          "SELECT id, status, locked_by, attempts, payload->>'messageId' AS message FROM jobs WHERE queue = 'email.send_reply'",
        )
      ).rows;

    // Kill the second node while it holds mail jobs (claimed, one of them being sent).
    const victim = node(1);
    const victimId = nodeIdOf(victim.p);
    const holding = await until(
      async () => (await mailJobs()).filter((j) => j.status === "running" && j.locked_by === victimId),
      (jobs) => jobs.length >= 2,
      30,
    );
    expect(holding.length).toBeGreaterThanOrEqual(2);
    victim.p.child.kill("SIGKILL");
    await victim.p.exited;
    // What it held when it died (it may have finished one more between the look and the kill).
    const held = (await mailJobs()).filter((j) => j.status === "running" && j.locked_by === victimId);
    expect(held.length).toBeGreaterThan(0);

    const final = await until(
      mailJobs,
      (jobs) => jobs.length === REPLIES && jobs.every((j) => j.status === "done"),
      60,
    );
    expect(final.map((j) => j.status)).toEqual(Array(REPLIES).fill("done"));
    // What the killed node held was finished by a live node once its claim ran out; every other
    // job ran exactly once, wherever it landed.
    const heldIds = new Set(held.map((j) => j.id));
    const survivors = new Set(nodes.filter((n) => n !== victim).map((n) => nodeIdOf(n.p)));
    for (const j of final) {
      if (heldIds.has(j.id)) {
        expect(survivors.has(j.locked_by!)).toBe(true);
        expect(j.attempts).toBe(2);
      } else expect(j.attempts).toBe(1);
    }
    // The work was shared: more than one node sent mail.
    expect(new Set(final.map((j) => j.locked_by)).size).toBeGreaterThan(1);

    // Every reply reached the relay; a second copy (the same Message-ID) only of the one mail the
    // killed node was sending when it died: accepted by the relay, never recorded as sent.
    const ids = relay.received.map((m) => /^Message-ID:\s*<([^@>]+)@/im.exec(m.raw)?.[1]);
    expect(new Set(ids.filter((id) => id && replies.includes(id))).size).toBe(REPLIES);
    const heldMessages = new Set(held.map((j) => j.message));
    const twice = replies.filter((id) => ids.filter((x) => x === id).length > 1);
    for (const id of twice) expect(heldMessages.has(id)).toBe(true);
    expect(twice.length).toBeLessThanOrEqual(1);
    // The stream of work goes on on the nodes that are left.
    const after = await call(node(0).url, creds, "GET", "/tickets?limit=1");
    expect(after.status).toBe(200);
  });

  it("runs each SLA timer once on the nodes left: one breach, one rule note per ticket", async () => {
    const creds = await signIn(node(0).url, "admin@demo.test");
    const timerJobs = async () =>
      (
        await owner.query<{ status: string }>(
          "SELECT status FROM jobs WHERE queue = 'sla.check' AND payload->>'ticketId' = ANY($1)",
          [timed],
        )
      ).rows;
    // Due a minute after the tickets were made; every check is finished once none is waiting.
    const jobs = await until(timerJobs, (rows) => rows.length > 0 && rows.every((r) => r.status === "done"), 120);
    expect(jobs.every((r) => r.status === "done")).toBe(true);
    const live = [node(0), node(2)];
    for (const [i, id] of timed.entries()) {
      const at = live[i % 2]!.url;
      const messages = await call(at, creds, "GET", `/tickets/${id}/messages`);
      const notes = (messages.body.data as { kind: string; bodyText: string }[]).filter((m) => m.kind === "note");
      expect(notes.map((n) => n.bodyText)).toEqual(["First reply missed"]);
      const [firstReply] = (await call(at, creds, "GET", `/tickets/${id}/sla`)).body.data;
      expect(firstReply).toMatchObject({ target: "firstReply", state: "breached" });
    }
  });
});
