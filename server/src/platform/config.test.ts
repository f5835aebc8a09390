import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("configuration works", () => {
  it("has the documented defaults", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      DATA_DIR: "./data",
      LOG_LEVEL: "info",
      TRUST_PROXY: false,
      DEMO_CONTENT: "on",
    });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it("reads and converts values", () => {
    const c = loadConfig({
      PORT: "8080",
      TRUST_PROXY: "true",
      DATABASE_URL: "postgres://u@h:5432/db",
      LOG_LEVEL: "debug",
      DEMO_CONTENT: "off",
      DATABASE_REPLICA_URL: "postgres://u@replica:5432/db",
      JOB_LOCK_SECONDS: "30",
    });
    expect(c).toMatchObject({
      DATABASE_REPLICA_URL: "postgres://u@replica:5432/db",
      JOB_LOCK_SECONDS: 30,
      PORT: 8080,
      TRUST_PROXY: true,
      DATABASE_URL: "postgres://u@h:5432/db",
      LOG_LEVEL: "debug",
      DEMO_CONTENT: "off",
    });
  });

  it("takes SECRETS_KEY as 64 hex digits or base64 of 32 bytes", () => {
    expect(loadConfig({ SECRETS_KEY: "ab".repeat(32) }).SECRETS_KEY).toBe("ab".repeat(32));
    expect(loadConfig({ SECRETS_KEY: Buffer.alloc(32, 7).toString("base64") }).SECRETS_KEY).toBeDefined();
    expect(loadConfig({}).SECRETS_KEY).toBeUndefined();
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ PORT: "" }).PORT).toBe(3000);
  });
});

describe("configuration rejects bad values with one line naming the variable", () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ PORT: "abc" }, /^Invalid configuration: PORT .*\(got "abc"\)$/],
    [{ PORT: "70000" }, /^Invalid configuration: PORT /],
    // A URL may carry a password: named, never echoed.
    [{ DATABASE_URL: "mysql://root:hunter22@x" }, /^Invalid configuration: DATABASE_URL must be a postgres:\/\/ URL$/],
    [
      { SMTP_URL: "http://user:hunter22@relay" },
      /^Invalid configuration: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL$/,
    ],
    [{ LOG_LEVEL: "loud" }, /^Invalid configuration: LOG_LEVEL /],
    [{ DEMO_PASSWORD: "short" }, /^Invalid configuration: DEMO_PASSWORD must be at least 8 characters$/],
    [{ TRUST_PROXY: "maybe" }, /^Invalid configuration: TRUST_PROXY /],
    [{ DEMO_CONTENT: "yes" }, /^Invalid configuration: DEMO_CONTENT must be on or off \(got "yes"\)$/],
    // A wrong key is named, its value never echoed.
    [
      { SECRETS_KEY: "not-a-key" },
      /^Invalid configuration: SECRETS_KEY must be 32 bytes, as 64 hex digits or in base64 [^"]*$/,
    ],
    [{ SECRETS_KEY: "ab".repeat(16) }, /^Invalid configuration: SECRETS_KEY must be 32 bytes[^"]*$/],
    [
      { DATABASE_REPLICA_URL: "mysql://root:hunter22@replica" },
      /^Invalid configuration: DATABASE_REPLICA_URL must be a postgres:\/\/ URL$/,
    ],
    [
      { DATABASE_REPLICA_URL: "postgres://replica/db" },
      /^Invalid configuration: DATABASE_REPLICA_URL needs DATABASE_URL \(a replica serves server mode\)$/,
    ],
    [{ JOB_LOCK_SECONDS: "1" }, /^Invalid configuration: JOB_LOCK_SECONDS must be a whole number from 2 to 3600/],
  ];
  it.each(cases)("%j", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toContain("\n");
    }
  });
});
