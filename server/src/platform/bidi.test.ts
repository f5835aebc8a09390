import { describe, expect, it } from "vitest";
import { visualTokens } from "./bidi";

// What is drawn, left to right. Words with Arabic letters stay in logical order: the font shaper
// lays each one out right to left itself.
const drawn = (text: string, base: "ltr" | "rtl") => visualTokens(text, base).map((t) => t.text);

describe("visualTokens", () => {
  it("leaves left-to-right text as it is", () => {
    expect(drawn("Raport săptămânal — Отчёт", "ltr")).toEqual(["Raport", " ", "săptămânal", " ", "—", " ", "Отчёт"]);
  });

  it("puts Arabic words right to left", () => {
    expect(drawn("تقرير الأسبوع", "rtl")).toEqual(["الأسبوع", " ", "تقرير"]);
  });

  it("keeps a Latin name and a number left to right inside Arabic", () => {
    expect(drawn("الفريق Support Team 12 تذكرة", "rtl")).toEqual([
      "تذكرة",
      " ",
      "Support",
      " ",
      "Team",
      " ",
      "12",
      " ",
      "الفريق",
    ]);
  });

  it("mirrors brackets in right-to-left text", () => {
    // Logical "(7 أيام)": the opening bracket is at the right, drawn as ")"; the closing one at the left.
    expect(drawn("(7 أيام)", "rtl")).toEqual(["أيام(", " ", "7", ")"]);
  });

  it("reverses Arabic-Indic digits, which the shaper would otherwise lay out right to left", () => {
    expect(drawn("١٢٣ تذكرة", "rtl")).toEqual(["تذكرة", " ", "٣٢١"]);
  });

  it("draws Arabic inside a left-to-right line right to left", () => {
    expect(drawn("Team: فريق الدعم", "ltr")).toEqual(["Team:", " ", "الدعم", " ", "فريق"]);
  });

  it("marks which pieces need the Arabic font", () => {
    expect(visualTokens("CSAT رضا", "rtl").map((t) => t.arabic)).toEqual([true, false, false]);
  });
});
