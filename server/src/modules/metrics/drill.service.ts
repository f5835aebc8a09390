import { type DrillSet, type DrillTicket, idSchema, type MetricsTicketsQuery } from "@frontline/common";
import { type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { rowsOf } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { cursorTime, decodeCursor, pageFrom } from "../../platform/paging";
import { inOrgForReports } from "../../platform/tenancy";
import { factsOfSlice, type Period, periodsOf, type Slice, sliceWhere, within } from "./filter";
import { sliceOf } from "./summary.service";

/**
 * The tickets behind a number, with when each entered the set: the same conditions as the figure
 * (docs/metrics.md), so a count and its list always agree.
 */
function setQuery(set: DrillSet, slice: Slice, p: Period): SQL {
  const t = (agent?: SQL) => sliceWhere(slice, agent);
  const fe = factsOfSlice("e", slice, { agentColumn: sql`e.agent_id` });
  const fo = factsOfSlice("e", slice);
  const fx = factsOfSlice("x", slice);
  const fa = factsOfSlice("a", slice);
  const solvedIn = sql`SELECT DISTINCT ON (e.ticket_id) e.ticket_id AS id, e.at, e.replies FROM metric_ticket_events e
    ${fe.join}
    WHERE e.org_id = ${slice.orgId} AND e.kind = 'solved' AND ${within(sql`e.at`, p)} AND ${fe.where}
    ORDER BY e.ticket_id, e.at DESC`;
  switch (set) {
    case "created":
      return sql`SELECT t.id, t.created_at AS at FROM metrics_tickets t WHERE ${t()} AND ${within(sql`t.created_at`, p)}`;
    case "backlog":
      return sql`SELECT t.id, t.created_at AS at FROM metrics_tickets t
        WHERE ${t()} AND t.status NOT IN ('solved', 'closed')`;
    case "solved":
      return solvedIn;
    case "firstContactResolved":
      return sql`SELECT s.id, s.at FROM (${solvedIn}) s
        WHERE s.replies = 1 AND s.id NOT IN (SELECT o.ticket_id FROM metric_ticket_events o
          WHERE o.org_id = ${slice.orgId} AND o.kind = 'reopened')`;
    case "reopened":
      return sql`SELECT e.ticket_id AS id, max(e.at) AS at FROM metric_ticket_events e ${fo.join}
        WHERE e.org_id = ${slice.orgId} AND e.kind = 'reopened' AND ${within(sql`e.at`, p)} AND ${fo.where}
        GROUP BY e.ticket_id`;
    case "slaBreached":
      return sql`SELECT x.ticket_id AS id, min(x.at) AS at FROM metrics_sla_events x ${fx.join}
        WHERE x.org_id = ${slice.orgId} AND x.kind = 'breached' AND ${within(sql`x.at`, p)} AND ${fx.where}
        GROUP BY x.ticket_id`;
    case "escalated":
      // One row per escalation, as the figure counts them: a ticket escalated twice is listed twice.
      return sql`SELECT x.ticket_id AS id, x.created_at AS at FROM metrics_escalations x ${fx.join}
        WHERE x.org_id = ${slice.orgId} AND ${within(sql`x.created_at`, p)} AND ${fx.where}`;
    case "rated":
    case "badRatings":
      return sql`SELECT a.ticket_id AS id, a.created_at AS at FROM metrics_survey_responses a ${fa.join}
        WHERE a.org_id = ${slice.orgId} AND ${within(sql`a.created_at`, p)} AND ${fa.where}
          ${set === "badRatings" ? sql`AND a.rating <= 3` : sql``}`;
  }
}

interface DrillRow {
  id: string;
  number: number;
  subject: string;
  status: string;
  priority: DrillTicket["priority"];
  channel: DrillTicket["channel"];
  assignee_id: string | null;
  team_id: string | null;
  created_at: string | Date;
  at: string | Date;
}

const iso = (v: string | Date) => new Date(v).toISOString();

/** A page of the tickets behind a figure, the latest to enter the set first. */
export async function metricTickets(ctx: Ctx, q: MetricsTicketsQuery) {
  const { current } = periodsOf(q);
  const after = q.cursor ? decodeCursor(q.cursor, 2) : null;
  if (after && !idSchema.safeParse(after[1]).success) {
    throw new AppError("validation_failed", "The cursor is not valid", { cursor: ["Invalid cursor"] });
  }
  return inOrgForReports(ctx.database, ctx.orgId, async (s) => {
    const slice = await sliceOf(s, ctx, q);
    const rows = rowsOf<DrillRow>(
      await s.tx.execute(sql`SELECT t.id, t.number, t.subject, t.status, t.priority, t.channel, t.assignee_id,
          t.team_id, t.created_at, m.at
        FROM (${setQuery(q.set, slice, current)}) m
        JOIN metrics_tickets t ON t.org_id = ${s.orgId} AND t.id = m.id
        ${after ? sql`WHERE (m.at, t.id) < (${cursorTime(after[0]!).toISOString()}::timestamptz, ${after[1]}::uuid)` : sql``}
        ORDER BY m.at DESC, t.id DESC LIMIT ${q.limit + 1}`),
    );
    const { page, nextCursor } = pageFrom(rows, q.limit, (r) => [iso(r.at), r.id]);
    const data: DrillTicket[] = page.map((r) => ({
      id: r.id,
      number: Number(r.number),
      subject: r.subject,
      status: r.status,
      priority: r.priority,
      channel: r.channel,
      assigneeId: r.assignee_id,
      teamId: r.team_id,
      createdAt: iso(r.created_at),
      at: iso(r.at),
    }));
    return { data, nextCursor };
  });
}
