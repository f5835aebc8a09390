import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;
let a: TestOrg;
let b: TestOrg;
let team: string;

const HOSTILE = '=HYPERLINK("http://evil.test","Click")';

beforeAll(async () => {
  h = await testApp();
  a = await makeOrg(h);
  b = await makeOrg(h);
  team = (await a.as.admin.post("/api/v1/teams", { name: "Care", memberIds: [a.users.agent.id] })).body.data.id;
  const tickets = [
    { subject: HOSTILE, assigneeId: a.users.agent.id },
    { subject: "Colet pierdut — Ștefan", assigneeId: a.users.agent.id },
    { subject: "Someone else's", assigneeId: a.users.admin.id },
  ];
  for (const t of tickets) {
    const res = await a.as.admin.post("/api/v1/tickets", {
      ...t,
      requester: { email: uniqueEmail(), name: "Ana" },
      message: { body: "Hello" },
      teamId: team,
      tags: ["billing"],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});

/** A download as its text (CSV) or bytes, with its headers. */
async function download(as: Client, query: string) {
  const res = await h.app.request(`/api/v1/metrics/export?${query}`, {
    headers: { cookie: as.creds.cookie! },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString("utf8") };
}

const csvLines = (text: string) =>
  text
    .replace(/^\ufeff/, "")
    .trimEnd()
    .split("\r\n");

async function sheetOf(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe("metrics export works", () => {
  it("answers a breakdown as a CSV download with a BOM, headers that name their units, and a safe file name", async () => {
    const res = await download(a.as.manager, "dataset=breakdown&by=agent&format=csv");
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="metrics-breakdown-agent-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv"; filename\*=UTF-8''/,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csvLines(res.text);
    expect(header).toBe(
      '"Agent","Tickets created","Tickets solved","Replies","Replies per ticket","First reply time, median (s)",' +
        '"Resolution time, median (s)","SLA attainment (%)","CSAT (%)","CSAT ratings","Occupancy (%)"',
    );
    expect(rows.map((r) => r.split(",").slice(1, 2).join())).toEqual(["2", "1"]);
  });

  it("writes headers in the reader's profile language", async () => {
    expect((await a.as.admin.patch("/api/v1/me", { locale: "ro" })).status).toBe(200);
    const ro = await download(a.as.admin, "dataset=breakdown&by=team");
    expect(csvLines(ro.text)[0]).toMatch(/^"Echipă","Tichete create","Tichete rezolvate",/);
    expect(csvLines(ro.text)[1]).toMatch(/^"Care",3,0,/);
    expect((await a.as.admin.patch("/api/v1/me", { locale: "ar" })).status).toBe(200);
    const ar = await download(a.as.admin, "dataset=breakdown&by=team");
    expect(csvLines(ar.text)[0]).toMatch(/^"الفريق","التذاكر المنشأة",/);
    expect((await a.as.admin.patch("/api/v1/me", { locale: "en" })).status).toBe(200);
  });

  it("answers XLSX with numbers as numbers and dates as dates", async () => {
    const res = await download(a.as.manager, "dataset=series&format=xlsx&interval=day");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toMatch(/filename="metrics-series-.*\.xlsx"/);
    const ws = await sheetOf(res.bytes);
    expect(ws.getCell("A1").value).toBe("Period start (UTC)");
    expect(ws.rowCount).toBeGreaterThanOrEqual(8);
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).type).toBe(ExcelJS.ValueType.Date);
    expect(last.getCell(2).value).toBe(3);
  });

  it("exports the tickets behind a figure with names, escaping a subject a spreadsheet would run", async () => {
    const res = await download(a.as.manager, "dataset=tickets&set=created");
    expect(res.status).toBe(200);
    const [header, ...rows] = csvLines(res.text);
    expect(header).toBe(
      '"Ticket","Subject","Status","Priority","Channel","Assignee","Team","Created (UTC)","Entered the set (UTC)"',
    );
    expect(rows).toHaveLength(3);
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil.test"",""Click"")"`);
    expect(res.text).toContain('"Colet pierdut — Ștefan"');
    expect(res.text).toContain(',"Care",');
    expect(res.headers.get("x-export-truncated")).toBeNull();
    const xlsx = await sheetOf((await download(a.as.manager, "dataset=tickets&set=created&format=xlsx")).bytes);
    const subjects = [2, 3, 4].map((r) => xlsx.getCell(`B${r}`));
    expect(subjects.map((c) => c.type)).toEqual(Array(3).fill(ExcelJS.ValueType.String));
    expect(subjects.map((c) => c.value)).toContain(HOSTILE);
  });

  it("exports complaints by tag with one column per bucket", async () => {
    const res = await download(a.as.manager, "dataset=complaints&interval=day");
    const [header, row] = csvLines(res.text);
    expect(header).toMatch(/^"Tag","Tickets","Tickets in the previous period","Growth \(× previous period\)","Rising"/);
    expect(row).toMatch(/^"billing",3,0,,"yes"/);
  });
});

describe("metrics export keeps to the reader's scope", () => {
  it("gives an agent only their own rows", async () => {
    const res = await download(a.as.agent, "dataset=tickets&set=created");
    expect(csvLines(res.text).slice(1)).toHaveLength(2);
    expect(res.text).not.toContain("Someone else's");
    const breakdown = csvLines((await download(a.as.agent, "dataset=breakdown&by=agent")).text);
    expect(breakdown).toHaveLength(2);
    expect((await download(a.as.agent, `dataset=tickets&set=created&agentId=${a.users.admin.id}`)).status).toBe(403);
  });

  it("gives another organisation nothing of A's, even by A's ids", async () => {
    for (const role of ["manager", "admin"] as const) {
      const as = b.as[role];
      expect(csvLines((await download(as, "dataset=tickets&set=created")).text)).toHaveLength(1);
      expect(csvLines((await download(as, `dataset=breakdown&by=team&teamId=${team}`)).text)).toHaveLength(1);
      const theirs = await download(as, `dataset=tickets&set=created&agentId=${a.users.agent.id}`);
      expect(csvLines(theirs.text)).toHaveLength(1);
      expect(theirs.text).not.toContain("Colet");
    }
    expect((await download(b.as.supervisor, `dataset=breakdown&by=agent&teamId=${team}`)).status).toBe(403);
  });
});

describe("metrics export rejects bad input", () => {
  it.each([
    ["format=csv", "dataset"],
    ["dataset=everything", "dataset"],
    ["dataset=breakdown", "by"],
    ["dataset=breakdown&by=agent&format=pdf", "format"],
    ["dataset=series&set=created", "set"],
    ["dataset=tickets", "set"],
    ["dataset=breakdown&by=team&interval=day", "interval"],
    ["dataset=series&timeZone=Mars%2FOlympus", "timeZone"],
    ["dataset=series&from=2026-03-09T00:00:00Z&to=2026-03-02T00:00:00Z", "to"],
    ["dataset=tickets&set=created&limit=5", "limit"],
    ["dataset=series&interval=hour&from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "interval"],
  ])("%s → 400 naming %s", async (query, field) => {
    const res = await a.as.manager.get(`/api/v1/metrics/export?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(Object.keys(res.body.fields)).toContain(field);
  });
});
