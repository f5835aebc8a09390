import type PDFDocument from "pdfkit";
import type { PdfText } from "../../platform/pdf-text";

type Doc = InstanceType<typeof PDFDocument>;

export interface TableColumn {
  header: string;
  /** Share of the table's width. */
  width: number;
  /** Names and words at the start side, figures at the end side. */
  align: "start" | "end";
}

export interface TableLayout {
  x: number;
  y: number;
  w: number;
  rowH: number;
  /** Where a page ends: a row that would pass it goes on a new page, under the header again. */
  bottom: number;
  /** Starts a page and answers where the table goes on there. */
  newPage: () => number;
}

const PAD = 4;

/** A table whose first column is at the start side (the right, in a right-to-left report); answers the y after it. */
export function drawTable(doc: Doc, text: PdfText, at: TableLayout, columns: TableColumn[], rows: string[][]): number {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (at.w * c.width) / total);
  const lefts: number[] = [];
  let offset = 0;
  for (const w of widths) {
    lefts.push(text.rtl ? at.x + at.w - offset - w : at.x + offset);
    offset += w;
  }
  const style = { size: 7.5, bold: true };
  // Headers take two lines where one is too narrow: a figure's name matters more than its width.
  const headers = columns.map((c, i) => text.wrap(c.header, style, widths[i]! - 2 * PAD, 2));
  const headerH = Math.max(...headers.map((h) => h.length)) > 1 ? at.rowH + 9 : at.rowH;
  const header = (y: number) => {
    doc.rect(at.x, y, at.w, headerH).fill("#eef1f4");
    columns.forEach((c, i) => {
      headers[i]!.forEach((line, n) => {
        text.line(line, lefts[i]! + PAD, y + 3 + n * 9, { ...style, width: widths[i]! - 2 * PAD, align: c.align });
      });
    });
    return y + headerH;
  };
  let y = header(at.y);
  rows.forEach((row, r) => {
    if (y + at.rowH > at.bottom) y = header(at.newPage());
    if (r % 2 === 1) doc.rect(at.x, y, at.w, at.rowH).fill("#f8f9fa");
    row.forEach((cell, i) => {
      const c = columns[i]!;
      text.line(cell, lefts[i]! + PAD, y + 3, { size: 8, width: widths[i]! - 2 * PAD, align: c.align });
    });
    y += at.rowH;
  });
  return y;
}
