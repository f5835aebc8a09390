import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnTs } from "../../../test/process";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-wallboard-stop-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("a live stream and the process's graceful stop", { timeout: 120_000 }, () => {
  it("ends open wallboard streams on SIGTERM instead of waiting for them, and exits cleanly", async () => {
    const server = spawnTs("server/src/main.ts", {
      DATABASE_URL: "",
      PORT: "0",
      SMTP_PORT: "off",
      LOG_LEVEL: "info",
      DATA_DIR: dataDir,
      DEMO_PASSWORD: "demo-password-1",
      DEMO_CONTENT: "off",
      SHUTDOWN_TIMEOUT_SECONDS: "30",
    });
    const [, url] = await server.waitFor(/Frontline is running at (http:\S+)/);
    const login = await fetch(new URL("/api/v1/auth/login", url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "supervisor@demo.test", password: "demo-password-1" }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;

    // A browser's EventSource keeps its connection for reuse: so does this agent.
    const agent = new http.Agent({ keepAlive: true });
    let received = "";
    const ended = new Promise<void>((resolve, reject) => {
      const req = http.get(new URL("/api/v1/wallboard/stream", url), { agent, headers: { cookie } }, (res) => {
        expect(res.statusCode).toBe(200);
        res.on("data", (chunk: Buffer) => {
          received += chunk.toString();
        });
        res.on("end", () => resolve());
        res.on("error", reject);
      });
      req.on("error", reject);
    });
    await expect.poll(() => received).toContain("event: snapshot");

    const signalled = Date.now();
    server.child.kill("SIGTERM");
    await ended;
    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(server.output()).toContain('"msg":"stopped"');
    agent.destroy();
  });
});
