import { describe, expect, it } from "vitest";
import { bucketLabel } from "./bucket-label";

describe("bucketLabel", () => {
  const at = "2026-03-09T13:00:00.000Z";
  it("names a bucket by what its interval needs, in the viewer's zone", () => {
    expect(bucketLabel(at, "hour", "en-GB", "Europe/Berlin", false)).toBe("14:00");
    expect(bucketLabel(at, "day", "en-GB", "Europe/Berlin", true)).toBe("9 Mar");
    expect(bucketLabel(at, "month", "de", "Europe/Berlin", true)).toBe("März 2026");
  });
});
