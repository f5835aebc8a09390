import { LOCALES } from "@frontline/common";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { sampleReport } from "../../../test/report-sample";
import { reportPdf } from "./report-pdf";

const textOf = async (pdf: Buffer) =>
  (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;

describe("the report PDF", () => {
  it.each(LOCALES)("renders in %s with the organisation, the report's name and the people's names", async (locale) => {
    const pdf = await reportPdf(sampleReport({ locale, name: "Raport săptămânal — Отчёт" }));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await textOf(pdf);
    expect(text).toContain("Demo");
    expect(text).toContain("Raport săptămânal");
    expect(text).toContain("Ольга Смирнова");
    expect(text).toContain("Jürgen Groß");
  });

  it("continues a long per-agent table on further pages", async () => {
    const agents = Array.from({ length: 80 }, (_, i) => `Agent ${i + 1}`);
    const text = await textOf(await reportPdf(sampleReport({ agents })));
    expect(text).toContain("Agent 80");
    expect(text).toContain("Page 3");
  });
});
