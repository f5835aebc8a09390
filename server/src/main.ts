import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp, rateLimiterFor } from "./app";
import { registerChannelJobs, startSmtpListener } from "./modules/channels";
import { registerNotificationJobs } from "./modules/notifications";
import { registerPortalJobs } from "./modules/portal";
import { registerReportJobs } from "./modules/reports";
import { registerRoutingJobs } from "./modules/routing";
import { registerRuleJobs } from "./modules/rules";
import { registerSlaJobs } from "./modules/sla";
import { registerSurveyJobs } from "./modules/surveys";
import { ConfigError, loadConfig, publicBaseUrl } from "./platform/config";
import { DataDirBusyError } from "./platform/data-dir-lock";
import { openDatabase } from "./platform/db";
import { JobRunner } from "./platform/jobs";
import { createLogger } from "./platform/logger";
import { startMaintenance } from "./platform/maintenance";
import { loadSecretBox, SecretError } from "./platform/secrets";
import { seedDemo } from "./seed/demo";

/** config → database → migrate → (demo) → modules → listen, and a graceful stop on SIGTERM/SIGINT. */
async function main() {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    replicaUrl: config.DATABASE_REPLICA_URL,
    dataDir: config.dataDir,
    poolSize: config.DB_POOL_SIZE,
    log,
  });
  // After the data folder is locked: the embedded key file lives there, made by one process only.
  const { box: secrets, source } = loadSecretBox(config);
  if (secrets) log.info({ source }, "secrets key loaded");
  else log.warn("SECRETS_KEY is not set: IMAP mailboxes cannot be added or polled until it is");
  const deps = { config, log, database, secrets };

  // Announced once the port is known (PORT=0 picks one).
  const demo =
    database.kind === "pglite" && database.wasEmpty
      ? await seedDemo(deps, undefined, (line) => process.stdout.write(`${line}\n`))
      : undefined;

  const runner = new JobRunner(deps, { lockSeconds: config.JOB_LOCK_SECONDS });
  let listeningPort = config.PORT;
  const baseUrl = () => publicBaseUrl(config, listeningPort);
  const mail = registerChannelJobs(runner, deps, undefined, baseUrl);
  registerNotificationJobs(runner, deps, mail);
  registerSlaJobs(runner);
  registerRuleJobs(runner);
  registerPortalJobs(runner, deps, mail, baseUrl);
  registerRoutingJobs(runner);
  registerReportJobs(runner, deps, mail);
  registerSurveyJobs(runner, deps, mail, baseUrl);
  runner.start();
  const stopMaintenance = startMaintenance(database, log);
  const smtp =
    config.SMTP_PORT === "off"
      ? undefined
      : await startSmtpListener(deps, config.SMTP_PORT, config.SMTP_HOST ?? config.HOST);
  if (smtp) process.stdout.write(`Receiving mail at smtp://${config.SMTP_HOST ?? config.HOST}:${smtp.port}\n`);

  const limiter = rateLimiterFor(deps);
  const app = createApp(deps, { limiter });
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info: AddressInfo) => {
    listeningPort = info.port;
    const shown = info.address === "127.0.0.1" || info.address === "0.0.0.0" ? "localhost" : info.address;
    log.info({ port: info.port, host: info.address, database: database.kind }, "listening");
    if (demo) announceDemo(info.port, config.HOST, demo.password, demo.content !== undefined);
    process.stdout.write(`Frontline is running at http://${shown}:${info.port}\n`);
  });

  // Keep idle connections open longer than clients and proxies reuse them (they commonly assume 60 s):
  // with Node's 5 s default, a request sent on a socket the server is just closing fails with a reset.
  const http = server as unknown as { keepAliveTimeout: number; headersTimeout: number };
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping: no new connections, finishing requests in flight");
    const force = setTimeout(() => {
      log.error("in-flight requests did not finish in time; exiting");
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
    force.unref();
    const closeIdle = () => (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Idle keep-alive connections would hold close() open; busy ones finish first. A connection
    // whose answer ends after this point stays open for reuse, so the sweep repeats until none is left.
    closeIdle();
    const sweep = setInterval(closeIdle, 100);
    // Live streams (the wallboard's) never end by themselves: ending the live signals ends them.
    await database.live.close();
    await closed;
    clearInterval(sweep);
    await smtp?.close();
    await runner.stop();
    // The counts of the last requests would otherwise die with the process: other nodes, and this
    // one's next start, must see them.
    await limiter.close().catch((err: unknown) => log.warn({ err }, "rate limits: could not write the last counts"));
    stopMaintenance();
    mail?.close();
    await database.close();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

function announceDemo(port: number, host: string, password: string, withContent: boolean) {
  const where = host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host;
  process.stdout.write(
    `${[
      "",
      withContent
        ? 'A demo workspace was created (organisation "Demo"), with example customers, tickets and escalations.'
        : 'A demo workspace was created (organisation "Demo").',
      `  Sign in at http://${where}:${port} as admin@demo.test`,
      `  Password:  ${password}`,
      "  Also: manager@demo.test, supervisor@demo.test, agent@demo.test (same password)",
      `  Its customer portal: http://${where}:${port}/portal/demo`,
      "",
    ].join("\n")}\n`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirBusyError || err instanceof SecretError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(
      `Frontline failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  }
  process.exit(1);
});
