import { describe, expect, it } from "vitest";
import { normaliseMessageId, parseIdList, syntheticMessageId } from "./message-ids";

describe("normaliseMessageId", () => {
  it.each<[string | null | undefined, string | null]>([
    ["<CAJx9K3p@mail.example.com>", "CAJx9K3p@mail.example.com"],
    ["  <a@b> (comment)", "a@b"],
    ["<a@b> <c@d>", "a@b"],
    ["<a\r\n b@c>", "ab@c"],
    ["a@b", "a@b"],
    ["<a@b", "a@b"],
    ["<>", null],
    ["", null],
    [null, null],
    [undefined, null],
  ])("%j gives %j", (value, expected) => {
    expect(normaliseMessageId(value)).toBe(expected);
  });

  it("keeps at most 998 characters of an id", () => {
    expect(normaliseMessageId(`<${"x".repeat(5000)}@example.com>`)).toHaveLength(998);
  });
});

describe("parseIdList", () => {
  it("reads bracketed ids in order, without duplicates", () => {
    expect(parseIdList("<a@b> <c@d>\r\n <a@b>")).toEqual(["a@b", "c@d"]);
  });

  it("reads ids without brackets, separated by spaces or commas", () => {
    expect(parseIdList("a@b, c@d")).toEqual(["a@b", "c@d"]);
    expect(parseIdList("")).toEqual([]);
    expect(parseIdList(null)).toEqual([]);
  });

  it("keeps the last hundred of a long thread", () => {
    const ids = Array.from({ length: 150 }, (_, i) => `m${i}@example.com`);
    expect(parseIdList(ids.map((id) => `<${id}>`).join(" "))).toEqual(ids.slice(50));
  });
});

describe("syntheticMessageId", () => {
  const mail = (received: string, eol: string) =>
    Buffer.from(
      [`Received: ${received}`, "\tby mx", "Subject: Hi", "From: a@example.com", "", "Body", ""].join(eol),
      "latin1",
    );

  it("is the same for one mail whatever its line endings and trace headers", () => {
    const id = syntheticMessageId(mail("from a", "\r\n"));
    expect(id).toMatch(/^[0-9a-f]{64}@synthetic\.frontline\.invalid$/);
    expect(syntheticMessageId(mail("from b by somewhere else", "\n"))).toBe(id);
  });

  it("differs when the content differs", () => {
    const a = syntheticMessageId(Buffer.from("Subject: Hi\n\nBody\n"));
    expect(syntheticMessageId(Buffer.from("Subject: Hi\n\nBody!\n"))).not.toBe(a);
    expect(syntheticMessageId(Buffer.from("Subject: Ho\n\nBody\n"))).not.toBe(a);
    expect(syntheticMessageId(Buffer.alloc(0))).toMatch(/@synthetic\.frontline\.invalid$/);
  });
});
