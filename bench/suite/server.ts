import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** A Frontline server running as a child process, as an operator would start it. */
export interface RunningServer {
  base: string;
  smtpPort: number;
  pid: number;
  /** Resident memory now and at its peak (VmRSS, VmHWM), in MB. */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
}

/**
 * Starts `server/src/main.ts` under tsx in one Node process (so its memory is the server's own),
 * on a free port with its SMTP listener on another, and waits until it says it is listening.
 */
export async function startServer(
  env: Record<string, string>,
  opts: { cpuProf?: string } = {},
): Promise<RunningServer> {
  const args = ["--import", "tsx"];
  if (opts.cpuProf) args.push("--cpu-prof", `--cpu-prof-dir=${opts.cpuProf}`);
  args.push("server/src/main.ts");
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      SMTP_PORT: "0",
      LOG_LEVEL: "warn",
      // The suite measures how fast one client can go, from one address, as one organisation: the
      // limits that keep tenants fair (bench:load measures them) would stop it first.
      RATE_LIMIT_ORG_PER_MINUTE: "10000000",
      RATE_LIMIT_IP_PER_MINUTE: "10000000",
      RATE_LIMIT_ORG_IN_FLIGHT: "10000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const ready = new Promise<{ base: string; smtpPort: number }>((resolve, reject) => {
    let smtpPort = 0;
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const smtp = /Receiving mail at smtp:\/\/[^:]+:(\d+)/.exec(out);
      if (smtp) smtpPort = Number(smtp[1]);
      const http = /Frontline is running at http:\/\/[^:]+:(\d+)/.exec(out);
      if (http) resolve({ base: `http://127.0.0.1:${http[1]}`, smtpPort });
      // Keep only the tail: the log is not ours to hold.
      if (out.length > 20_000) out = out.slice(-5_000);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before listening:\n${out.slice(-3000)}`)));
  });
  const { base, smtpPort } = await ready;
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      // A server that dies under load is a result too: say so with its last words.
      if (!stopping)
        process.stderr.write(`\nThe server exited (${code ?? signal}) during the run:\n${out.slice(-4000)}\n`);
      resolve();
    }),
  );
  return {
    base,
    smtpPort,
    pid: child.pid!,
    memory: () => memoryOf(child),
    async stop() {
      stopping = true;
      child.kill("SIGTERM");
      await exited;
    },
  };
}

function memoryOf(child: ChildProcess): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}
