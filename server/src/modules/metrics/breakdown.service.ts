import type { BreakdownRow, MetricDimension, MetricsBreakdown, MetricsBreakdownQuery } from "@frontline/common";
import { type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { rowsOf } from "../../platform/db";
import { inOrgForReports, type OrgTx } from "../../platform/tenancy";
import {
  factsOfSlice,
  type Period,
  periodsOf,
  ratio,
  type Slice,
  seconds,
  sliceWhere,
  toPgArray,
  within,
} from "./filter";
import { occupancyOf } from "./occupancy";
import { sliceOf } from "./summary.service";

/**
 * What a fact is grouped by. For agents it is who the fact counts for (`agent`): the reply's author,
 * who solved the ticket, else its assignee; a ticket with several tags counts once under each.
 */
function keyOf(by: MetricDimension, agent: SQL): { key: SQL; join: SQL } {
  const none = sql``;
  switch (by) {
    case "team":
      return { key: sql`t.team_id::text`, join: none };
    case "agent":
      return { key: sql`${agent}::text`, join: none };
    case "channel":
      return { key: sql`t.channel`, join: none };
    case "priority":
      return { key: sql`t.priority`, join: none };
    case "language":
      return { key: sql`t.language`, join: none };
    case "company":
      return { key: sql`t.company_id::text`, join: none };
    case "tag":
      return { key: sql`k.tag`, join: sql`CROSS JOIN LATERAL unnest(t.tags) AS k(tag)` };
  }
}

type Keyed = Record<string, unknown> & { key: string | null };

async function grouped(s: OrgTx, query: SQL): Promise<Map<string | null, Keyed>> {
  return new Map(rowsOf<Keyed>(await s.tx.execute(query)).map((r) => [r.key, r]));
}

async function labelsOf(s: OrgTx, by: MetricDimension, keys: (string | null)[]): Promise<Map<string, string>> {
  const table =
    by === "team" ? "metrics_teams" : by === "agent" ? "metrics_staff" : by === "company" ? "metrics_companies" : null;
  const ids = keys.filter((k): k is string => k !== null);
  if (!table || ids.length === 0) return new Map(ids.map((k) => [k, k]));
  const rows = rowsOf<{ id: string; name: string }>(
    await s.tx.execute(sql`SELECT id::text AS id, name FROM ${sql.raw(table)}
      WHERE org_id = ${s.orgId} AND id::text = ANY(${`{${ids.join(",")}}`}::text[])`),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Agents online at some time in the period, within the viewer's scope: idle ones belong in the table too. */
async function onlineAgents(s: OrgTx, slice: Slice, p: Period): Promise<string[]> {
  const { agentId, teamIds } = slice.scope;
  const rows = rowsOf<{ user_id: string }>(
    await s.tx.execute(sql`SELECT DISTINCT i.user_id::text AS user_id FROM metric_agent_intervals i
      WHERE i.org_id = ${s.orgId} AND i.presence = 'online'
        AND i.started_at < ${p.to.toISOString()}::timestamptz
        AND coalesce(i.ended_at, now()) > ${p.from.toISOString()}::timestamptz
        ${agentId ? sql`AND i.user_id = ${agentId}` : sql``}
        ${teamIds ? sql`AND i.user_id IN (SELECT m.user_id FROM metrics_team_members m WHERE m.org_id = ${s.orgId} AND m.team_id = ANY(${toPgArray(teamIds)}::uuid[]))` : sql``}`),
  );
  return rows.map((r) => r.user_id);
}

/** The main figures per team, agent, channel, priority, tag, language or company, busiest first. */
export async function metricsBreakdown(ctx: Ctx, q: MetricsBreakdownQuery): Promise<MetricsBreakdown> {
  const { current } = periodsOf(q);
  return inOrgForReports(ctx.database, ctx.orgId, async (s) => {
    const slice = await sliceOf(s, ctx, q);
    const rows = await breakdownRows(s, slice, current, q.by, q.businessTime ?? false);
    return { from: current.from.toISOString(), to: current.to.toISOString(), by: q.by, rows };
  });
}

export async function breakdownRows(
  s: OrgTx,
  slice: Slice,
  p: Period,
  by: MetricDimension,
  businessTime: boolean,
): Promise<BreakdownRow[]> {
  const spent = sql.raw(businessTime ? "business_seconds" : "calendar_seconds");
  const k = (agent: SQL = sql`t.assignee_id`) => keyOf(by, agent);
  const created = await grouped(
    s,
    sql`SELECT ${k().key} AS key, count(*)::int AS n FROM metrics_tickets t ${k().join}
      WHERE ${sliceWhere(slice)} AND ${within(sql`t.created_at`, p)} GROUP BY 1`,
  );
  // By agent, solves and replies count for the fact's own agent: the ticket is read only if the slice asks.
  const byAgent = by === "agent";
  const solvedKey = k(sql`e.agent_id`);
  const fe = factsOfSlice("e", slice, { agentColumn: sql`e.agent_id` });
  const fr = factsOfSlice("r", slice, { agentColumn: sql`r.agent_id`, readsTicket: !byAgent });
  const solved = await grouped(
    s,
    sql`WITH solved AS (
        SELECT DISTINCT ON (e.ticket_id) e.ticket_id, e.agent_id, e.${spent} AS spent, coalesce(e.replies, 0) AS replies
        FROM metric_ticket_events e ${fe.join}
        WHERE e.org_id = ${s.orgId} AND e.kind = 'solved' AND ${within(sql`e.at`, p)} AND ${fe.where}
        ORDER BY e.ticket_id, e.at DESC)
      SELECT ${solvedKey.key} AS key, count(*)::int AS n,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY e.spent) AS resolution,
        coalesce(sum(e.replies), 0)::int AS replies
      FROM solved e ${byAgent ? sql`` : sql`JOIN metrics_tickets t ON t.org_id = ${s.orgId} AND t.id = e.ticket_id`} ${solvedKey.join}
      GROUP BY 1`,
  );
  const replyKey = k(sql`r.agent_id`);
  const replies = await grouped(
    s,
    sql`SELECT ${replyKey.key} AS key, count(*)::int AS n,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY r.${spent}) FILTER (WHERE r.kind = 'first') AS first
      FROM metric_replies r ${fr.join} ${replyKey.join}
      WHERE r.org_id = ${s.orgId} AND ${within(sql`r.at`, p)} AND ${fr.where} GROUP BY 1`,
  );
  const sla = await grouped(
    s,
    sql`SELECT ${k().key} AS key, count(*) FILTER (WHERE x.kind = 'met')::int AS met, count(*)::int AS ended
      FROM metrics_sla_events x JOIN metrics_tickets t ON t.org_id = x.org_id AND t.id = x.ticket_id ${k().join}
      WHERE x.org_id = ${s.orgId} AND x.kind IN ('met', 'breached') AND ${within(sql`x.at`, p)} AND ${sliceWhere(slice)}
      GROUP BY 1`,
  );
  const csat = await grouped(
    s,
    sql`SELECT ${k().key} AS key, count(*) FILTER (WHERE a.rating >= 4)::int AS good, count(*)::int AS rated
      FROM metrics_survey_responses a JOIN metrics_tickets t ON t.org_id = a.org_id AND t.id = a.ticket_id ${k().join}
      WHERE a.org_id = ${s.orgId} AND ${within(sql`a.created_at`, p)} AND ${sliceWhere(slice)} GROUP BY 1`,
  );
  const online = by === "agent" ? await onlineAgents(s, slice, p) : [];
  const keys = [
    ...new Set([...created.keys(), ...solved.keys(), ...replies.keys(), ...sla.keys(), ...csat.keys(), ...online]),
  ];
  const labels = await labelsOf(s, by, keys);
  const occupancy =
    by === "agent"
      ? await occupancyOf(
          s,
          p,
          keys.filter((x): x is string => x !== null),
        )
      : null;
  const n = (m: Map<string | null, Keyed>, key: string | null, f: string) => Number(m.get(key)?.[f] ?? 0);
  return keys
    .map((key) => {
      const solvedCount = n(solved, key, "n");
      return {
        key,
        label: key === null ? null : (labels.get(key) ?? key),
        created: n(created, key, "n"),
        solved: solvedCount,
        replies: n(replies, key, "n"),
        repliesPerTicket: solvedCount > 0 ? Math.round((n(solved, key, "replies") / solvedCount) * 100) / 100 : null,
        firstReplyMedian: seconds(replies.get(key)?.first),
        resolutionMedian: seconds(solved.get(key)?.resolution),
        slaAttainment: ratio(n(sla, key, "met"), n(sla, key, "ended")),
        csat: ratio(n(csat, key, "good"), n(csat, key, "rated")),
        csatResponses: n(csat, key, "rated"),
        ...(occupancy ? { occupancy: key ? (occupancy.get(key) ?? null) : null } : {}),
      };
    })
    .sort((a, b) => b.created + b.solved - (a.created + a.solved) || String(a.label).localeCompare(String(b.label)));
}
