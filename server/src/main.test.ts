import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { spawnTs } from "../test/process";
import { openDatabase, rowsOf } from "./platform/db";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-main-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

// These start the real process on embedded PGlite: start-up, the data-folder lock and shutdown are its own.
const embedded = { DATABASE_URL: "", PORT: "0", SMTP_PORT: "0", LOG_LEVEL: "info" };

// Each test starts real processes on a fresh embedded database (initdb and every migration): give
// them time on a busy two-core machine.
const PROCESS_TIMEOUT = 120_000;

describe("start-up", { timeout: PROCESS_TIMEOUT }, () => {
  it("stops with one clear line naming a wrong variable", async () => {
    const p = spawnTs("server/src/main.ts", { ...embedded, PORT: "not-a-port", DATA_DIR: tempDir() });
    expect(await p.exited).toBe(1);
    expect(p.output().trim()).toBe(
      'Invalid configuration: PORT must be a whole number from 0 to 65535 (got "not-a-port")',
    );
  });

  it("refuses a second process on a data folder that is in use", async () => {
    const dataDir = tempDir();
    const holder = await openDatabase({ dataDir });
    try {
      const p = spawnTs("server/src/main.ts", { ...embedded, DATA_DIR: dataDir });
      expect(await p.exited).toBe(1);
      expect(p.output().trim()).toBe(
        `The data folder ${dataDir} is in use by another Frontline process. Stop it first, or set DATA_DIR to another folder.`,
      );
    } finally {
      await holder.close();
    }
  });

  it("creates the demo workspace on first start only, prints its sign-in, and finishes a request in flight on SIGTERM", async () => {
    const dataDir = tempDir();
    const first = spawnTs("server/src/main.ts", {
      ...embedded,
      LOG_LEVEL: "debug",
      DATA_DIR: dataDir,
      DEMO_PASSWORD: "demo-password-1",
    });
    const [, url] = await first.waitFor(/Frontline is running at (http:\S+)/);
    expect(first.output()).toContain("Sign in at http://localhost:");
    expect(first.output()).toContain("as admin@demo.test");
    expect(first.output()).toContain("Password:  demo-password-1");
    expect(first.output()).toContain("with example customers, tickets and escalations.");
    expect(first.output()).toMatch(/Its customer portal: http:\/\/localhost:[1-9]\d*\/portal\/demo\n/);

    // A sign-in whose body is still arriving when the signal comes must still be answered.
    const body = JSON.stringify({ email: "admin@demo.test", password: "demo-password-1" });
    const target = new URL("/api/v1/auth/login", url);
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        target,
        { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
        (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 10));
      first.waitFor(/"msg":"stopping/).then(() => req.end(body.slice(10)));
    });
    await first.waitFor(/"path":"\/api\/v1\/auth\/login","msg":"request started"/);
    first.child.kill("SIGTERM");
    const answered = await response;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.text).data.email).toBe("admin@demo.test");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');
    // The requests of its last seconds still count: the rate limiter wrote them before the database closed.
    const stopped = await openDatabase({ dataDir });
    try {
      const counted = rowsOf<{ key: string }>(await stopped.db.execute(sql`SELECT key FROM platform.rate_buckets`));
      expect(counted.map((r) => r.key)).toContain("ip:127.0.0.1");
    } finally {
      await stopped.close();
    }

    const second = spawnTs("server/src/main.ts", { ...embedded, DATA_DIR: dataDir });
    await second.waitFor(/Frontline is running at/);
    expect(second.output()).not.toContain("demo workspace");
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  });
});
