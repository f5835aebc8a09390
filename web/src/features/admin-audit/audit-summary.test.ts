import { describe, expect, it } from "vitest";
import { summariseValue } from "./audit-summary";

const teamId = "7530fbad-1111-4222-8333-444455556666";
const context = { yes: "Yes", no: "No", names: new Map([[teamId, "Support EU"]]) };

describe("summariseValue", () => {
  it("names known ids and shortens unknown ones", () => {
    expect(summariseValue(teamId, context)).toBe("Support EU");
    expect(summariseValue("0f0f0f0f-1111-4222-8333-444455556666", context)).toBe("0f0f0f0f");
  });

  it("joins lists and shows empty values as a dash", () => {
    expect(summariseValue([teamId, "x"], context)).toBe("Support EU, x");
    expect(summariseValue([], context)).toBe("—");
    expect(summariseValue(null, context)).toBe("—");
    expect(summariseValue("", context)).toBe("—");
  });

  it("words booleans and cuts long text", () => {
    expect(summariseValue(true, context)).toBe("Yes");
    expect(summariseValue(false, context)).toBe("No");
    const long = summariseValue("a".repeat(100), context);
    expect(long).toHaveLength(48);
    expect(long.endsWith("…")).toBe(true);
  });

  it("stringifies objects and numbers", () => {
    expect(summariseValue(42, context)).toBe("42");
    expect(summariseValue({ a: 1 }, context)).toBe('{"a":1}');
  });
});

describe("summariseValue with coded values", () => {
  it("uses the words given for a field's codes", () => {
    const wordFor = (field: string, value: string) =>
      field === "role" && value === "admin" ? "Administrator" : undefined;
    expect(summariseValue("admin", { ...context, wordFor }, "role")).toBe("Administrator");
    expect(summariseValue("admin", { ...context, wordFor }, "name")).toBe("admin");
  });
});
