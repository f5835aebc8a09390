import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../platform/config";
import type { Deps } from "../platform/context";
import { DataDirBusyError } from "../platform/data-dir-lock";
import { openDatabase } from "../platform/db";
import { AppError } from "../platform/errors";
import { createLogger } from "../platform/logger";
import { loadSecretBox, SecretError } from "../platform/secrets";
import { COMMANDS, type Command } from "./commands";

const USAGE = `Usage: npm run frontline -- <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(16)}${c.summary}`)
  .join("\n")}

Run "npm run frontline -- <command> --help" for a command's options.
The command uses the same configuration as the server (DATA_DIR or DATABASE_URL).`;

function helpOf(name: string, cmd: Command): string {
  const opts = Object.entries(cmd.options)
    .map(([k, o]) => `  --${k}${o.type === "string" ? ` ${k.toUpperCase()}` : ""}`.padEnd(32) + o.help)
    .join("\n");
  return `Usage: npm run frontline -- ${name} [options]\n\n${cmd.summary}\n\nOptions:\n${opts}\n  --help${" ".repeat(24)}Show this help`;
}

export interface CliIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** An open database to use instead of opening one from the environment (tests). */
  deps?: Deps;
}

/** Parses the command line, opens the database, runs one command, and answers the exit code. */
export async function runCli(
  argv: string[],
  io: CliIo = { out: process.stdout, err: process.stderr },
): Promise<number> {
  const { out, err } = io;
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    out.write(`${USAGE}\n`);
    return name ? 0 : 1;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    err.write(`Unknown command "${name}".\n\n${USAGE}\n`);
    return 1;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(Object.entries(cmd.options).map(([k, o]) => [k, { type: o.type }]));
    values = parseArgs({ args: rest, options: { ...options, help: { type: "boolean" } }, strict: true }).values;
  } catch (e) {
    err.write(`${(e as Error).message}\n\n${helpOf(name, cmd)}\n`);
    return 1;
  }
  if (values.help) {
    out.write(`${helpOf(name, cmd)}\n`);
    return 0;
  }
  const missing = Object.entries(cmd.options).filter(([k, o]) => o.required && values[k] === undefined);
  if (missing.length) {
    err.write(`Missing ${missing.map(([k]) => `--${k}`).join(", ")}.\n\n${helpOf(name, cmd)}\n`);
    return 1;
  }
  let deps = io.deps;
  const owned = !deps;
  try {
    if (!deps) {
      const config = loadConfig();
      const { box: secrets } = loadSecretBox(config);
      const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir, poolSize: 2 });
      deps = { config, database, secrets, log: createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL) };
    }
    await cmd.run(deps, values, out);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      const fields = Object.entries(e.fields ?? {}).map(([f, m]) => `  ${f}: ${m.join(", ")}\n`);
      err.write(`${e.message}\n${fields.join("")}`);
    } else if (e instanceof ConfigError || e instanceof DataDirBusyError || e instanceof SecretError) {
      err.write(`${e.message}\n`);
    } else {
      err.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    }
    return 1;
  } finally {
    if (owned) await deps?.database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
