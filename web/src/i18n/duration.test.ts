import { describe, expect, it } from "vitest";
import { formatSeconds } from "./duration";

describe("formatSeconds", () => {
  it("keeps the two largest units of a measured time", () => {
    expect(formatSeconds(3900, "en")).toBe("1 hr 5 min");
    expect(formatSeconds(2 * 86_400 + 3 * 3600 + 59, "en")).toBe("2 days 3 hr");
    expect(formatSeconds(90, "en")).toBe("2 min");
  });

  it("counts seconds under a minute, and shows nothing measured as a dash", () => {
    expect(formatSeconds(42.4, "en")).toBe("42 sec");
    expect(formatSeconds(0, "en")).toBe("0 sec");
    expect(formatSeconds(null, "en")).toBe("—");
  });

  it("speaks the reader's language", () => {
    expect(formatSeconds(3900, "de")).toBe("1 Std., 5 Min.");
    expect(formatSeconds(3900, "ru")).toMatch(/^1 ч/);
  });
});
