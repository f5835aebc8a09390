import { describe, expect, it } from "vitest";
import { isValidSlug, slugify } from "./slug";

describe("slugify", () => {
  it("makes an address-safe slug from a name", () => {
    expect(slugify("Demo")).toBe("demo");
    expect(slugify("  Acme Support, Inc.  ")).toBe("acme-support-inc");
    expect(slugify("Română Ştiinţă Müller")).toBe("romana-stiinta-muller");
    expect(slugify("Org 0.5")).toBe("org-0-5");
  });

  it("gives nothing for names without Latin letters or digits, so the caller falls back", () => {
    expect(slugify("Поддержка")).toBe("");
    expect(slugify("الدعم")).toBe("");
    expect(slugify("---")).toBe("");
  });

  it("keeps slugs short without a trailing dash", () => {
    const slug = slugify(`${"a".repeat(39)} b c`);
    expect(slug).toBe("a".repeat(39));
    expect(slug.length).toBeLessThanOrEqual(40);
  });
});

describe("isValidSlug", () => {
  it("accepts lower-case words joined by single dashes", () => {
    expect(isValidSlug("demo")).toBe(true);
    expect(isValidSlug("acme-support-2")).toBe(true);
  });

  it("refuses anything else", () => {
    for (const bad of ["a", "Demo", "-demo", "demo-", "de--mo", "de mo", "démo", "x".repeat(49), "../x"]) {
      expect(isValidSlug(bad), bad).toBe(false);
    }
  });
});
