import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import de from "../../i18n/locales/de.json";
import en from "../../i18n/locales/en.json";
import { conditionSummaries, targetSummaries, targetSummary, timingSummaries } from "./sla-summary";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: "en",
    resources: { en: { translation: en }, de: { translation: de } },
    interpolation: { escapeValue: false },
  });
});

const names = {
  teams: new Map([["team-1", "Billing"]]),
  companies: new Map([["company-1", "Acme"]]),
};

describe("a target in words", () => {
  it("says the target, how long, and whether it counts business hours or around the clock", () => {
    expect(targetSummary("firstReply", { minutes: 60, businessTime: true }, "en", i18n.t)).toBe(
      "First reply within 1 hour in business hours",
    );
    expect(targetSummary("resolution", { minutes: 2 * 1440, businessTime: false }, "en", i18n.t)).toBe(
      "Resolution within 2 days calendar time",
    );
    expect(targetSummary("nextReply", { minutes: 90, businessTime: true }, "en", i18n.t)).toBe(
      "Next reply within 1 hour, 30 minutes in business hours",
    );
  });

  it("lists only the targets set, in the order they arise on a ticket", () => {
    const targets = {
      resolution: { minutes: 480, businessTime: true },
      firstReply: { minutes: 30, businessTime: false },
    };
    expect(targetSummaries({ targets }, "en", i18n.t)).toEqual([
      "First reply within 30 minutes calendar time",
      "Resolution within 8 hours in business hours",
    ]);
  });

  it("speaks the reader's language", () => {
    const de = i18n.getFixedT("de");
    expect(targetSummary("firstReply", { minutes: 120, businessTime: false }, "de", de)).toBe(
      "Erste Antwort: 2 Stunden, rund um die Uhr",
    );
  });
});

describe("conditions in words", () => {
  it("joins a list's values with 'or', since any one of them matches", () => {
    const conditions = {
      priority: ["urgent" as const, "high" as const],
      channel: ["email" as const],
      tags: ["vip"],
      teamId: ["team-1"],
      companyId: ["company-1", "gone"],
    };
    expect(conditionSummaries({ conditions }, names, "en", i18n.t)).toEqual([
      "Priority Urgent or High",
      "Channel Email",
      "Tagged vip",
      "Team Billing",
      "Company Acme or …",
    ]);
  });

  it("says every ticket when no list is set", () => {
    expect(conditionSummaries({ conditions: {} }, names, "en", i18n.t)).toEqual(["Every ticket"]);
    expect(conditionSummaries({ conditions: { priority: [] } }, names, "en", i18n.t)).toEqual(["Every ticket"]);
  });
});

describe("pauses and warnings in words", () => {
  it("names the statuses that stop the clocks and the warning's lead time", () => {
    expect(timingSummaries({ pauseOn: ["pending", "on_hold"], warnBeforeMinutes: 15 }, "en", i18n.t)).toEqual([
      "Clocks stop while Pending or On hold",
      "Warns 15 minutes before a target is due",
    ]);
    expect(timingSummaries({ pauseOn: [], warnBeforeMinutes: 0 }, "en", i18n.t)).toEqual([
      "Clocks never stop",
      "No warning before targets are due",
    ]);
  });
});
