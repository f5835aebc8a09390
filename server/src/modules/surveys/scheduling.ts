import { and, eq } from "drizzle-orm";
import { newId } from "../../platform/ids";
import { enqueueJob } from "../../platform/jobs";
import type { OrgTx } from "../../platform/tenancy";
import type { TicketRow } from "../tickets";
import { settingsOf } from "./settings.service";
import { surveyRequests } from "./surveys.tables";

export const SEND_SURVEY = "survey.send";

const DAY_MS = 86_400_000;

/**
 * A ticket was just solved: its survey goes out after the organisation's delay, by a job queued in
 * this transaction. A ticket gets one survey: solving it again after its survey went out (or failed)
 * sends nothing. A survey still waiting, or skipped because the ticket had been reopened by then,
 * waits the delay again from this solve, so the customer hears from us once the work is really done.
 */
export async function scheduleSurvey(s: OrgTx, ticket: TicketRow, now = new Date()): Promise<void> {
  const settings = await settingsOf(s);
  if (!settings.enabled) return;
  const runAt = new Date(now.getTime() + settings.delayMinutes * 60_000);
  const expiresAt = new Date(runAt.getTime() + settings.expiresDays * DAY_MS);
  const [existing] = await s.tx
    .select({ id: surveyRequests.id, status: surveyRequests.status, sentAt: surveyRequests.sentAt })
    .from(surveyRequests)
    .where(and(eq(surveyRequests.orgId, s.orgId), eq(surveyRequests.ticketId, ticket.id)))
    .for("update");
  let id: string;
  if (!existing) {
    id = newId();
    await s.tx.insert(surveyRequests).values({
      orgId: s.orgId,
      id,
      ticketId: ticket.id,
      status: "scheduled",
      scheduledFor: runAt,
      expiresAt,
    });
  } else if (existing.status === "scheduled" || (existing.status === "skipped" && existing.sentAt === null)) {
    id = existing.id;
    await s.tx
      .update(surveyRequests)
      .set({ status: "scheduled", scheduledFor: runAt, expiresAt })
      .where(and(eq(surveyRequests.orgId, s.orgId), eq(surveyRequests.id, id)));
  } else return;
  await enqueueJob(s, SEND_SURVEY, { requestId: id }, { runAt, maxAttempts: 10 });
}
