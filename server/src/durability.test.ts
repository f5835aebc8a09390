import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, type Spawned, spawnTs, until } from "../test/process";

// Kills the real process (SIGKILL: no shutdown, no finishing) while an SLA timer and an automation
// are pending, then starts it again on the same database: what was due happens, once.

const PASSWORD = "durable-password-1";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-durable-"));
const serverUrl = process.env.DATABASE_URL;
let databaseUrl: string | undefined;
if (serverUrl) {
  const url = new URL(serverUrl);
  const name = `frontline_durable_${process.pid}_${Date.now()}`;
  url.pathname = "/postgres";
  spawnSync("psql", [url.href, "-qc", `CREATE DATABASE ${name}`]);
  url.pathname = `/${name}`;
  databaseUrl = url.href;
}
const env = {
  PORT: "0",
  SMTP_PORT: "off",
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl ?? "",
  DEMO_PASSWORD: PASSWORD,
  AUTOMATIONS_EVERY_MINUTES: "1",
  LOG_LEVEL: "warn",
  // Its own policy and automation must be the only ones: the demo's would cover its ticket first.
  DEMO_CONTENT: "off",
};

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (serverUrl && databaseUrl) {
    const admin = new URL(serverUrl);
    admin.pathname = "/postgres";
    spawnSync("psql", [
      admin.href,
      "-qc",
      `DROP DATABASE IF EXISTS ${new URL(databaseUrl).pathname.slice(1)} WITH (FORCE)`,
    ]);
  }
});

// biome-ignore lint/suspicious/noExplicitAny: the test reads answers by shape and asserts exact values
type Call = (method: string, route: string, body?: unknown) => Promise<any>;

/** Starts Frontline on the shared data and signs in as the demo admin. */
async function start(): Promise<{ p: Spawned; call: Call }> {
  const p = spawnTs("server/src/main.ts", env);
  const [, url] = await p.waitFor(/Frontline is running at (http:\S+)/);
  const login = await fetch(new URL("/api/v1/auth/login", url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@demo.test", password: PASSWORD }),
  });
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const { csrfToken } = ((await login.json()) as { data: { csrfToken: string } }).data;
  const call: Call = async (method, route, body) => {
    const res = await fetch(new URL(`/api/v1${route}`, url), {
      method,
      headers: { cookie, "x-csrf-token": csrfToken, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${route}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return { p, call };
}

async function kill(p: Spawned): Promise<void> {
  p.child.kill("SIGKILL");
  await p.exited;
}

describe("pending work survives a killed process", { timeout: 300_000 }, () => {
  it("records an SLA breach at its due time and runs an automation once, after kill -9 and two restarts", async () => {
    if (databaseUrl)
      spawnSync(process.execPath, ["--import", "tsx", "server/src/cli/main.ts", "seed"], {
        cwd: ROOT,
        env: { ...process.env, ...env },
      });
    const first = await start();
    await first.call("POST", "/sla-policies", {
      name: "One minute",
      targets: { firstReply: { minutes: 1, businessTime: false } },
      warnBeforeMinutes: 0,
    });
    await first.call("POST", "/rules", {
      kind: "trigger",
      name: "Note the breach",
      events: ["sla.breached"],
      actions: [{ type: "add_note", body: "First reply missed" }],
    });
    const ticket = (
      await first.call("POST", "/tickets", {
        subject: "Durable",
        requester: { email: "d@example.com" },
        message: { body: "Hi" },
      })
    ).data;
    await first.call("POST", "/rules", {
      kind: "automation",
      name: "Flag",
      conditions: { all: [{ field: "hours_since_created", op: "gte", value: 0.0003 }] },
      actions: [{ type: "add_note", body: "Checked by the automation" }],
    });
    await kill(first.p);

    // Down while the first reply falls due.
    const due = new Date(ticket.createdAt).getTime() + 60_000;
    while (Date.now() < due + 1000) await new Promise((r) => setTimeout(r, Math.min(5000, due + 1000 - Date.now())));

    const second = await start();
    const notesOf = async (call: Call) =>
      ((await call("GET", `/tickets/${ticket.id}/messages`)).data as { kind: string; bodyText: string }[])
        .filter((m) => m.kind === "note")
        .map((m) => m.bodyText)
        .sort();
    const notes = await until(
      () => notesOf(second.call),
      (n) => n.length >= 2,
    );
    expect(notes).toEqual(["Checked by the automation", "First reply missed"]);
    const [firstReply] = (await second.call("GET", `/tickets/${ticket.id}/sla`)).data;
    expect(firstReply).toMatchObject({
      target: "firstReply",
      state: "breached",
      breachedAt: new Date(due).toISOString(),
    });
    await kill(second.p);

    // Once more, killed and started: nothing happens twice.
    const third = await start();
    // Let the restarted runner make its passes over everything due.
    await until(
      () => third.call("GET", "/rules"),
      () => false,
      5,
    );
    expect(await notesOf(third.call)).toEqual(["Checked by the automation", "First reply missed"]);
    expect((await third.call("GET", `/tickets/${ticket.id}`)).data.slaBreached).toBe(true);
    third.p.child.kill("SIGTERM");
    await third.p.exited;
  });
});
