import { describe, expect, it } from "vitest";
import { formatWait, waitedSince } from "./wait-time";

describe("formatWait", () => {
  it("reads like a clock under a day, in the reader's digits", () => {
    expect(formatWait(0, "en")).toBe("0:00");
    expect(formatWait(247, "en")).toBe("4:07");
    expect(formatWait(3600 + 4 * 60 + 7, "de")).toBe("1:04:07");
    const ar = (n: number, min = 1) => new Intl.NumberFormat("ar", { minimumIntegerDigits: min }).format(n);
    expect(formatWait(247, "ar")).toBe(`${ar(4)}:${ar(7, 2)}`);
  });

  it("gives days and hours from a day on", () => {
    expect(formatWait(2 * 86_400 + 3 * 3600 + 59, "en")).toBe("2 days 3 hr");
  });

  it("never shows a negative wait", () => {
    expect(formatWait(-5, "en")).toBe("0:00");
  });
});

describe("waitedSince", () => {
  it("adds the whole seconds passed since the snapshot arrived", () => {
    expect(waitedSince(60, 1_000, 3_999)).toBe(62);
    expect(waitedSince(60, 1_000, 500)).toBe(60);
  });
});
