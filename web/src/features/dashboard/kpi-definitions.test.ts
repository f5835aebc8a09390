import { DRILL_SETS } from "@frontline/common";
import { describe, expect, it } from "vitest";
import { changeKindOf, KPI_GROUPS } from "./kpi-definitions";

const cards = KPI_GROUPS.flatMap((g) => g.cards);

describe("KPI cards", () => {
  it("are each defined once and drill into sets the API knows", () => {
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    for (const card of cards) if (card.drill) expect(DRILL_SETS).toContain(card.drill);
  });

  it("call shorter times and fewer reopens and escalations good news", () => {
    const better = Object.fromEntries(cards.map((c) => [c.id, c.better]));
    expect(better).toMatchObject({
      solved: "up",
      reopened: "down",
      firstReply: "down",
      resolution: "down",
      sla: "up",
      csat: "up",
      escalations: "down",
      reopenRate: "down",
    });
  });

  it("compare rates by points and counts by share", () => {
    expect(changeKindOf("percent")).toBe("absolute");
    expect(changeKindOf("score")).toBe("absolute");
    expect(changeKindOf("count")).toBe("relative");
    expect(changeKindOf("duration")).toBe("relative");
  });
});
