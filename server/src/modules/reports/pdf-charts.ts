import type PDFDocument from "pdfkit";
import type { PdfText } from "../../platform/pdf-text";

// Charts drawn with pdfkit's vector operations: lines, rectangles and our own text lines (so labels
// in any of the five languages are shaped and ordered like the rest of the page).

type Doc = InstanceType<typeof PDFDocument>;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const GRID = "#d9dee3";
const AXIS_TEXT = { size: 7, color: "#52606d" };

/** The step of four grid lines that reach `max`: a whole 1, 2 or 5 × 10^n, so every label is a round count. */
export function niceStep(max: number): number {
  const quarter = Math.max(max / 4, 1);
  const power = 10 ** Math.floor(Math.log10(quarter));
  return [1, 2, 5, 10].find((m) => m * power >= quarter)! * power;
}

/** Lines over time (created and solved), with a legend, grid and at most eight labels under the axis. */
export function lineChart(
  doc: Doc,
  text: PdfText,
  box: Box,
  data: { labels: string[]; series: { name: string; color: string; values: number[] }[] },
): void {
  const legendH = 14;
  const labelW = 28;
  const plot = { x: box.x + labelW, y: box.y + legendH, w: box.w - labelW, h: box.h - legendH - 14 };
  let lx = box.x + labelW;
  for (const s of data.series) {
    doc.rect(lx, box.y + 3, 10, 3).fill(s.color);
    lx += 14 + text.line(s.name, lx + 14, box.y, { size: 8 }) + 12;
  }
  const top = 4 * niceStep(Math.max(0, ...data.series.flatMap((s) => s.values)));
  for (let i = 0; i <= 4; i++) {
    const y = plot.y + plot.h - (plot.h * i) / 4;
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.w, y)
      .lineWidth(0.5)
      .strokeColor(GRID)
      .stroke();
    text.line(String((top * i) / 4), box.x, y - 4, { ...AXIS_TEXT, width: labelW - 4, align: "end" });
  }
  const n = data.labels.length;
  const xAt = (i: number) => plot.x + (n <= 1 ? plot.w / 2 : (plot.w * i) / (n - 1));
  const yAt = (v: number) => plot.y + plot.h - (plot.h * v) / top;
  const every = Math.max(1, Math.ceil(n / 8));
  data.labels.forEach((label, i) => {
    if (i % every === 0)
      text.line(label, xAt(i) - 25, plot.y + plot.h + 3, { ...AXIS_TEXT, width: 50, align: "center" });
  });
  for (const s of data.series) {
    if (s.values.length === 0) continue;
    doc.moveTo(xAt(0), yAt(s.values[0]!));
    s.values.forEach((v, i) => {
      if (i > 0) doc.lineTo(xAt(i), yAt(v));
    });
    doc.lineWidth(1.5).strokeColor(s.color).stroke();
    if (n <= 31) {
      s.values.forEach((v, i) => {
        doc.circle(xAt(i), yAt(v), 1.6).fill(s.color);
      });
    }
  }
}

/** One bar per row, 0–100 %, the label on the start side and the figure after the bar. */
export function rateBars(
  doc: Doc,
  text: PdfText,
  box: Box,
  rows: { label: string; rate: number | null; figure: string }[],
): void {
  const rowH = Math.min(22, box.h / Math.max(rows.length, 1));
  const labelW = box.w * 0.4;
  const figureW = box.w * 0.2;
  const barW = box.w - labelW - figureW - 8;
  rows.forEach((r, i) => {
    const y = box.y + i * rowH;
    // In a right-to-left report the label is on the right and the bar grows leftwards.
    const labelX = text.rtl ? box.x + box.w - labelW : box.x;
    const barX = text.rtl ? box.x + figureW + 4 : box.x + labelW + 4;
    const figureX = text.rtl ? box.x : box.x + box.w - figureW;
    text.line(r.label, labelX, y + 2, { size: 8, width: labelW - 4 });
    doc.rect(barX, y + 3, barW, 9).fill("#eef1f4");
    if (r.rate !== null) {
      const w = Math.max(0.5, barW * r.rate);
      doc.rect(text.rtl ? barX + barW - w : barX, y + 3, w, 9).fill(r.rate >= 0.9 ? "#2f9e44" : "#e8590c");
    }
    text.line(r.figure, figureX, y + 2, { size: 8, width: figureW, align: "end" });
  });
}

/** Upright bars with their count above and their label below (the CSAT ratings 1 to 5). */
export function columnBars(
  doc: Doc,
  text: PdfText,
  box: Box,
  bars: { label: string; value: number; figure: string; color: string }[],
): void {
  const top = Math.max(1, ...bars.map((b) => b.value));
  const slot = box.w / bars.length;
  const plotH = box.h - 26;
  bars.forEach((b, i) => {
    const x = box.x + i * slot;
    const h = (plotH * b.value) / top;
    const y = box.y + 12 + plotH - h;
    if (h > 0) doc.rect(x + slot * 0.2, y, slot * 0.6, h).fill(b.color);
    text.line(b.figure, x, y - 10, { ...AXIS_TEXT, width: slot, align: "center" });
    text.line(b.label, x, box.y + box.h - 11, { size: 8, width: slot, align: "center" });
  });
  doc
    .moveTo(box.x, box.y + 12 + plotH)
    .lineTo(box.x + box.w, box.y + 12 + plotH)
    .lineWidth(0.5)
    .strokeColor(GRID)
    .stroke();
}
