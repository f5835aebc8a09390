import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApp } from "../src/app";
import { loadConfig } from "../src/platform/config";
import type { Deps } from "../src/platform/context";
import { type Database, openDatabase } from "../src/platform/db";
import { createLogger } from "../src/platform/logger";
import { RateLimiter, type RateLimiterOptions } from "../src/platform/rate-limit";
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

/** A rate limiter whose counts no other test app shares (its own namespace in the shared tables). */
export function testLimiter(database: Database, opts: RateLimiterOptions = {}): RateLimiter {
  return new RateLimiter(database, { namespace: `${crypto.randomUUID()}:`, ...opts });
}

/**
 * The real HTTP application over the worker's database, with its own rate limiter. Tests send requests
 * far faster than people do, so the per-organisation limit is out of reach unless a test sets it.
 */
export async function testApp(env: Record<string, string> = {}) {
  const deps = await testDeps({ RATE_LIMIT_ORG_PER_MINUTE: "10000000", ...env });
  const app = createApp(deps, {
    webDist: path.join(os.tmpdir(), "frontline-no-web"),
    limiter: testLimiter(deps.database),
  });
  return { app, deps };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>["app"];
