import os from "node:os";
import path from "node:path";
import type { Wallboard } from "@frontline/common";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, signedIn, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp, testLimiter } from "../../../test/harness";
import { SseReader } from "../../../test/sse";
import { createApp } from "../../app";
import { type Database, openDatabase } from "../../platform/db";
import { FLOOR_CHANNEL } from "./floor-signal";
import { HEARTBEAT_MS } from "./floor-stream";

let h: Awaited<ReturnType<typeof testApp>>;
let app: ReturnType<typeof createApp>;
const logLines: string[] = [];

beforeAll(async () => {
  h = await testApp();
  // The same app over the same database, with a logger the tests can read.
  const log = pino({ level: "debug", base: undefined }, { write: (line: string) => void logLines.push(line) });
  app = createApp(
    { ...h.deps, log },
    { webDist: path.join(os.tmpdir(), "frontline-no-web"), limiter: testLimiter(h.deps.database) },
  );
});

afterEach(() => {
  vi.useRealTimers();
});

/** An organisation whose team "Desk" holds its supervisor, with one ticket waiting. */
async function desk(): Promise<{ org: TestOrg; teamId: string; ticketId: string }> {
  const org = await makeOrg(h);
  const teamId = (await org.as.admin.post("/api/v1/teams", { name: "Desk", memberIds: [org.users.supervisor.id] })).body
    .data.id;
  return { org, teamId, ticketId: await openTicket(org, teamId) };
}

