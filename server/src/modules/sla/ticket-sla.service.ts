import type { SlaTargetName, TicketSlaTarget } from "@frontline/common";
import { SLA_TARGETS } from "@frontline/common";
import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { notFound } from "../../platform/errors";
import { inOrg } from "../../platform/tenancy";
import { findTicket } from "../tickets";
import { slaPolicies } from "./sla.tables";
import { minutesOn } from "./sla-clock";
import { clockOf, targetsOf } from "./sla-targets";

/** A ticket's promises as they stand at `now`: due times, minutes left, and what was kept or missed. */
export async function ticketSla(ctx: Ctx, ticketId: string, now = new Date()): Promise<TicketSlaTarget[]> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const ticket = await findTicket(s, ticketId);
    if (!ticket) throw notFound("Ticket");
    const rows = await targetsOf(s, ticketId);
    if (rows.size === 0) return [];
    const ids = [...new Set([...rows.values()].map((r) => r.policyId))];
    const policies = await s.tx
      .select()
      .from(slaPolicies)
      .where(and(eq(slaPolicies.orgId, s.orgId), inArray(slaPolicies.id, ids)));
    const byId = new Map(policies.map((p) => [p.id, p]));
    const out: TicketSlaTarget[] = [];
    for (const name of SLA_TARGETS as readonly SlaTargetName[]) {
      const r = rows.get(name);
      const policy = r ? byId.get(r.policyId) : undefined;
      if (!r || !policy) continue;
      const clock = { businessTime: r.businessTime, spec: (await clockOf(s, policy, ticket, now)).spec };
      const remaining =
        r.state === "active" && r.dueAt
          ? minutesOn(clock, now, r.dueAt)
          : r.state === "paused"
            ? r.minutes - r.consumedMinutes
            : null;
      out.push({
        target: name,
        state: r.state,
        dueAt: r.dueAt?.toISOString() ?? null,
        remainingMinutes: remaining === null ? null : Math.round(remaining * 10) / 10,
        businessTime: r.businessTime,
        startedAt: r.startedAt.toISOString(),
        metAt: r.metAt?.toISOString() ?? null,
        breachedAt: r.breachedAt?.toISOString() ?? null,
        policyId: policy.id,
        policyName: policy.name,
      });
    }
    return out;
  });
}
