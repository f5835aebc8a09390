/**
 * The organisations the load test drives, made with Frontline's own services: staff, API tokens and
 * tickets (each with its first message, so search and the dashboard have something to work on).
 */

import { createApiToken } from "../../server/src/modules/auth/tokens.service";
import { createOrganization } from "../../server/src/modules/orgs";
import { createUser } from "../../server/src/modules/staff";
import { createTicket } from "../../server/src/modules/tickets";
import { type Deps, systemCtx } from "../../server/src/platform/context";

export interface LoadOrg {
  orgId: string;
  /** Bearer tokens: an agent's for the desk's requests, a supervisor's for the dashboard. */
  agentToken: string;
  supervisorToken: string;
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
const PRIORITIES = ["low", "normal", "normal", "normal", "high", "urgent"] as const;

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

export async function seedOrgs(
  deps: Deps,
  opts: { orgs: number; ticketsPerOrg: number; onProgress?: (done: number, total: number) => void },
): Promise<LoadOrg[]> {
  const stamp = Date.now().toString(36);
  const total = opts.orgs * opts.ticketsPerOrg;
  let done = 0;
  const one = async (i: number): Promise<LoadOrg> => {
    const rnd = random(i + 1);
    const orgId = await createOrganization(deps, { name: `Load ${i + 1} ${stamp}`, slug: `load-${i + 1}-${stamp}` });
    const sys = systemCtx(deps, orgId);
    const user = (role: "agent" | "supervisor", n: number) =>
      createUser(sys, {
        email: `${role}${n}-${stamp}@load${i + 1}.test`,
        name: `${role} ${n}`,
        role,
        password: "correct horse battery staple",
        locale: "en",
        timeZone: "UTC",
        teamIds: [],
      });
    const agents = [];
    for (let n = 0; n < 10; n++) agents.push(await user("agent", n));
    const supervisor = await user("supervisor", 0);
    const tokenOf = async (u: { id: string; name: string; role: "agent" | "supervisor" }) =>
      (
        await createApiToken(systemCtx(deps, orgId, { type: "user", userId: u.id, name: u.name, role: u.role }), {
          name: "load test",
        })
      ).token;
    const ticketIds: string[] = [];
    for (let t = 0; t < opts.ticketsPerOrg; t++) {
      const ticket = await createTicket(sys, {
        subject: `${sentence(rnd, 3)} #${t}`,
        requester: { email: `customer${Math.floor(rnd() * 500)}@customers${i + 1}.test` },
        message: { body: `Hello, ${sentence(rnd, 25)}. Thanks.` },
        priority: PRIORITIES[Math.floor(rnd() * PRIORITIES.length)]!,
        channel: "email",
        tags: [WORDS[Math.floor(rnd() * WORDS.length)]!],
        customFields: {},
        assigneeId: agents[t % agents.length]!.id,
      });
      ticketIds.push(ticket.id);
      done += 1;
      if (done % 200 === 0 || done === total) opts.onProgress?.(done, total);
    }
    return {
      orgId,
      agentToken: await tokenOf(agents[0]!),
      supervisorToken: await tokenOf(supervisor),
      ticketIds,
    };
  };
  // A few organisations at a time: the pool has ten connections.
  const orgs: LoadOrg[] = new Array(opts.orgs);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(5, opts.orgs) }, async () => {
      while (next < opts.orgs) {
        const i = next++;
        orgs[i] = await one(i);
      }
    }),
  );
  return orgs;
}
