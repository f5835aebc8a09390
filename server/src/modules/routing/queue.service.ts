import { OPEN_LOAD_STATUSES, type QueueEntry, type RoutingQueueQuery, type WaitReason } from "@frontline/common";
import type { Ctx } from "../../platform/context";
import { cursorTime, decodeCursor, pageFrom } from "../../platform/paging";
import { inOrg } from "../../platform/tenancy";
import { type TicketRow, teamQueue } from "../tickets";
import { eligibleAgents } from "./choose-agent";
import { asCandidate, teamAgents } from "./engine";
import { teamSettingsFor, ticketNeedsOf } from "./routing.queries";
import { assertTeam } from "./team-routing.service";

/** A team's waiting tickets, oldest first, each with why it waits (see WAIT_REASONS). */
export async function listQueue(ctx: Ctx, q: RoutingQueueQuery) {
  const after = q.cursor ? decodeCursor(q.cursor, 2) : undefined;
  const entries = await inOrg(ctx.database, ctx.orgId, async (s) => {
    await assertTeam(s, q.teamId);
    const settings = await teamSettingsFor(s, q.teamId);
    const tickets = await teamQueue(s, q.teamId, OPEN_LOAD_STATUSES, {
      limit: q.limit + 1,
      ...(after ? { after: { createdAt: cursorTime(after[0]!), id: after[1]! } } : {}),
    });
    const needs = await ticketNeedsOf(s, tickets);
    const team = settings.strategy === "manual" ? [] : await teamAgents(s, q.teamId);
    return tickets.map((ticket) => {
      const need = needs.get(ticket.id)!;
      let reason: WaitReason = "manual";
      if (settings.strategy !== "manual") {
        const pool = eligibleAgents(
          need,
          team.map((a) => asCandidate(a, ticket.channel)),
          settings,
        );
        reason = typeof pool === "string" ? pool : "assigning";
      }
      return { ticket, need, reason };
    });
  });
  return pageFrom(entries, q.limit, (e) => [e.ticket.createdAt.toISOString(), e.ticket.id]);
}

/** A queue entry → API shape. */
export function presentQueueEntry(e: {
  ticket: TicketRow;
  need: { skillIds: string[]; language: string | null };
  reason: QueueEntry["reason"];
}): QueueEntry {
  return {
    ticket: {
      id: e.ticket.id,
      number: e.ticket.number,
      subject: e.ticket.subject,
      status: e.ticket.status,
      priority: e.ticket.priority,
      channel: e.ticket.channel,
      createdAt: e.ticket.createdAt.toISOString(),
    },
    skillIds: e.need.skillIds,
    requiredLanguage: e.need.language,
    reason: e.reason,
  };
}
