import path from "node:path";
import { z } from "zod";
import { decodeSecretsKey } from "./secrets";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** A whole number in [min, max], with a message that says so. */
const intIn = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
const port = intIn(0, 65535);
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
  .transform((v) => ["true", "1", "yes"].includes(v));

/** Every environment variable Frontline reads; README's configuration table mirrors this. */
const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  /** A read-only replica of DATABASE_URL that reports and exports read from (scaled mode). */
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  PUBLIC_URL: z.url({ error: "must be a URL such as https://help.example.com" }).optional(),
  TRUST_PROXY: bool.default(false),
  DEMO_PASSWORD: z.string().min(8, "must be at least 8 characters").max(256).optional(),
  /** Whether the demo workspace comes with example customers, tickets, policies and rules, or staff only. */
  DEMO_CONTENT: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  SESSION_IDLE_MINUTES: intIn(5, 43_200).default(480),
  SESSION_MAX_HOURS: intIn(1, 8_760).default(168),
  BODY_LIMIT_BYTES: intIn(1024, 104_857_600).default(1_048_576),
  LOGIN_MAX_ATTEMPTS: intIn(1, 1000).default(10),
  LOGIN_WINDOW_SECONDS: intIn(1, 86_400).default(900),
  /** Requests per minute of each organisation (sessions and API tokens together); overridable per organisation. */
  RATE_LIMIT_ORG_PER_MINUTE: intIn(1, 10_000_000).default(3000),
  /** Requests per minute from each client address, signed in or not. */
  RATE_LIMIT_IP_PER_MINUTE: intIn(1, 10_000_000).default(6000),
  /** Requests an organisation may always have in flight on one node while others are busy (default: DB_POOL_SIZE). */
  RATE_LIMIT_ORG_IN_FLIGHT: intIn(1, 10_000).optional(),
  /** How many seconds' worth of a limit may arrive at once. */
  RATE_LIMIT_BURST_SECONDS: intIn(1, 3600).default(10),
  /** How often each node adds its counts to the shared ones and reads them back (the accuracy across nodes). */
  RATE_LIMIT_SYNC_MS: intIn(10, 60_000).default(250),
  DB_POOL_SIZE: intIn(1, 200).default(10),
  /** How long a node's claim on a background job lasts without renewal: a dead node's jobs are retried after it. */
  JOB_LOCK_SECONDS: intIn(2, 3600).default(120),
  SHUTDOWN_TIMEOUT_SECONDS: intIn(1, 600).default(15),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).default("Frontline <no-reply@localhost>"),
  SMTP_PORT: z.union([z.literal("off"), intIn(0, 65535)]).default(2525),
  SMTP_HOST: z.string().min(1).optional(),
  MAIL_MAX_BYTES: intIn(1024, 104_857_600).default(26_214_400),
  ATTACHMENT_MAX_BYTES: intIn(1024, 104_857_600).default(20_971_520),
  /** How often an organisation's automations are checked against its open tickets. */
  AUTOMATIONS_EVERY_MINUTES: intIn(1, 1440).default(5),
  /** authserv-ids of the mail servers in front of us whose Authentication-Results headers we believe. */
  MAIL_TRUSTED_AUTHSERV_IDS: z
    .string()
    .max(1000)
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  /** Key that encrypts stored secrets (IMAP passwords); embedded installs without it get a key file in DATA_DIR. */
  SECRETS_KEY: z
    .string()
    .refine((v) => decodeSecretsKey(v) !== null, {
      error: "must be 32 bytes, as 64 hex digits or in base64 (make one with: openssl rand -base64 32)",
    })
    .optional(),
});

/** Variables whose value is a secret (a key, a password, a URL that may carry one): named when wrong, never echoed. */
const SECRET_VARIABLES = new Set(["SECRETS_KEY", "DEMO_PASSWORD", "DATABASE_URL", "DATABASE_REPLICA_URL", "SMTP_URL"]);

export type Config = z.infer<typeof envSchema> & { dataDir: string };

/** Raised when the environment is invalid; `message` is one line naming the variable. */
export class ConfigError extends Error {}

/** Reads and validates configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    const got = SECRET_VARIABLES.has(name) ? undefined : env[name];
    throw new ConfigError(
      `Invalid configuration: ${name} ${issue?.message ?? "is invalid"}${got === undefined ? "" : ` (got "${got}")`}`,
    );
  }
  if (parsed.data.DATABASE_REPLICA_URL && !parsed.data.DATABASE_URL) {
    throw new ConfigError(
      "Invalid configuration: DATABASE_REPLICA_URL needs DATABASE_URL (a replica serves server mode)",
    );
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}

/**
 * The address people reach Frontline at, for links in mail: PUBLIC_URL, else this machine at the
 * port it listens on (which differs from PORT when PORT is 0).
 */
export function publicBaseUrl(config: Pick<Config, "PUBLIC_URL" | "HOST" | "PORT">, port = config.PORT): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, "");
  const host = config.HOST === "127.0.0.1" || config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
  return `http://${host}:${port}`;
}
