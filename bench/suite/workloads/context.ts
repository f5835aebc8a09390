import type { Agent } from "undici";
import type { Caller } from "../http";
import type { RunningServer } from "../server";
import type { Latency, Throughput } from "../stats";
import type { RawDb } from "../target";
import type { BenchWorkspace } from "../workspace";

/** What a workload's Frontline half gets: the running server and signed-in callers. */
export interface HttpCtx {
  server: RunningServer;
  agent: Agent;
  ws: BenchWorkspace;
  /** A signed-in caller (cached per email). */
  as(email: string): Promise<Caller>;
  quick: boolean;
  db: RawDb["kind"];
}

/** What a workload's raw half gets: the database, directly. */
export interface RawCtx {
  raw: RawDb;
  ws: BenchWorkspace;
  quick: boolean;
}

export type Measure = Throughput | Latency;
export type Measures = Record<string, Measure>;

/** One line of the table: Frontline against raw for one case. */
export interface Line {
  workload: string;
  case: string;
  /** "tickets/s", "mails/s" or a latency percentile in ms, e.g. "p95 ms". */
  unit: string;
  frontline: number;
  raw: number | null;
  /** Frontline / raw: for rates, the share of the raw rate; for latencies, how many times slower. */
  ratio: number | null;
  target: string;
  pass: boolean | null;
  /** For latencies, the medians beside the compared percentile. */
  p50?: { frontline: number; raw: number | null };
  /** Why a figure is missing or unusual. */
  note?: string;
}

export interface Workload {
  name: string;
  http(h: HttpCtx): Promise<Measures>;
  raw(r: RawCtx): Promise<Measures>;
  lines(f: Measures, r: Measures, db: RawDb["kind"]): Line[];
}

export const ratioOf = (a: number, b: number | null | undefined) => (b ? a / b : null);
