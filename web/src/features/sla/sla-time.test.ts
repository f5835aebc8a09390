import { describe, expect, it } from "vitest";
import { countdown, durationParts, formatDuration, slaFlag } from "./sla-time";

const NOW = Date.parse("2026-03-02T10:00:00.000Z");
const at = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();

describe("countdown", () => {
  it("rounds the time left up, so a target is never shown due in 0 minutes", () => {
    expect(countdown(at(80 * 60), NOW)).toEqual({ overdue: false, minutes: 80 });
    expect(countdown(at(80 * 60 + 1), NOW)).toEqual({ overdue: false, minutes: 81 });
    expect(countdown(at(1), NOW)).toEqual({ overdue: false, minutes: 1 });
  });

  it("rounds the time past down, and counts the due moment itself as overdue", () => {
    expect(countdown(at(-(12 * 60 + 59)), NOW)).toEqual({ overdue: true, minutes: 12 });
    expect(countdown(at(0), NOW)).toEqual({ overdue: true, minutes: 1 });
    expect(countdown(at(-30), NOW)).toEqual({ overdue: true, minutes: 1 });
  });
});

describe("durationParts", () => {
  it("keeps every unit when exact, and the two largest when approximate", () => {
    expect(durationParts(1 * 1440 + 2 * 60 + 5, false)).toEqual([
      ["day", 1],
      ["hour", 2],
      ["minute", 5],
    ]);
    expect(durationParts(1 * 1440 + 2 * 60 + 5, true)).toEqual([
      ["day", 1],
      ["hour", 2],
    ]);
    expect(durationParts(80, true)).toEqual([
      ["hour", 1],
      ["minute", 20],
    ]);
  });

  it("drops units that are zero, and says 0 minutes for nothing", () => {
    expect(durationParts(2 * 1440, false)).toEqual([["day", 2]]);
    expect(durationParts(1440 + 30, false)).toEqual([
      ["day", 1],
      ["minute", 30],
    ]);
    expect(durationParts(1440 + 30, true)).toEqual([["day", 1]]);
    expect(durationParts(0, true)).toEqual([["minute", 0]]);
  });
});

describe("formatDuration", () => {
  it("is short for countdowns and long for targets, in the reader's language", () => {
    expect(formatDuration(80, "en", "short")).toBe("1 hr 20 min");
    expect(formatDuration(12, "en", "short")).toBe("12 min");
    expect(formatDuration(60, "en", "long")).toBe("1 hour");
    expect(formatDuration(2 * 1440, "en", "long")).toBe("2 days");
    expect(formatDuration(1440 + 90, "en", "long")).toBe("1 day, 1 hour, 30 minutes");
    expect(formatDuration(2 * 1440 + 3 * 60, "de", "long")).toBe("2 Tage, 3 Stunden");
    expect(formatDuration(5 * 60, "ru", "long")).toBe("5 часов");
  });
});

describe("slaFlag", () => {
  it("flags a ticket past its due time as overdue, whether or not the breach is recorded yet", () => {
    expect(slaFlag({ slaDueAt: at(-12 * 60), slaBreached: false }, NOW)).toEqual({ tone: "overdue", minutes: 12 });
    expect(slaFlag({ slaDueAt: at(-12 * 60), slaBreached: true }, NOW)).toEqual({ tone: "overdue", minutes: 12 });
  });

  it("flags a missed promise even while the next one still has time", () => {
    expect(slaFlag({ slaDueAt: at(3 * 3600), slaBreached: true }, NOW)).toEqual({ tone: "breached" });
    expect(slaFlag({ slaDueAt: null, slaBreached: true }, NOW)).toEqual({ tone: "breached" });
  });

  it("marks the last hour as due soon, anything later as later, and nothing counting as nothing", () => {
    expect(slaFlag({ slaDueAt: at(60 * 60), slaBreached: false }, NOW)).toEqual({ tone: "soon", minutes: 60 });
    expect(slaFlag({ slaDueAt: at(60 * 60 + 1), slaBreached: false }, NOW)).toEqual({ tone: "later", minutes: 61 });
    expect(slaFlag({ slaDueAt: null, slaBreached: false }, NOW)).toBeNull();
  });
});
