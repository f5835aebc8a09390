import { describe, expect, it } from "vitest";
import { mirrorForDirection } from "./chart-direction";

const option = {
  grid: { left: 48, right: 16 },
  legend: { top: 0, left: "left", data: ["Created", "Solved"] },
  xAxis: { type: "category", data: ["Mon", "Tue"] },
  yAxis: [{ type: "value" }, { type: "value", position: "right" }],
  series: [],
};

describe("mirrorForDirection", () => {
  it("leaves a left-to-right chart alone", () => {
    expect(mirrorForDirection(option, "ltr")).toBe(option);
  });

  it("runs the x axis from the right and moves value axes to the other side", () => {
    const rtl = mirrorForDirection(option, "rtl") as typeof option & Record<string, unknown>;
    expect(rtl.xAxis).toEqual({ type: "category", data: ["Mon", "Tue"], inverse: true });
    expect(rtl.yAxis).toEqual([
      { type: "value", position: "right" },
      { type: "value", position: "left" },
    ]);
    expect(rtl.grid).toEqual({ left: 16, right: 48 });
  });

  it("lists legend items from the right and sets tooltips right to left", () => {
    const rtl = mirrorForDirection(option, "rtl") as unknown as Record<string, Record<string, unknown>>;
    expect(rtl.legend).toEqual({ top: 0, left: "right", align: "right", data: ["Solved", "Created"] });
    expect(rtl.tooltip?.extraCssText).toContain("direction: rtl");
    expect(option.legend.data).toEqual(["Created", "Solved"]);
  });
});
