import { createSlaPolicyInput, type SlaPolicy } from "@frontline/common";
import { describe, expect, it } from "vitest";
import {
  anyTargetOn,
  candidateOf,
  changesOf,
  draftOf,
  draftProblem,
  fieldOf,
  localProblems,
  minutesOf,
  type TargetDraft,
  valuesOf,
} from "./sla-policy-form";

const policy: SlaPolicy = {
  id: "4f8c1c9e-0d5e-4c1b-9a43-1f7e2a0c5b11",
  name: "Urgent",
  calendarId: null,
  position: 0,
  active: true,
  conditions: { priority: ["urgent"], tags: [] },
  // Stored targets come back in the database's key order, not the form's.
  targets: { resolution: { minutes: 2880, businessTime: false }, firstReply: { minutes: 90, businessTime: true } },
  pauseOn: ["pending", "on_hold"],
  warnBeforeMinutes: 60,
  createdAt: "2026-03-02T10:00:00.000Z",
  updatedAt: "2026-03-02T10:00:00.000Z",
};

const hours = (h: number | string, m: number | string): TargetDraft => ({
  on: true,
  mode: "hours",
  days: 1,
  hours: h,
  minutes: m,
  businessTime: true,
});

describe("a target's length in the form", () => {
  it("shows whole days as days and anything else as hours and minutes", () => {
    expect(draftOf({ minutes: 2880, businessTime: false })).toMatchObject({ mode: "days", days: 2, hours: 48 });
    expect(draftOf({ minutes: 90, businessTime: true })).toMatchObject({ mode: "hours", hours: 1, minutes: 30 });
    expect(draftOf(undefined)).toMatchObject({ on: false, mode: "hours", hours: 1, minutes: 0 });
  });

  it("reads back as minutes, with an empty field counting as zero beside a filled one", () => {
    expect(minutesOf(hours(1, 30))).toBe(90);
    expect(minutesOf(hours("", 30))).toBe(30);
    expect(minutesOf(hours("", ""))).toBeNull();
    expect(minutesOf(hours(1.5, 0))).toBeNull();
    expect(minutesOf({ ...hours(0, 0), mode: "days", days: 3 })).toBe(4320);
    expect(minutesOf({ ...hours(0, 0), mode: "days", days: "" })).toBeNull();
  });

  it("must be a minute to a year when switched on, and is not checked when off", () => {
    expect(draftProblem(hours(0, 0))).toBe("range");
    expect(draftProblem({ ...hours(0, 0), mode: "days", days: 366 })).toBe("range");
    expect(draftProblem({ ...hours(0, 0), mode: "days", days: 365 })).toBeNull();
    expect(draftProblem({ ...hours(0, 0), on: false })).toBeNull();
  });
});

describe("the request the form sends", () => {
  it("keeps only the targets switched on and the condition lists filled", () => {
    const values = { ...valuesOf(null), name: "Urgent", priority: ["urgent"], tags: [] };
    values.resolution = { ...hours(0, 0), mode: "days", days: 2, businessTime: false };
    const candidate = candidateOf(values);
    expect(candidate).toEqual({
      name: "Urgent",
      calendarId: null,
      active: true,
      conditions: { priority: ["urgent"] },
      targets: { firstReply: { minutes: 60, businessTime: true }, resolution: { minutes: 2880, businessTime: false } },
      pauseOn: ["pending", "on_hold"],
      warnBeforeMinutes: 60,
    });
    expect(createSlaPolicyInput.safeParse(candidate).success).toBe(true);
  });

  it("sends nothing for an unchanged policy, and only what changed otherwise", () => {
    const values = valuesOf(policy);
    expect(changesOf(policy, values)).toEqual({});
    expect(changesOf(policy, { ...values, warnBeforeMinutes: 0, channel: ["email"] })).toEqual({
      conditions: { priority: ["urgent"], channel: ["email"] },
      warnBeforeMinutes: 0,
    });
    expect(changesOf(policy, { ...values, firstReply: { ...values.firstReply, on: false } })).toEqual({
      targets: { resolution: { minutes: 2880, businessTime: false } },
    });
  });

  it("knows when no target is on", () => {
    const values = valuesOf(null);
    expect(anyTargetOn(values)).toBe(true);
    expect(anyTargetOn({ ...values, firstReply: { ...values.firstReply, on: false } })).toBe(false);
  });
});

describe("what the form checks before sending", () => {
  it("names each target out of range, a warning out of range, and a policy promising nothing", () => {
    const values = valuesOf(null);
    expect(localProblems(values)).toEqual({});
    expect(
      localProblems({
        ...values,
        firstReply: hours(0, 0),
        resolution: { ...hours(0, 0), mode: "days", days: 400 },
        warnBeforeMinutes: 10_081,
      }),
    ).toEqual({ firstReply: "range", resolution: "range", warnBeforeMinutes: "warnRange" });
    expect(
      localProblems({ ...values, firstReply: { ...values.firstReply, on: false }, warnBeforeMinutes: "" }),
    ).toEqual({ targets: "needTarget", warnBeforeMinutes: "warnRange" });
  });
});

describe("where a message shows", () => {
  it("puts a condition's or a target's message on its own input", () => {
    expect(fieldOf("conditions.teamId.3")).toBe("teamId");
    expect(fieldOf("targets.firstReply.minutes")).toBe("firstReply");
    expect(fieldOf("warnBeforeMinutes")).toBe("warnBeforeMinutes");
    expect(fieldOf("pauseOn.0")).toBe("pauseOn");
    expect(fieldOf("targets")).toBe("targets");
  });
});
