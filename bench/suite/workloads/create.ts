import { type Throughput, throughput } from "../stats";
import { type Line, type Measures, ratioOf, type Workload } from "./context";
import { BODY, rawOpenTicket } from "./writes";

const stamp = Date.now().toString(36);
const CONCURRENCY = [1, 32] as const;
// Enough calls for a steady rate, bounded in time so the quick run stays quick.
const plan = (c: number, quick: boolean) => ({
  concurrency: c,
  total: c === 1 ? (quick ? 400 : 2_000) : quick ? 3_000 : 20_000,
  maxMs: quick ? 4_000 : 30_000,
});

/** 1. A client opens a ticket with its first message (POST /api/v1/tickets) vs the same rows in one transaction. */
export const createWorkload: Workload = {
  name: "create",
  async http(h) {
    const admin = await h.as(h.ws.live.admin);
    const out: Measures = {};
    for (const c of CONCURRENCY) {
      out[`c${c}`] = await throughput(
        (i) =>
          admin.post("/api/v1/tickets", {
            subject: `Where is my order ${i}?`,
            requester: { email: `http-${c}-${i}-${stamp}@customer.test`, name: `Customer ${i}` },
            message: { body: BODY },
          }),
        plan(c, h.quick),
      );
    }
    return out;
  },
  async raw(r) {
    const [admin] = await r.raw.query<{ id: string }>(`SELECT id FROM users WHERE org_id = $1 AND email = $2`, [
      r.ws.live.orgId,
      r.ws.live.admin,
    ]);
    const out: Measures = {};
    for (const c of CONCURRENCY) {
      out[`c${c}`] = await throughput(
        (i) =>
          r.raw.tx((q) =>
            rawOpenTicket(q, r.ws.live.orgId, {
              email: `raw-${c}-${i}-${stamp}@customer.test`,
              name: `Customer ${i}`,
              subject: `Where is my order ${i}?`,
              body: BODY,
              channel: "api",
              actorId: admin!.id,
            }),
          ),
        plan(c, r.quick),
      );
    }
    return out;
  },
  lines(f, r) {
    return CONCURRENCY.map((c): Line => {
      const fr = (f[`c${c}`] as Throughput).rate;
      const rr = (r[`c${c}`] as Throughput | undefined)?.rate ?? null;
      const ratio = ratioOf(fr, rr);
      return {
        workload: "API create ticket + message",
        case: `concurrency ${c}`,
        unit: "tickets/s",
        frontline: fr,
        raw: rr,
        ratio,
        target: "≥ 0.60× raw",
        pass: ratio === null ? null : ratio >= 0.6,
      };
    });
  },
};
