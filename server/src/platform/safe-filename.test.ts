import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeFilename } from "./safe-filename";

describe("safeFilename keeps real names", () => {
  it.each([
    ["Factură_martie_2025.pdf", "Factură_martie_2025.pdf"],
    ["Счёт №5 за март.xlsx", "Счёт №5 за март.xlsx"],
    ["فاتورة مارس.pdf", "فاتورة مارس.pdf"],
    [".htaccess", ".htaccess"],
    ["Invoice(1).pdf", "Invoice(1).pdf"],
  ])("%s", (name, expected) => {
    expect(safeFilename(name)).toBe(expected);
  });

  it("composes decomposed accents (NFC)", () => {
    expect(safeFilename("Fa\u0063ture\u0301.pdf")).toBe("Facturé.pdf");
  });
});

describe("safeFilename rejects what could harm a download", () => {
  it.each<[string | null | undefined, string]>([
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\ana\\secret.txt", "secret.txt"],
    ["a\u0000b\r\n.txt", "ab.txt"],
    ["invoice\u202efdp.exe", "invoicefdp.exe"],
    ['what?<>:"|*.txt', "what_______.txt"],
    ["report.pdf. . ", "report.pdf"],
    ["..", "attachment"],
    ["dir/", "attachment"],
    ["   ", "attachment"],
    ["", "attachment"],
    [null, "attachment"],
    [undefined, "attachment"],
  ])("%j gives %j", (name, expected) => {
    expect(safeFilename(name)).toBe(expected);
  });

  it("shortens a long name and keeps its extension", () => {
    const name = safeFilename(`${"ș".repeat(500)}.pdf`);
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith("ș.pdf")).toBe(true);
  });

  it("never returns a path, a control character or an empty name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (name) => {
        const safe = safeFilename(name);
        expect(safe.length).toBeGreaterThan(0);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
        expect(safe).not.toMatch(/[/\\<>:"|?*\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(safe === "." || safe === "..").toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
