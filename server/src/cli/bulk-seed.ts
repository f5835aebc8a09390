import cliProgress from "cli-progress";
import { z } from "zod";
import type { Deps } from "../platform/context";
import { generate } from "../seed/bulk";

type Values = Record<string, string | boolean | undefined>;
type Parse = <T extends z.ZodType>(schema: T, value: unknown, flag: string) => z.infer<T>;

const count = (max: number) => z.coerce.number().int().min(1).max(max);

/** `seed --tickets N`: generated organisations with two years of history, loaded with COPY. */
export async function runBulkSeed(deps: Deps, v: Values, out: NodeJS.WritableStream, parse: Parse): Promise<void> {
  const tickets = parse(count(20_000_000), v.tickets, "tickets");
  const seed = v.seed === undefined ? 1 : parse(z.coerce.number().int().min(0), v.seed, "seed");
  const orgs = v.orgs === undefined ? 20 : parse(count(1000), v.orgs, "orgs");
  // One line on stderr, redrawn: the phase, how far, how fast and how long still.
  const bar = new cliProgress.SingleBar(
    {
      format: "{phase} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}",
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 5000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let phase = "";
  let phaseStarted = started;
  const ws = await generate(deps.database, {
    tickets,
    seed,
    orgs,
    onProgress: (p) => {
      const rate = Math.round(p.done / Math.max(0.001, (Date.now() - phaseStarted) / 1000));
      if (p.phase === phase) return bar.update(p.done, { rate });
      if (phase) bar.stop();
      phase = p.phase;
      phaseStarted = Date.now();
      bar.start(p.total, p.done, { phase, rate: 0 });
    },
  });
  bar.stop();
  const seconds = (Date.now() - started) / 1000;
  const biggest = ws.orgs.find((o) => o.id === ws.biggestOrgId)!;
  out.write(
    `Generated ${tickets.toLocaleString("en")} tickets in ${ws.orgs.length} organisations in ${seconds.toFixed(0)} s ` +
      `(${Math.round(tickets / seconds).toLocaleString("en")} tickets/s).\n` +
      `Biggest: "${biggest.name}" (${biggest.tickets.toLocaleString("en")} tickets). Sign in as ${biggest.admin}, ` +
      `${biggest.supervisors[0] ?? ""} or ${biggest.agents[0] ?? ""}; every generated user's password: ${ws.password}\n`,
  );
}
