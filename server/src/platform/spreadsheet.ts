import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";

/** How a column's values are written: text, a number, or an instant shown as a wall-clock time in `timeZone`. */
export type ColumnKind = "text" | "number" | "date";

export interface SheetColumn {
  header: string;
  kind: ColumnKind;
}

export type SheetCell = string | number | Date | null | undefined;

export interface Sheet {
  /** The worksheet's name in an XLSX file. */
  name: string;
  columns: SheetColumn[];
  rows: SheetCell[][];
  /** The zone dates are shown in (default UTC); spreadsheets know no zones, so say it in the header. */
  timeZone?: string;
}

// A cell a spreadsheet would read as a formula: = + - @, tab and carriage return (OWASP), NUL
// (SECURITY.md 15) and the full-width forms some spreadsheet programs accept as the same signs.
const FORMULA_START = /^[=+\-@\t\r\0\uff1d\uff0b\uff0d\uff20]/;

// Characters XML 1.0 cannot hold at all (an XLSX with one will not open) and other C0 controls, NUL
// among them; tab, line feed and carriage return are kept, since a cell may have several lines.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const UNWRITABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text as it is safe to put in a cell: a leading apostrophe when a spreadsheet would run it as a formula. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const cleanText = (text: string) => text.replace(UNWRITABLE, "");

/** The wall-clock fields of `at` in `zone`, as a Date whose UTC fields are those (what a sheet displays). */
function wallClock(at: Date, zone: string): Date {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second")));
}

/** "2026-03-29 14:05:00": the form spreadsheet programs read as a date and time in any language. */
const csvDate = (at: Date, zone: string) => wallClock(at, zone).toISOString().slice(0, 19).replace("T", " ");

function csvCell(cell: SheetCell, kind: ColumnKind, zone: string): string | number | null {
  if (cell === null || cell === undefined || (typeof cell === "number" && !Number.isFinite(cell))) return null;
  if (kind === "date" && cell instanceof Date) return csvDate(cell, zone);
  if (kind === "number" && typeof cell === "number") return cell;
  return escapeFormula(cleanText(cell instanceof Date ? cell.toISOString() : String(cell)));
}

/**
 * The sheet as CSV (RFC 4180: comma-separated, CRLF line ends, text always quoted with quotes doubled),
 * UTF-8 with a byte-order mark so spreadsheet programs read Romanian, Russian or Arabic text right.
 */
export function toCsv(sheet: Sheet): Buffer {
  const zone = sheet.timeZone ?? "UTC";
  const header = sheet.columns.map((c) => escapeFormula(cleanText(c.header)));
  const body = sheet.rows.map((row) => sheet.columns.map((c, i) => csvCell(row[i], c.kind, zone)));
  const text = stringify([header, ...body], {
    bom: true,
    record_delimiter: "windows",
    quoted_string: true,
    cast: { number: (value) => String(value) },
  });
  return Buffer.from(text, "utf8");
}

const DATE_FORMAT = "yyyy-mm-dd hh:mm:ss";

/**
 * The sheet as an XLSX workbook: numbers as numbers, dates as dates (wall-clock time in the sheet's
 * zone), and text as plain strings, never formulas, whatever it begins with.
 */
export async function toXlsx(sheet: Sheet): Promise<Buffer> {
  const zone = sheet.timeZone ?? "UTC";
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0);
  const ws = workbook.addWorksheet(worksheetName(sheet.name));
  ws.columns = sheet.columns.map((c) => ({
    header: cleanText(c.header),
    width: Math.min(Math.max(c.header.length + 2, c.kind === "date" ? 20 : 12), 50),
    ...(c.kind === "date" ? { style: { numFmt: DATE_FORMAT } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of sheet.rows) {
    ws.addRow(
      sheet.columns.map((c, i) => {
        const cell = row[i];
        if (cell === null || cell === undefined || (typeof cell === "number" && !Number.isFinite(cell))) return null;
        if (c.kind === "date" && cell instanceof Date) return wallClock(cell, zone);
        if (c.kind === "number" && typeof cell === "number") return cell;
        // A string value is written as a shared string: the program shows it, it never evaluates it.
        return cleanText(cell instanceof Date ? cell.toISOString() : String(cell));
      }),
    );
  }
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel's rules for a sheet name: at most 31 characters, none of \ / ? * [ ] :, not blank. */
function worksheetName(name: string): string {
  const cleaned = cleanText(name)
    .replace(/[\\/?*[\]:]/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
  return Array.from(cleaned).slice(0, 31).join("").trim() || "Sheet1";
}

export const CSV_TYPE = "text/csv; charset=utf-8";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
