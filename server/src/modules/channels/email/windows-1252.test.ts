import { describe, expect, it } from "vitest";
import { repairC1Controls } from "./windows-1252";

describe("repairC1Controls", () => {
  it("gives the Windows-1252 character for each C1 control", () => {
    expect(repairC1Controls("\u0093Pro\u0094 \u0080 12 \u0096 it\u0092s \u0099 \u008a\u009f")).toBe(
      "“Pro” € 12 – it’s ™ ŠŸ",
    );
  });

  it("keeps the five bytes Windows-1252 leaves undefined, and everything else", () => {
    expect(repairC1Controls("\u0081\u008d\u008f\u0090\u009d")).toBe("\u0081\u008d\u008f\u0090\u009d");
    expect(repairC1Controls("Grüße, Ștefan, Привет, مرحبا, 📦")).toBe("Grüße, Ștefan, Привет, مرحبا, 📦");
  });
});
