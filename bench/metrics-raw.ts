import { type SQL, sql } from "drizzle-orm";

// The raw counterparts of the dashboard summary: the same figures, written straight against the tables
// for one organisation, without the views, the slice and the scope: what the database alone needs for
// the same answer. Used by bench/metrics.ts and the benchmark suite (bench/suite).

const iso = (ms: number) => new Date(ms).toISOString();

/** The figures of one period: created, solved, reopened, reply times, SLA, escalations, satisfaction. */
export function rawFigures(orgId: string, from: string, to: string): SQL[] {
  const f = sql`${from}::timestamptz`;
  const t = sql`${to}::timestamptz`;
  return [
    sql`SELECT count(*), count(*) FILTER (WHERE status IN ('solved', 'closed')),
        count(*) FILTER (WHERE id IN (SELECT x.ticket_id FROM escalations x WHERE x.org_id = ${orgId}))
      FROM tickets tk WHERE org_id = ${orgId} AND merged_into_id IS NULL AND created_at >= ${f} AND created_at < ${t}`,
    sql`WITH s AS (SELECT DISTINCT ON (ticket_id) ticket_id, calendar_seconds, replies FROM metric_ticket_events
        WHERE org_id = ${orgId} AND kind = 'solved' AND at >= ${f} AND at < ${t} ORDER BY ticket_id, at DESC)
      SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY calendar_seconds),
        percentile_cont(0.9) WITHIN GROUP (ORDER BY calendar_seconds), sum(replies),
        count(*) FILTER (WHERE ticket_id IN (SELECT o.ticket_id FROM metric_ticket_events o WHERE o.org_id = ${orgId}
          AND o.kind = 'reopened'))
      FROM s`,
    sql`SELECT count(DISTINCT ticket_id) FROM metric_ticket_events
      WHERE org_id = ${orgId} AND kind = 'reopened' AND at >= ${f} AND at < ${t}`,
    sql`SELECT kind, percentile_cont(0.5) WITHIN GROUP (ORDER BY calendar_seconds),
        percentile_cont(0.9) WITHIN GROUP (ORDER BY calendar_seconds)
      FROM metric_replies WHERE org_id = ${orgId} AND kind IN ('first', 'next') AND at >= ${f} AND at < ${t} GROUP BY kind`,
    sql`SELECT target, count(*) FILTER (WHERE kind = 'met'), count(*) FILTER (WHERE kind = 'breached')
      FROM sla_events WHERE org_id = ${orgId} AND kind IN ('met', 'breached') AND at >= ${f} AND at < ${t} GROUP BY target`,
    sql`SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY taken_at - created_at),
        percentile_cont(0.5) WITHIN GROUP (ORDER BY resolved_at - created_at)
      FROM escalations WHERE org_id = ${orgId} AND created_at >= ${f} AND created_at < ${t}`,
    sql`SELECT count(*), count(*) FILTER (WHERE rating = 1), count(*) FILTER (WHERE rating = 2),
        count(*) FILTER (WHERE rating = 3), count(*) FILTER (WHERE rating = 4), count(*) FILTER (WHERE rating = 5),
        count(nps), count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps BETWEEN 7 AND 8),
        count(*) FILTER (WHERE nps <= 6)
      FROM survey_responses WHERE org_id = ${orgId} AND created_at >= ${f} AND created_at < ${t}`,
    sql`SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM survey_responses a
        WHERE a.org_id = q.org_id AND a.ticket_id = q.ticket_id))
      FROM survey_requests q WHERE org_id = ${orgId} AND sent_at IS NOT NULL AND sent_at >= ${f} AND sent_at < ${t}`,
  ];
}

/** Everything the summary reads: the period, the period before it, and the open backlog now. */
export function rawSummaryQueries(orgId: string, p: { from: string; to: string }): SQL[] {
  const length = Date.parse(p.to) - Date.parse(p.from);
  return [
    ...rawFigures(orgId, p.from, p.to),
    ...rawFigures(orgId, iso(Date.parse(p.from) - length), p.from),
    sql`SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY now() - created_at),
        percentile_cont(0.9) WITHIN GROUP (ORDER BY now() - created_at),
        count(*) FILTER (WHERE now() - created_at < interval '1 day'),
        count(*) FILTER (WHERE now() - created_at >= interval '1 day' AND now() - created_at < interval '3 days'),
        count(*) FILTER (WHERE now() - created_at >= interval '3 days' AND now() - created_at < interval '7 days'),
        count(*) FILTER (WHERE now() - created_at >= interval '7 days')
      FROM tickets WHERE org_id = ${orgId} AND merged_into_id IS NULL AND status NOT IN ('solved', 'closed')`,
  ];
}
