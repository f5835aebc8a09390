import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canTransition, nextStatuses, statusOnAgentReply, statusOnCustomerMessage, TICKET_STATUSES } from "./status";

describe("ticket status machine works", () => {
  it("allows the documented moves", () => {
    expect(nextStatuses("new")).toEqual(["open", "pending", "on_hold", "solved"]);
    expect(canTransition("open", "solved")).toBe(true);
    expect(canTransition("pending", "open")).toBe(true);
    expect(canTransition("solved", "open")).toBe(true);
    expect(canTransition("solved", "closed")).toBe(true);
    expect(canTransition("open", "open")).toBe(true);
  });

  it("reopens on a customer message and opens on the first agent reply", () => {
    expect(statusOnCustomerMessage("pending")).toBe("open");
    expect(statusOnCustomerMessage("solved")).toBe("open");
    expect(statusOnCustomerMessage("on_hold")).toBe("on_hold");
    expect(statusOnCustomerMessage("new")).toBe("new");
    expect(statusOnCustomerMessage("closed")).toBe("follow_up");
    expect(statusOnAgentReply("new")).toBe("open");
    expect(statusOnAgentReply("pending")).toBe("pending");
  });
});

describe("ticket status machine refuses", () => {
  it("moves back to new, out of closed, and from open straight to closed", () => {
    for (const s of TICKET_STATUSES) if (s !== "new") expect(canTransition(s, "new"), s).toBe(false);
    for (const s of TICKET_STATUSES) if (s !== "closed") expect(canTransition("closed", s), s).toBe(false);
    expect(canTransition("open", "closed")).toBe(false);
  });

  it("never lets a ticket reach closed without passing solved", () => {
    const status = fc.constantFrom(...TICKET_STATUSES);
    fc.assert(
      fc.property(fc.array(status, { maxLength: 30 }), (steps) => {
        let current: (typeof TICKET_STATUSES)[number] = "new";
        let solvedSeen = false;
        for (const next of steps) {
          if (!canTransition(current, next)) continue;
          if (next === "closed") expect(solvedSeen || current === "closed").toBe(true);
          if (next === "solved") solvedSeen = true;
          current = next;
        }
      }),
    );
  });
});
