import { and, asc, eq } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { enqueueJobOnce, type JobHandler } from "../../platform/jobs";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { liveTicketIds } from "../tickets";
import { runAutomation } from "./rule-engine";
import { rules } from "./rules.tables";

export const RUN_AUTOMATIONS = "rules.run_automations";

const PAGE = 200;

/** Makes sure the organisation's automations are checked soon; called when one is saved active. */
export async function scheduleAutomations(s: OrgTx, at = new Date()): Promise<void> {
  await enqueueJobOnce(s, RUN_AUTOMATIONS, {}, { runAt: at, maxAttempts: 5 });
}

/**
 * Checks every active automation against every ticket that is not closed, a ticket per transaction
 * (short transactions; one ticket's trouble does not undo the others), then schedules the next
 * check — as long as the organisation still has an active automation.
 */
export const runAutomationsHandler: JobHandler = async (ctx: Ctx, _payload, _job, now) => {
  const active = await inOrg(ctx.database, ctx.orgId, (s) =>
    s.tx
      .select()
      .from(rules)
      .where(and(eq(rules.orgId, s.orgId), eq(rules.kind, "automation"), eq(rules.active, true)))
      .orderBy(asc(rules.position), asc(rules.id)),
  );
  if (active.length === 0) return;
  let after: string | null = null;
  for (;;) {
    const page = await inOrg(ctx.database, ctx.orgId, (s) => liveTicketIds(s, after, PAGE));
    for (const id of page) {
      await inOrg(ctx.database, ctx.orgId, async (s) => {
        for (const rule of active) await runAutomation(s, rule, id, now);
      });
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!;
  }
  await inOrg(ctx.database, ctx.orgId, (s) =>
    scheduleAutomations(s, new Date(now.getTime() + ctx.config.AUTOMATIONS_EVERY_MINUTES * 60_000)),
  );
};
