import type { Escalation, Me } from "@frontline/common";
import { describe, expect, it } from "vitest";
import { mayHandle } from "./escalation-actions";
import { formatMinutes } from "./escalation-labels";

describe("formatMinutes", () => {
  it("says minutes under an hour and a half, hours above, in the reader's language", () => {
    expect(formatMinutes(25, "en")).toBe("25 min");
    expect(formatMinutes(37.5, "de")).toBe("37,5 Min.");
    expect(formatMinutes(90, "en")).toBe("1.5 hr");
    expect(formatMinutes(null, "ar")).toBe("—");
  });
});

const ME = "0f0f0f0f-1111-4222-8333-444455556666";
const OTHER = "1f0f0f0f-1111-4222-8333-444455556666";
const me = (role: Me["role"]) => ({ id: ME, role }) as Me;
const escalation = (over: Partial<Escalation>) => ({ status: "open", level: 1, takenBy: null, ...over }) as Escalation;

describe("mayHandle", () => {
  it("offers the steps to the level's role and up, on open ones and on one's own", () => {
    expect(mayHandle(me("agent"), escalation({}))).toBe(false);
    expect(mayHandle(me("supervisor"), escalation({}))).toBe(true);
    expect(mayHandle(me("supervisor"), escalation({ level: 2 }))).toBe(false);
    expect(mayHandle(me("manager"), escalation({ level: 2 }))).toBe(true);
    expect(mayHandle(me("manager"), escalation({ level: 3 }))).toBe(false);
    expect(mayHandle(me("supervisor"), escalation({ status: "taken", takenBy: { id: ME, name: "Me" } }))).toBe(true);
    expect(mayHandle(me("admin"), escalation({ status: "taken", takenBy: { id: OTHER, name: "X" } }))).toBe(false);
    expect(mayHandle(me("admin"), escalation({ status: "resolved" }))).toBe(false);
  });
});
