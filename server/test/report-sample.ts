import type { MetricFigures, MetricsBreakdown, MetricsSeries, MetricsSummary } from "@frontline/common";
import type { ReportData } from "../src/modules/reports/report-data";

const figures = (k: number): MetricFigures => ({
  ticketsCreated: 120 * k,
  ticketsSolved: 98 * k,
  ticketsReopened: 7,
  firstReplyTime: { count: 90, median: 1260 * k, p90: 7200 },
  nextReplyTime: { count: 40, median: 3600, p90: 10_000 },
  fullResolutionTime: { count: 98, median: 86_400 * k, p90: 300_000 },
  resolutionRate: 0.8 * k,
  firstContactResolution: 0.42,
  reopenRate: 0.07,
  repliesPerTicket: 2.1,
  slaAttainment: {
    overall: 0.91,
    met: 91,
    breached: 9,
    byTarget: [
      { target: "firstReply", met: 50, breached: 2, attainment: 50 / 52 },
      { target: "resolution", met: 41, breached: 7, attainment: 41 / 48 },
    ],
  },
  escalations: {
    count: 6,
    rate: 0.05,
    timeToTake: { count: 6, median: 600, p90: 900 },
    timeToResolve: { count: 5, median: 3600, p90: 7200 },
  },
  csat: { score: 0.84, responses: 50, distribution: [2, 3, 3, 12, 30] },
  nps: { score: 30, responses: 10, promoters: 5, passives: 3, detractors: 2 },
  surveys: { sent: 80, answered: 50, responseRate: 0.625 },
});

/** A report's data as made up for looking at the PDF, in the given language and names. */
export function sampleReport(over: Partial<ReportData> & { agents?: string[] } = {}): ReportData {
  const from = new Date("2026-02-23T00:00:00Z");
  const to = new Date("2026-03-02T00:00:00Z");
  const summary: MetricsSummary = {
    ...figures(1),
    from: from.toISOString(),
    to: to.toISOString(),
    businessTime: false,
    backlog: { open: 17, age: { count: 17, median: 90_000, p90: 400_000 }, byAge: [] },
    previous: { ...figures(0.9), from: "2026-02-16T00:00:00.000Z", to: from.toISOString() },
  };
  const series: MetricsSeries = {
    from: summary.from,
    to: summary.to,
    interval: "day",
    timeZone: "UTC",
    points: Array.from({ length: 7 }, (_, i) => ({
      at: new Date(from.getTime() + i * 86_400_000).toISOString(),
      created: [14, 22, 19, 25, 17, 9, 14][i]!,
      solved: [10, 18, 21, 20, 15, 6, 8][i]!,
      reopened: 1,
      firstReplyMedian: 1200,
      resolutionMedian: 80_000,
      slaAttainment: 0.9,
      csat: 0.8,
    })),
  };
  const agents = over.agents ?? ["Ana Pop", "Ștefan Țăranu", "Ольга Смирнова", "فاطمة الزهراء", "Jürgen Groß"];
  const breakdown: MetricsBreakdown = {
    from: summary.from,
    to: summary.to,
    by: "agent",
    rows: agents.map((name, i) => ({
      key: `k${i}`,
      label: name,
      created: 30 - i * 3,
      solved: 25 - i * 2,
      replies: 60 - i,
      repliesPerTicket: 2,
      firstReplyMedian: 900 + i * 400,
      resolutionMedian: 40_000 + i * 9000,
      slaAttainment: 0.95 - i * 0.04,
      csat: i === 2 ? null : 0.9 - i * 0.03,
      csatResponses: 10,
      occupancy: 0.7,
    })),
  };
  const { agents: _a, ...rest } = over;
  return {
    orgName: "Demo",
    name: "Weekly floor report",
    locale: "en",
    timeZone: "Europe/Bucharest",
    period: "last_week",
    from,
    to,
    dashboard: "agents",
    filterLabels: [],
    summary,
    series,
    breakdown,
    generatedAt: new Date("2026-03-02T05:00:00Z"),
    ...rest,
  };
}
