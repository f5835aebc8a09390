import { describe, expect, it } from "vitest";
import { defaultStatusAfter, sendStatusChoices, statusPickerChoices, statusToSend } from "./reply-status";

describe("sending a message", () => {
  it("opens a new ticket on the first public reply, and keeps the status otherwise", () => {
    expect(defaultStatusAfter("reply", "new")).toBe("open");
    expect(defaultStatusAfter("reply", "pending")).toBe("pending");
    expect(defaultStatusAfter("note", "new")).toBe("new");
  });

  it("offers the default first, then only allowed moves", () => {
    expect(sendStatusChoices("reply", "new")).toEqual(["open", "pending", "on_hold", "solved"]);
    expect(sendStatusChoices("note", "new")).toEqual(["new", "open", "pending", "on_hold", "solved"]);
    expect(sendStatusChoices("reply", "solved")).toEqual(["solved", "open", "closed"]);
    expect(sendStatusChoices("reply", "closed")).toEqual([]);
  });

  it("sends a status only when it differs from what happens anyway", () => {
    expect(statusToSend("reply", "new", "open")).toBeUndefined();
    expect(statusToSend("reply", "new", null)).toBeUndefined();
    expect(statusToSend("reply", "new", "solved")).toBe("solved");
    expect(statusToSend("note", "open", "pending")).toBe("pending");
  });
});

describe("the status picker", () => {
  it("shows the current status and the allowed next ones", () => {
    expect(statusPickerChoices("open")).toEqual(["open", "pending", "on_hold", "solved"]);
    expect(statusPickerChoices("closed")).toEqual(["closed"]);
  });
});
