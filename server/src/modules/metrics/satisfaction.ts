import type { MetricFigures } from "@frontline/common";
import { sql } from "drizzle-orm";
import { rowsOf } from "../../platform/db";
import type { OrgTx } from "../../platform/tenancy";
import { factsOfSlice, type Period, ratio, type Slice, within } from "./filter";

type Satisfaction = Pick<MetricFigures, "csat" | "nps" | "surveys">;

/**
 * Ratings first given in the period (at their current value: a changed answer replaces the first),
 * and surveys sent in the period with how many of them were answered.
 */
export async function satisfactionFigures(s: OrgTx, slice: Slice, p: Period): Promise<Satisfaction> {
  const fa = factsOfSlice("a", slice);
  const fq = factsOfSlice("q", slice);
  const [r] = rowsOf<Record<string, number | null>>(
    await s.tx.execute(sql`SELECT count(*)::int AS responses,
        count(*) FILTER (WHERE a.rating = 1)::int AS r1, count(*) FILTER (WHERE a.rating = 2)::int AS r2,
        count(*) FILTER (WHERE a.rating = 3)::int AS r3, count(*) FILTER (WHERE a.rating = 4)::int AS r4,
        count(*) FILTER (WHERE a.rating = 5)::int AS r5,
        count(a.nps)::int AS nps_responses,
        count(*) FILTER (WHERE a.nps >= 9)::int AS promoters,
        count(*) FILTER (WHERE a.nps BETWEEN 7 AND 8)::int AS passives,
        count(*) FILTER (WHERE a.nps <= 6)::int AS detractors
      FROM metrics_survey_responses a ${fa.join}
      WHERE a.org_id = ${slice.orgId} AND ${within(sql`a.created_at`, p)} AND ${fa.where}`),
  );
  const [q] = rowsOf<{ sent: number; answered: number }>(
    await s.tx.execute(sql`SELECT count(*)::int AS sent,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM metrics_survey_responses a
          WHERE a.org_id = q.org_id AND a.ticket_id = q.ticket_id))::int AS answered
      FROM metrics_survey_requests q ${fq.join}
      WHERE q.org_id = ${slice.orgId} AND q.sent_at IS NOT NULL AND ${within(sql`q.sent_at`, p)} AND ${fq.where}`),
  );
  const n = (k: string) => Number(r?.[k] ?? 0);
  const distribution = [n("r1"), n("r2"), n("r3"), n("r4"), n("r5")];
  const npsResponses = n("nps_responses");
  const promoters = n("promoters");
  const detractors = n("detractors");
  return {
    csat: { score: ratio(n("r4") + n("r5"), n("responses")), responses: n("responses"), distribution },
    nps: {
      score: npsResponses > 0 ? Math.round(((promoters - detractors) / npsResponses) * 1000) / 10 : null,
      responses: npsResponses,
      promoters,
      passives: n("passives"),
      detractors,
    },
    surveys: {
      sent: Number(q?.sent ?? 0),
      answered: Number(q?.answered ?? 0),
      responseRate: ratio(q?.answered ?? 0, q?.sent ?? 0),
    },
  };
}
