import { type MetricFigures, RTL_LOCALES, SLA_TARGETS } from "@frontline/common";
import PDFDocument from "pdfkit";
import { PdfText } from "../../platform/pdf-text";
import { columnLabels } from "./column-labels";
import { columnBars, lineChart, rateBars } from "./pdf-charts";
import { drawTable } from "./pdf-table";
import type { ReportData } from "./report-data";
import {
  formatBucket,
  formatChange,
  formatCount,
  formatDateTime,
  formatDuration,
  formatPeriod,
  formatPoints,
  formatRate,
} from "./report-format";
import { reportTexts } from "./report-texts";

// A4 in points, and the margin every part keeps.
const PAGE = { w: 595.28, h: 841.89 };
const M = 40;
const W = PAGE.w - 2 * M;
const BOTTOM = PAGE.h - 50;
const COLORS = { created: "#1c7ed6", solved: "#2f9e44", muted: "#7b8794" };
const CSAT_COLORS = ["#e03131", "#f76707", "#fab005", "#74b816", "#2f9e44"];

type Kind = "count" | "duration" | "rate";

/** The key figures: this period, the one before, and the change (relative, or in points for rates). */
function keyFigureRows(d: ReportData): string[][] {
  const l = columnLabels(d.locale);
  const t = reportTexts(d.locale);
  const now = d.summary;
  const before = d.summary.previous;
  const rows: [string, Kind, (f: MetricFigures) => number | null][] = [
    [l.created, "count", (f) => f.ticketsCreated],
    [l.solved, "count", (f) => f.ticketsSolved],
    [l.reopened, "count", (f) => f.ticketsReopened],
    [l.firstReplyMedian, "duration", (f) => f.firstReplyTime.median],
    [l.resolutionMedian, "duration", (f) => f.fullResolutionTime.median],
    [t.resolutionRate, "rate", (f) => f.resolutionRate],
    [t.firstContactResolution, "rate", (f) => f.firstContactResolution],
    [l.slaAttainment, "rate", (f) => f.slaAttainment.overall],
    [l.csat, "rate", (f) => f.csat.score],
    [t.escalations, "count", (f) => f.escalations.count],
  ];
  const show = (kind: Kind, v: number | null) =>
    kind === "count"
      ? formatCount(v, d.locale)
      : kind === "duration"
        ? formatDuration(v, d.locale)
        : formatRate(v, d.locale);
  return [
    ...rows.map(([label, kind, get]) => [
      label,
      show(kind, get(now)),
      show(kind, get(before)),
      kind === "rate"
        ? formatPoints(get(now), get(before), d.locale, t.points)
        : formatChange(get(now), get(before), d.locale),
    ]),
    [t.backlog, formatCount(now.backlog.open, d.locale), "", ""],
  ];
}

