import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApp } from "../src/app";
import { loadConfig } from "../src/platform/config";
import type { Deps } from "../src/platform/context";
import { type Database, openDatabase } from "../src/platform/db";
import { createLogger } from "../src/platform/logger";
import { RateLimiter } from "../src/platform/rate-limit";
import { decodeSecretsKey, SecretBox } from "../src/platform/secrets";

let shared: Promise<Database> | undefined;

/** The worker's database: PGlite in a temporary folder, or the server at DATABASE_URL. */
export function testDatabase(): Promise<Database> {
  shared ??= (async () => {
    // Inside the run's folder (see global-setup.ts), which is removed when the run ends.
    const parent = process.env.FRONTLINE_TEST_TMP ?? os.tmpdir();
    const dataDir = fs.mkdtempSync(path.join(parent, "worker-"));
    return openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir, poolSize: 4 });
  })();
  return shared;
}

/** The key tests seal secrets with, whatever the database; `SECRETS_KEY: ""` gives a server without one. */
export const TEST_SECRETS_KEY = "ZnJvbnRsaW5lLXRlc3Qtc2VjcmV0cy1rZXktMzJieXQ";

/** Process dependencies for tests: quiet logs, real database. */
export async function testDeps(env: Record<string, string> = {}): Promise<Deps> {
  const config = loadConfig({
    SECRETS_KEY: TEST_SECRETS_KEY,
    ...env,
    DATABASE_URL: process.env.DATABASE_URL,
    LOG_LEVEL: "silent",
  });
  // Never the key file: config.dataDir is not the test database's folder, and tests must not write to ./data.
  const secrets = config.SECRETS_KEY ? new SecretBox(decodeSecretsKey(config.SECRETS_KEY)!) : null;
  return { config, log: createLogger("silent"), database: await testDatabase(), secrets };
}

/** The real HTTP application over the worker's database, with its own rate limiter. */
export async function testApp(env: Record<string, string> = {}) {
  const deps = await testDeps(env);
  const app = createApp(deps, { webDist: path.join(os.tmpdir(), "frontline-no-web"), limiter: new RateLimiter() });
  return { app, deps };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>["app"];
