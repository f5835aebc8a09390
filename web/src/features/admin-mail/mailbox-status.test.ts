import { describe, expect, it } from "vitest";
import { mailboxStatus } from "./mailbox-status";

describe("mailbox status", () => {
  const at = "2026-11-22T10:00:00.000Z";
  it.each([
    [{ enabled: false, lastPolledAt: at, lastError: "Authentication failed." }, "disabled"],
    [{ enabled: false, lastPolledAt: null, lastError: null }, "disabled"],
    [{ enabled: true, lastPolledAt: null, lastError: null }, "waiting"],
    [{ enabled: true, lastPolledAt: at, lastError: "connect ECONNREFUSED 127.0.0.1:1" }, "failing"],
    [{ enabled: true, lastPolledAt: at, lastError: null }, "working"],
  ] as const)("%j is %s", (box, status) => {
    expect(mailboxStatus(box)).toBe(status);
  });
});