/** Renders the report as a PDF: header, key figures, trend, SLA per target, CSAT, and the per-team or per-agent table. */
export async function reportPdf(d: ReportData, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    compress: opts.compress ?? true,
    info: { Title: d.name, Author: d.orgName, Creator: "Frontline" },
    lang: d.locale,
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const text = new PdfText(doc, RTL_LOCALES.includes(d.locale));
  const l = columnLabels(d.locale);
  const t = reportTexts(d.locale);
  let page = 1;
  const footer = () =>
    text.line(
      `${t.generated} ${formatDateTime(d.generatedAt, d.locale, d.timeZone)} · ${t.page} ${page}`,
      M,
      PAGE.h - 30,
      {
        size: 7,
        color: COLORS.muted,
        width: W,
        align: "end",
      },
    );
  const section = (title: string, x: number, y: number, w = W) => {
    text.line(title, x, y, { size: 11, bold: true, width: w });
    return y + 18;
  };

  text.line(d.orgName, M, M, { size: 9, color: COLORS.muted, width: W });
  text.line(d.name, M, M + 13, { size: 18, bold: true, width: W });
  const period = `${t.periods[d.period]}: ${formatPeriod(d.from, d.to, d.locale, d.timeZone)}`;
  text.line(`${period} (${d.timeZone})`, M, M + 40, { size: 10, width: W });
  let y = M + 56;
  if (d.filterLabels.length) {
    text.line(`${t.filters}: ${d.filterLabels.join(" · ")}`, M, y, { size: 8.5, color: COLORS.muted, width: W });
    y += 14;
  }

  y = section(t.keyFigures, M, y + 6);
  const keyColumns = [
    { header: t.figure, width: 4, align: "start" as const },
    { header: t.thisPeriod, width: 2, align: "end" as const },
    { header: t.previousPeriod, width: 2, align: "end" as const },
    { header: t.change, width: 1.6, align: "end" as const },
  ];
  const newPage = () => {
    footer();
    doc.addPage();
    page++;
    return M;
  };
  y = drawTable(doc, text, { x: M, y, w: W, rowH: 15, bottom: BOTTOM, newPage }, keyColumns, keyFigureRows(d));

  y = section(t.trend, M, y + 14);
  const hourly = d.series.interval === "hour";
  lineChart(
    doc,
    text,
    { x: M, y, w: W, h: 140 },
    {
      labels: d.series.points.map((p) => formatBucket(new Date(p.at), d.locale, d.timeZone, hourly)),
      series: [
        { name: l.created, color: COLORS.created, values: d.series.points.map((p) => p.created) },
        { name: l.solved, color: COLORS.solved, values: d.series.points.map((p) => p.solved) },
      ],
    },
  );
  y += 152;

  const half = (W - 20) / 2;
  const [slaX, csatX] = text.rtl ? [M + half + 20, M] : [M, M + half + 20];
  const top = y + 10;
  section(t.slaByTarget, slaX, top, half);
  const sla = d.summary.slaAttainment;
  rateBars(doc, text, { x: slaX, y: top + 18, w: half, h: 110 }, [
    ...SLA_TARGETS.map((target) => {
      const s = sla.byTarget.find((b) => b.target === target);
      return {
        label: t.slaTargets[target],
        rate: s?.attainment ?? null,
        figure: formatRate(s?.attainment ?? null, d.locale),
      };
    }),
    { label: t.overall, rate: sla.overall, figure: formatRate(sla.overall, d.locale) },
  ]);
  section(`${t.csatDistribution} (${formatRate(d.summary.csat.score, d.locale)})`, csatX, top, half);
  const ratings = d.summary.csat.distribution;
  const csatBox = { x: csatX, y: top + 18, w: half, h: 100 };
  if (d.summary.csat.responses === 0) {
    text.line(t.noData, csatX, top + 50, { size: 9, color: COLORS.muted, width: half, align: "center" });
  } else {
    const bars = ratings.map((n, i) => ({
      label: String(i + 1),
      value: n,
      figure: formatCount(n, d.locale),
      color: CSAT_COLORS[i]!,
    }));
    // Ratings read from 1 to 5 in the writing direction.
    columnBars(doc, text, csatBox, text.rtl ? bars.reverse() : bars);
  }
  y = top + 140;

  const byAgent = d.breakdown.by === "agent";
  y = section(byAgent ? t.perAgent : t.perTeam, M, y);
  if (y + 60 > BOTTOM) y = newPage();
  const tableColumns = [
    { header: byAgent ? l.agent : l.team, width: 3.2, align: "start" as const },
    { header: l.created, width: 1.3, align: "end" as const },
    { header: l.solved, width: 1.3, align: "end" as const },
    { header: l.firstReplyMedian, width: 1.8, align: "end" as const },
    { header: l.resolutionMedian, width: 1.8, align: "end" as const },
    { header: l.slaAttainment, width: 1.4, align: "end" as const },
    { header: l.csat, width: 1.1, align: "end" as const },
  ];
  const rows = d.breakdown.rows.map((r) => [
    r.label ?? l.none,
    formatCount(r.created, d.locale),
    formatCount(r.solved, d.locale),
    formatDuration(r.firstReplyMedian, d.locale),
    formatDuration(r.resolutionMedian, d.locale),
    formatRate(r.slaAttainment, d.locale),
    formatRate(r.csat, d.locale),
  ]);
  if (rows.length === 0) text.line(t.noData, M, y, { size: 9, color: COLORS.muted, width: W });
  else drawTable(doc, text, { x: M, y, w: W, rowH: 15, bottom: BOTTOM, newPage }, tableColumns, rows);
  footer();
  doc.end();
  return done;
}
