/**
 * The organisations the load test drives: the bulk generator's workspace, and API tokens made with
 * Frontline's own services.
 */

import { sql } from "drizzle-orm";
import { createApiToken } from "../../server/src/modules/auth/tokens.service";
import { findUserByEmail } from "../../server/src/modules/staff";
import { type Deps, systemCtx } from "../../server/src/platform/context";
import { rowsOf } from "../../server/src/platform/db";
import { inOrg } from "../../server/src/platform/tenancy";
import { generate } from "../generate";

export interface LoadOrg {
  orgId: string;
  /** Bearer tokens: an agent's for the desk's requests, a supervisor's for the dashboard. */
  agentToken: string;
  supervisorToken: string;
  /** Open tickets: the ones an agent reads and answers. */
  ticketIds: string[];
}

const WORDS = [
  "refund",
  "delivery",
  "invoice",
  "password",
  "login",
  "damaged",
  "parcel",
  "late",
  "cancel",
  "subscription",
  "warranty",
  "kettle",
  "printer",
  "router",
  "battery",
  "screen",
  "charger",
  "voucher",
  "address",
  "payment",
];

/** A small deterministic generator, so every run asks for the same things. */
export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const sentence = (rnd: () => number, n: number) =>
  Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(" ");

/**
 * The organisations of the bulk generator (bench/generate: sizes as different as a real platform's, the
 * biggest with 40% of the tickets), each with an API token for one agent and one supervisor.
 */
export async function seedOrgs(
  deps: Deps,
  opts: { orgs: number; tickets: number; onProgress?: (phase: string, done: number, total: number) => void },
): Promise<{ orgs: LoadOrg[]; searchTerms: string[] }> {
  const workspace = await generate(deps.database, {
    tickets: opts.tickets,
    orgs: opts.orgs,
    label: `L${Date.now().toString(36)}`,
    onProgress: (p) => opts.onProgress?.(p.phase, p.done, p.total),
  });
  const orgs: LoadOrg[] = [];
  // The biggest organisation last: it is the one that turns noisy.
  for (const g of [...workspace.orgs].sort((a, b) => a.tickets - b.tickets)) {
    const sys = systemCtx(deps, g.id);
    const tokenOf = async (email: string) => {
      const u = (await findUserByEmail(sys, email))!;
      const ctx = systemCtx(deps, g.id, { type: "user", userId: u.id, name: u.name, role: u.role });
      return (await createApiToken(ctx, { name: "load test" })).token;
    };
    const rows = await inOrg(deps.database, g.id, (s) =>
      s.tx.execute(sql`SELECT id FROM tickets WHERE org_id = ${g.id} AND status IN ('new', 'open', 'pending')
        AND merged_into_id IS NULL ORDER BY created_at DESC LIMIT 2000`),
    );
    orgs.push({
      orgId: g.id,
      agentToken: await tokenOf(g.agents[0]!),
      supervisorToken: await tokenOf(g.supervisors[0] ?? g.admin),
      ticketIds: rowsOf<{ id: string }>(rows).map((r) => r.id),
    });
  }
  const terms = Object.values(workspace.searchTerms).flatMap((t) => [t.rare, t.common, t.pair.join(" ")]);
  return { orgs, searchTerms: terms };
}
