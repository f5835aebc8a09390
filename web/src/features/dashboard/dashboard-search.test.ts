import { describe, expect, it } from "vitest";
import { metricsFilter, parseDashboardSearch } from "./dashboard-search";

const TEAM = "0195f2a4-6c1e-7d3b-9a40-1b2c3d4e5f60";

describe("parseDashboardSearch", () => {
  it("keeps what it understands and drops the rest", () => {
    expect(
      parseDashboardSearch({
        period: "30d",
        teamId: TEAM,
        agentId: "nope",
        channel: "email",
        priority: "pigeon",
        tag: " Billing ",
        language: "de",
        business: "true",
        interval: "week",
        by: "channel",
        colour: "red",
      }),
    ).toEqual({
      period: "30d",
      teamId: TEAM,
      channel: "email",
      tag: "billing",
      language: "de",
      business: true,
      interval: "week",
      by: "channel",
    });
  });

  it("takes a custom range only when it is valid, else the default period", () => {
    expect(parseDashboardSearch({ period: "custom", from: "2026-03-01", to: "2026-03-09" })).toEqual({
      period: "custom",
      from: "2026-03-01",
      to: "2026-03-09",
    });
    expect(parseDashboardSearch({ period: "custom", from: "2026-03-09", to: "2026-03-01" })).toEqual({});
    expect(parseDashboardSearch({ period: "7d" })).toEqual({});
  });
});

describe("metricsFilter", () => {
  it("asks the API for the period, the slice and business time", () => {
    const period = { from: "2026-03-01T00:00:00.000Z", to: "2026-03-08T00:00:00.000Z" };
    expect(metricsFilter({ teamId: TEAM, business: true }, period)).toMatchObject({
      ...period,
      teamId: TEAM,
      businessTime: "true",
      agentId: undefined,
    });
    expect(metricsFilter({}, period).businessTime).toBeUndefined();
  });
});
