import { describe, expect, it } from "vitest";
import { formatFileSize } from "./file-size";

describe("formatFileSize", () => {
  const en = (n: number) => new Intl.NumberFormat("en").format(n);

  it("uses bytes, whole kilobytes, then megabytes to one decimal", () => {
    expect(formatFileSize(0, en)).toBe("0 B");
    expect(formatFileSize(1023, en)).toBe("1,023 B");
    expect(formatFileSize(1024, en)).toBe("1 KB");
    expect(formatFileSize(300_000, en)).toBe("293 KB");
    expect(formatFileSize(1024 * 1024, en)).toBe("1 MB");
    expect(formatFileSize(20_971_520 + 60_000, en)).toBe("20.1 MB");
  });

  it("writes the number the reader's way", () => {
    const ar = (n: number) => new Intl.NumberFormat("ar-EG").format(n);
    expect(formatFileSize(1536 * 1024, ar)).toBe("١٫٥ MB");
  });
});