async function openTicket(org: TestOrg, teamId: string): Promise<string> {
  const res = await org.as.admin.post("/api/v1/tickets", {
    subject: "Parcel lost",
    requester: { email: uniqueEmail("customer") },
    message: { body: "Where is it?" },
    teamId,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.id;
}

/** Opens the stream as `client`, as a browser's EventSource would. */
async function watch(client: Client, query = "") {
  const res = await app.request(`/api/v1/wallboard/stream${query}`, {
    headers: { cookie: client.creds.cookie!, accept: "text/event-stream" },
  });
  expect(res.status).toBe(200);
  return { res, sse: new SseReader(res.body!) };
}

async function nextSnapshot(sse: SseReader, ms = 5_000): Promise<Wallboard> {
  const e = await sse.event(ms);
  expect(e.event).toBe("snapshot");
  return JSON.parse(e.data) as Wallboard;
}

describe("GET /wallboard/stream", () => {
  it("sends the floor at once, then a fresh one within two seconds of a ticket solved in another request", async () => {
    const d = await desk();
    const { res, sse } = await watch(d.org.as.supervisor);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const first = await sse.event();
    expect(first).toMatchObject({ event: "snapshot", id: "1", retry: 2000 });
    expect((JSON.parse(first.data) as Wallboard).teams[0]).toMatchObject({ id: d.teamId, waiting: 1 });

    const solvedAt = Date.now();
    expect((await d.org.as.admin.patch(`/api/v1/tickets/${d.ticketId}`, { status: "solved" })).status).toBe(200);
    const next = await nextSnapshot(sse, 2_000);
    expect(Date.now() - solvedAt).toBeLessThan(2_000);
    expect(next.teams[0]).toMatchObject({ waiting: 0, oldestWaitSeconds: null });
    await sse.cancel();
  });

  it("folds a burst of changes into few snapshots that end with all of them", async () => {
    const d = await desk();
    const { sse } = await watch(d.org.as.supervisor);
    await nextSnapshot(sse);
    for (let i = 0; i < 6; i++) await openTicket(d.org, d.teamId);
    const seen: number[] = [];
    while (seen.at(-1) !== 7) seen.push((await nextSnapshot(sse, 3_000)).teams[0]!.waiting);
    expect(seen.length).toBeLessThan(6);
    await sse.cancel();
  });

  it("gives watchers of the same floor woken by one change one shared snapshot, and others their own", async () => {
    const d = await desk();
    const other = (await d.org.as.admin.post("/api/v1/teams", { name: "Returns", memberIds: [d.org.users.manager.id] }))
      .body.data.id as string;
    const same = await Promise.all(Array.from({ length: 12 }, () => watch(d.org.as.supervisor)));
    const manager = await watch(d.org.as.manager, `?teamId=${other}`);
    for (const w of [...same, manager]) await nextSnapshot(w.sse);
    expect((await d.org.as.admin.patch(`/api/v1/tickets/${d.ticketId}`, { status: "solved" })).status).toBe(200);
    const after = await Promise.all(same.map((w) => nextSnapshot(w.sse, 3_000)));
    expect(after.map((f) => f.teams[0]?.waiting)).toEqual(Array(12).fill(0));
    // Read once: the very same moment for all of them.
    expect(new Set(after.map((f) => f.generatedAt)).size).toBe(1);
    const theirs = await nextSnapshot(manager.sse, 3_000);
    expect(theirs.teams.map((t) => t.id)).toEqual([other]);
    for (const w of [...same, manager]) await w.sse.cancel();
  });

  it("is not woken by another organisation's change, and is by its own", async () => {
    const a = await desk();
    const b = await desk();
    const { sse } = await watch(a.org.as.supervisor);
    await nextSnapshot(sse);
    const heard: (string | null)[] = [];
    const stop = await h.deps.database.live.subscribe(FLOOR_CHANNEL, { onSignal: (p) => heard.push(p) });
    await b.org.as.admin.patch(`/api/v1/tickets/${b.ticketId}`, { status: "solved" });
    // A's watcher heard B's signal at this same moment; a wake-up would bring a snapshot within a second.
    await expect.poll(() => heard).toContain(b.org.orgId);
    stop();
    expect(await sse.next(1_500)).toBeNull();
    await a.org.as.admin.patch(`/api/v1/tickets/${a.ticketId}`, { status: "solved" });
    expect((await nextSnapshot(sse, 2_000)).teams[0]?.waiting).toBe(0);
    await sse.cancel();
  });

  it("ends, sending nothing more, once the watcher's session is signed out", async () => {
    const d = await desk();
    const session = await signedIn(h, d.org.orgId, d.org.users.supervisor.id);
    const { sse } = await watch(session);
    await nextSnapshot(sse);
    expect((await session.post("/api/v1/auth/logout")).status).toBe(204);
    await d.org.as.admin.patch(`/api/v1/tickets/${d.ticketId}`, { status: "solved" });
    expect(await sse.next(3_000)).toEqual({ kind: "end" });
  });

  it("follows the watcher's teams: leaving the team empties the floor, and ends a stream of that team", async () => {
    const d = await desk();
    const all = await watch(d.org.as.supervisor);
    const one = await watch(d.org.as.supervisor, `?teamId=${d.teamId}`);
    await nextSnapshot(all.sse);
    await nextSnapshot(one.sse);
    expect((await d.org.as.admin.patch(`/api/v1/teams/${d.teamId}`, { memberIds: [] })).status).toBe(200);
    expect((await nextSnapshot(all.sse, 2_000)).teams).toEqual([]);
    expect(await one.sse.next(3_000)).toEqual({ kind: "end" });
    await all.sse.cancel();
  });

  it("beats every 20 seconds, checking the caller again: a supervisor made an agent stops receiving", async () => {
    const d = await desk();
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const { sse } = await watch(d.org.as.supervisor);
    await nextSnapshot(sse);
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(await sse.next()).toEqual({ kind: "comment", text: "heartbeat" });
    const demoted = await d.org.as.admin.patch(`/api/v1/users/${d.org.users.supervisor.id}`, { role: "agent" });
    expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(await sse.next()).toEqual({ kind: "end" });
  });

  it("stops watching when the client goes away", async () => {
    const d = await desk();
    const { sse } = await watch(d.org.as.supervisor);
    await nextSnapshot(sse);
    const before = logLines.filter((l) => l.includes("live floor stream ended")).length;
    await sse.cancel();
    await expect.poll(() => logLines.filter((l) => l.includes("live floor stream ended")).length).toBe(before + 1);
  });
});

describe.runIf(!!process.env.DATABASE_URL)("GET /wallboard/stream across processes on one PostgreSQL server", () => {
  let other: Database;
  beforeAll(async () => {
    other = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: "unused", poolSize: 2 });
  });
  afterAll(async () => {
    await other?.close();
  });

  it("moves a watcher of one node when a ticket is solved through another", async () => {
    const d = await desk();
    const node2 = createApp(
      { ...h.deps, database: other },
      { webDist: path.join(os.tmpdir(), "frontline-no-web"), limiter: testLimiter(other) },
    );
    const { sse } = await watch(d.org.as.supervisor);
    expect((await nextSnapshot(sse)).teams[0]?.waiting).toBe(1);
    const solved = await node2.request(`/api/v1/tickets/${d.ticketId}`, {
      method: "PATCH",
      headers: {
        cookie: d.org.as.admin.creds.cookie!,
        "x-csrf-token": d.org.as.admin.creds.csrfToken!,
        "content-type": "application/json",
      },
      body: JSON.stringify({ status: "solved" }),
    });
    expect(solved.status).toBe(200);
    expect((await nextSnapshot(sse, 2_000)).teams[0]?.waiting).toBe(0);
    await sse.cancel();
  });
});
