import { describe, expect, it } from "vitest";
import { conditionHolds, conditionsHold, type RuleFacts, recentTicketWindows } from "./evaluate";
import type { RuleCondition } from "./schema";

const facts: RuleFacts = {
  values: {
    status: "pending",
    priority: "high",
    tags: ["vip", "refund"],
    subject: "Refund for order 7",
    assignee: null,
    hours_since_updated: 72.5,
    within_business_hours: true,
  },
  changes: { status: "open" },
};
const holds = (c: RuleCondition) => conditionHolds(c, facts);

describe("conditions", () => {
  it("compare enums, ids and text, text without regard to case", () => {
    expect(holds({ field: "status", op: "is", value: "pending" })).toBe(true);
    expect(holds({ field: "status", op: "is_not", value: "pending" })).toBe(false);
    expect(holds({ field: "priority", op: "one_of", value: ["high", "urgent"] })).toBe(true);
    expect(holds({ field: "priority", op: "none_of", value: ["high", "urgent"] })).toBe(false);
    expect(holds({ field: "subject", op: "contains", value: "REFUND" })).toBe(true);
    expect(holds({ field: "subject", op: "not_contains", value: "invoice" })).toBe(true);
    expect(holds({ field: "assignee", op: "is_empty" })).toBe(true);
    expect(holds({ field: "assignee", op: "is_set" })).toBe(false);
  });

  it("find tags by their whole name", () => {
    expect(holds({ field: "tags", op: "contains", value: "vip" })).toBe(true);
    expect(holds({ field: "tags", op: "contains", value: "vi" })).toBe(false);
    expect(holds({ field: "tags", op: "not_contains", value: "spam" })).toBe(true);
    expect(holds({ field: "tags", op: "is_set" })).toBe(true);
  });

  it("compare numbers and booleans", () => {
    expect(holds({ field: "hours_since_updated", op: "gte", value: 72 })).toBe(true);
    expect(holds({ field: "hours_since_updated", op: "lt", value: 72 })).toBe(false);
    expect(holds({ field: "within_business_hours", op: "is_true" })).toBe(true);
    expect(holds({ field: "within_business_hours", op: "is_false" })).toBe(false);
  });

  it("see what an update changed, from and to", () => {
    expect(holds({ field: "status", op: "changed" })).toBe(true);
    expect(holds({ field: "status", op: "changed_to", value: "pending" })).toBe(true);
    expect(holds({ field: "status", op: "changed_from", value: "open" })).toBe(true);
    expect(holds({ field: "status", op: "changed_from", value: "new" })).toBe(false);
    expect(holds({ field: "priority", op: "changed" })).toBe(false);
  });

  it("fail positive tests and pass negative ones on a fact the event does not have", () => {
    expect(holds({ field: "message_body", op: "contains", value: "x" })).toBe(false);
    expect(holds({ field: "message_body", op: "not_contains", value: "x" })).toBe(true);
    expect(holds({ field: "escalation_level", op: "gt", value: 0 })).toBe(false);
    expect(conditionHolds({ field: "status", op: "changed" }, { values: { status: "open" } })).toBe(false);
  });

  it("need every 'all' and one 'any' when there are any", () => {
    const all: RuleCondition[] = [{ field: "status", op: "is", value: "pending" }];
    const any: RuleCondition[] = [
      { field: "tags", op: "contains", value: "spam" },
      { field: "priority", op: "is", value: "high" },
    ];
    expect(conditionsHold({ all, any }, facts)).toBe(true);
    expect(conditionsHold({ all, any: [any[0]!] }, facts)).toBe(false);
    expect(conditionsHold({ all: [], any: [] }, facts)).toBe(true);
    expect(conditionsHold({ all: [...all, { field: "priority", op: "is", value: "low" }], any: [] }, facts)).toBe(
      false,
    );
  });

  it("count the requester's recent tickets over each condition's own window, 7 days unless it says", () => {
    const counted: RuleFacts = { values: {}, recentTickets: { 7: 2, 30: 5 } };
    const recent = (value: number, days?: number): RuleCondition => ({
      field: "customer_recent_tickets",
      op: "gte",
      value,
      ...(days ? { days } : {}),
    });
    expect(conditionHolds(recent(2), counted)).toBe(true);
    expect(conditionHolds(recent(3), counted)).toBe(false);
    expect(conditionHolds(recent(5, 30), counted)).toBe(true);
    expect(conditionHolds(recent(1, 90), counted), "a window nobody counted").toBe(false);
    expect(
      recentTicketWindows({
        all: [recent(1), recent(2, 7)],
        any: [recent(3, 30), { field: "status", op: "is", value: "new" }],
      }),
    ).toEqual([7, 30]);
  });

  it("compare codes such as an escalation's reason, without regard to case", () => {
    const escalated: RuleFacts = { values: { escalation_reason: "angry_customer", escalation_type: "automatic" } };
    expect(conditionHolds({ field: "escalation_reason", op: "is", value: "angry_customer" }, escalated)).toBe(true);
    expect(
      conditionHolds({ field: "escalation_reason", op: "one_of", value: ["refund", "ANGRY_CUSTOMER"] }, escalated),
    ).toBe(true);
    expect(conditionHolds({ field: "escalation_reason", op: "none_of", value: ["angry_customer"] }, escalated)).toBe(
      false,
    );
    expect(conditionHolds({ field: "escalation_type", op: "is_not", value: "agent" }, escalated)).toBe(true);
  });
});
