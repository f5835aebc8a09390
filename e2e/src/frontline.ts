import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const DEMO_PASSWORD = "e2e-demo-password";

export interface RunningFrontline {
  url: string;
  /** Where its SMTP listener receives mail. */
  smtpPort: number;
  stop(): Promise<void>;
}

/**
 * Starts a real Frontline process with its demo workspace: embedded PGlite in a temporary folder,
 * or, when DATABASE_URL is set, a fresh database on that server seeded through the CLI. The demo
 * has its staff only, since tests count what they make themselves; `DEMO_CONTENT: "on"` in `env`
 * brings its example content. `env` adds settings, e.g. SMTP_URL for a relay the test listens on.
 */
export async function startFrontline(env_: NodeJS.ProcessEnv = {}): Promise<RunningFrontline> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    SMTP_PORT: "0",
    DATA_DIR: dataDir,
    DEMO_PASSWORD,
    DEMO_CONTENT: "off",
    LOG_LEVEL: "warn",
    ...env_,
  };
  let dropDatabase = () => {};
  if (process.env.DATABASE_URL) {
    const server = new URL(process.env.DATABASE_URL);
    const name = `frontline_e2e_${process.pid}_${Date.now()}`;
    const admin = new URL(server);
    admin.pathname = "/postgres";
    psql(admin.href, `CREATE DATABASE ${name}`);
    dropDatabase = () => psql(admin.href, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    server.pathname = `/${name}`;
    env.DATABASE_URL = server.href;
    const seeded = spawnSync(process.execPath, ["--import", "tsx", "server/src/cli/main.ts", "seed"], {
      cwd: ROOT,
      env,
      encoding: "utf8",
    });
    if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
  }
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { url, smtpPort } = await waitForUrl(child);
  return {
    url,
    smtpPort,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function psql(url: string, statement: string) {
  const r = spawnSync("psql", [url, "-qc", statement], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
}

/** Resolves with the web address and the SMTP port the process prints once it listens. */
function waitForUrl(child: ChildProcess): Promise<{ url: string; smtpPort: number }> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Frontline is running at (http:\/\/\S+)/.exec(output);
      const smtp = /Receiving mail at smtp:\/\/\S+:(\d+)/.exec(output);
      if (match) resolve({ url: match[1]!, smtpPort: smtp ? Number(smtp[1]) : 0 });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`Frontline exited with ${code} before listening:\n${output}`)));
  });
}
