import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./server";
import type { Line } from "./workloads/context";

/** The machine a run happened on, as docs/performance.md records it. */
export function machine(extra: Record<string, string>) {
  const cpus = os.cpus();
  let postgres = "";
  try {
    postgres = execSync("psql postgres://postgres@127.0.0.1:5432/postgres -Atc 'SHOW server_version'", {
      stdio: ["ignore", "pipe", "ignore"],
    })
      .toString()
      .trim();
  } catch {
    postgres = "unknown";
  }
  let commit = "";
  try {
    commit = execSync("git rev-parse --short HEAD", { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {
    commit = "unknown";
  }
  const pglite = JSON.parse(
    fs.readFileSync(path.join(ROOT, "node_modules/@electric-sql/pglite/package.json"), "utf8"),
  ) as { version: string };
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    node: process.version,
    postgresServer: postgres,
    pglite: pglite.version,
    os: `${os.type()} ${os.release()}`,
    commit,
    ...extra,
  };
}

const fmt = (v: number | null, unit = "") => {
  if (v === null || Number.isNaN(v)) return "—";
  if (!Number.isFinite(v)) return "timeout";
  if (unit.includes("ms")) return v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString("en");
  return v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString("en");
};

/** The result table as Markdown: what the terminal prints and docs/performance.md keeps. */
export function table(lines: Line[]): string {
  const rows = [
    ["workload", "case", "unit", "Frontline", "raw", "ratio", "target", "result"],
    ...lines.map((l) => [
      l.workload,
      l.case,
      l.p50 ? `p50 / ${l.unit}` : l.unit,
      l.p50 ? `${fmt(l.p50.frontline, "ms")} / ${fmt(l.frontline, l.unit)}` : fmt(l.frontline, l.unit),
      l.p50 ? `${fmt(l.p50.raw, "ms")} / ${fmt(l.raw, l.unit)}` : fmt(l.raw, l.unit),
      l.ratio === null || !Number.isFinite(l.ratio) ? "—" : `${l.ratio.toFixed(2)}×`,
      l.target,
      l.pass === null ? "—" : l.pass ? "pass" : "MISS",
    ]),
  ];
  const notes = lines.filter((l) => l.note).map((l) => `- ${l.workload}, ${l.case}: ${l.note}`);
  return [grid(rows), ...(notes.length ? ["", ...notes] : [])].join("\n");
}

function grid(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c + " ".repeat(widths[i]! - [...c].length)).join(" | ")} |`;
  return [line(rows[0]!), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.slice(1).map(line)].join("\n");
}

/** Writes the run as JSON under bench/results/<date>-<db>-<tickets>.json and returns the path. */
export function writeResults(name: string, body: unknown): string {
  const dir = path.join(ROOT, "bench/results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}
