import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { domainEvents } from "../../platform/events";
import type { JobHandler } from "../../platform/jobs";
import { inOrg } from "../../platform/tenancy";
import { slaPolicies, ticketSlaTargets } from "./sla.tables";
import { recordSlaEvent } from "./sla-engine";
import { forgetTargets, refreshSummary } from "./sla-targets";

/** Raised once when a target comes within its warning time, and once when it is missed. */
export const SLA_WARNING = "sla.warning";
export const SLA_BREACHED = "sla.breached";
export interface SlaAlert {
  ticketId: string;
  target: string;
  dueAt: Date;
}

/**
 * A target's check at its warning time or due time. The target may have moved since (paused,
 * kept, given more time): the check looks at it as it is now, so a stale check does nothing and a
 * check run twice (after a crash) finds the breach already recorded. A breach is recorded at the
 * moment the target fell due, however late the check runs.
 */
export const checkSlaHandler: JobHandler = async (ctx: Ctx, payload, _job, now) => {
  const { ticketId, target } = payload as { ticketId: string; target: string };
  await inOrg(ctx.database, ctx.orgId, async (s) => {
    const [row] = await s.tx
      .select()
      .from(ticketSlaTargets)
      .where(
        and(
          eq(ticketSlaTargets.orgId, s.orgId),
          eq(ticketSlaTargets.ticketId, ticketId),
          eq(ticketSlaTargets.target, target as "firstReply"),
        ),
      )
      .for("update");
    if (row?.state !== "active" || !row.dueAt) return;
    const [policy] = await s.tx
      .select({ warn: slaPolicies.warnBeforeMinutes })
      .from(slaPolicies)
      .where(and(eq(slaPolicies.orgId, s.orgId), eq(slaPolicies.id, row.policyId)));
    const where = and(
      eq(ticketSlaTargets.orgId, s.orgId),
      eq(ticketSlaTargets.ticketId, ticketId),
      eq(ticketSlaTargets.target, row.target),
    );
    const alert = { ticketId, target: row.target, dueAt: row.dueAt };
    forgetTargets(s, ticketId);
    if (row.dueAt.getTime() <= now.getTime()) {
      await s.tx
        .update(ticketSlaTargets)
        .set({ state: "breached", breachedAt: row.dueAt, updatedAt: now })
        .where(where);
      await recordSlaEvent(s, row, "breached", row.dueAt);
      await refreshSummary(s, ticketId);
      await domainEvents.emit<SlaAlert>(s, SLA_BREACHED, alert);
    } else if (
      !row.warnedAt &&
      policy &&
      policy.warn > 0 &&
      row.dueAt.getTime() - policy.warn * 60_000 <= now.getTime()
    ) {
      await s.tx.update(ticketSlaTargets).set({ warnedAt: now, updatedAt: now }).where(where);
      await recordSlaEvent(s, row, "warning", now);
      await domainEvents.emit<SlaAlert>(s, SLA_WARNING, alert);
    }
  });
};
