import { describe, expect, it } from "vitest";
import { formatRelative, isolateDirection } from "./format";

const NOW = Date.parse("2025-11-22T12:00:00Z");
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe("formatRelative", () => {
  it("uses the largest unit the difference reaches", () => {
    expect(formatRelative(ago(10), "en", NOW)).toBe("now");
    expect(formatRelative(ago(5 * 60), "en", NOW)).toBe("5 minutes ago");
    expect(formatRelative(ago(3 * 3600 + 120), "en", NOW)).toBe("3 hours ago");
    expect(formatRelative(ago(26 * 3600), "en", NOW)).toBe("yesterday");
    expect(formatRelative(ago(15 * 24 * 3600), "en", NOW)).toBe("2 weeks ago");
    expect(formatRelative(ago(400 * 24 * 3600), "en", NOW)).toBe("last year");
  });

  it("speaks the reader's language and handles the future", () => {
    expect(formatRelative(ago(5 * 60), "de", NOW)).toBe("vor 5 Minuten");
    expect(formatRelative(ago(-2 * 3600), "en", NOW)).toBe("in 2 hours");
    expect(formatRelative(ago(5 * 60), "en", NOW, "short")).toBe("5 min. ago");
  });
});

describe("isolateDirection", () => {
  it("fences typed words with first-strong isolate and pop isolate", () => {
    expect(isolateDirection("router")).toBe("\u2068router\u2069");
    expect(`نتائج «${isolateDirection("router")}»`.length).toBe("نتائج «router»".length + 2);
  });
});
