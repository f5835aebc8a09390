import { createRuleInput } from "@frontline/common";
import { describe, expect, it } from "vitest";
import {
  ACTION_TYPES,
  errorsByPath,
  errorWithin,
  freshAction,
  freshCondition,
  operatorsOf,
  skillChoices,
  valueInputOf,
  withOperator,
} from "./rule-drafts";

describe("the rule editor's drafts", () => {
  it("offer each field its own operators and value input", () => {
    expect(operatorsOf("hours_since_updated")).toEqual(["is", "gt", "gte", "lt", "lte"]);
    expect(valueInputOf("status", "one_of")).toBe("choices");
    expect(valueInputOf("team", "is")).toBe("team");
    expect(valueInputOf("assignee", "is_empty")).toBe("none");
    expect(valueInputOf("tags", "contains")).toBe("text");
    expect(valueInputOf("customer_company", "is")).toBe("company");
    expect(valueInputOf("escalation_reason", "is")).toBe("reason");
    expect(valueInputOf("escalation_reason", "none_of")).toBe("reasons");
    expect(valueInputOf("customer_recent_tickets", "gte")).toBe("number");
    expect(valueInputOf("message_negative", "is_true")).toBe("none");
  });

  it("give the recent-tickets count its window of days, 7 to start, kept when the operator changes", () => {
    const fresh = freshCondition("customer_recent_tickets");
    expect(fresh).toEqual({ field: "customer_recent_tickets", op: "is", value: 0, days: 7 });
    expect(withOperator({ ...fresh, days: 30, value: 3 }, "gte")).toEqual({
      field: "customer_recent_tickets",
      op: "gte",
      value: 3,
      days: 30,
    });
    expect(freshCondition("escalation_reason")).toEqual({ field: "escalation_reason", op: "is", value: "" });
    expect(freshAction("escalate")).toEqual({ type: "escalate", reason: "" });
    expect(freshAction("notify")).toEqual({ type: "notify", to: "assignee", text: "" });
  });

  it("start rows with values of the right shape and reset them when the operator changes the shape", () => {
    expect(freshCondition()).toEqual({ field: "status", op: "is", value: "new" });
    expect(freshCondition("hours_since_created")).toEqual({ field: "hours_since_created", op: "is", value: 0 });
    const c = { field: "priority" as const, op: "is", value: "urgent" };
    expect(withOperator(c, "is_not")).toEqual({ field: "priority", op: "is_not", value: "urgent" });
    expect(withOperator(c, "one_of")).toEqual({ field: "priority", op: "one_of", value: [] });
    expect(withOperator(c, "changed")).toEqual({ field: "priority", op: "changed" });
    expect(freshAction("reply")).toEqual({ type: "reply", body: "", translations: {} });
  });

  it("offer actions that set what routing requires, starting empty and unsaved until skills are picked", () => {
    expect(ACTION_TYPES.slice(2, 6)).toEqual(["set_team", "set_assignee", "require_skills", "set_language"]);
    expect(freshAction("require_skills")).toEqual({ type: "require_skills", value: [] });
    expect(freshAction("set_language")).toEqual({ type: "set_language", value: null });
    const rule = (action: unknown) => ({ kind: "automation", name: "x", actions: [action] });
    const empty = createRuleInput.safeParse(rule(freshAction("require_skills")));
    expect(empty.success ? [] : empty.error.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["too_small", "actions.0.value"],
    ]);
    expect(createRuleInput.safeParse(rule(freshAction("set_language"))).success).toBe(true);
  });

  it("offer the organisation's skills, and name the ones a rule keeps after they were deleted", () => {
    const skills = [
      { id: "s1", name: "Refunds" },
      { id: "s2", name: "SEPA" },
    ];
    expect(skillChoices(skills, ["s2", "gone"], "Competență ștearsă")).toEqual([
      { value: "s1", label: "Refunds" },
      { value: "s2", label: "SEPA" },
      { value: "gone", label: "Competență ștearsă" },
    ]);
    expect(skillChoices([], [], "Deleted skill")).toEqual([]);
  });

  it("find a list's error at the list or at one of its items", () => {
    expect(errorWithin({ "1.value.2": "Unknown skill", "0.value": "Required" }, "1.value")).toBe("Unknown skill");
    expect(errorWithin({ "1.value.2": "Unknown skill", "1.value": "Invalid" }, "1.value")).toBe("Invalid");
    expect(errorWithin({ "1.values": "Other field" }, "1.value")).toBeUndefined();
  });

  it("place each error by its full path, the first of each, in the reader's words", () => {
    expect(
      errorsByPath(
        [
          { code: "custom", path: ["conditions", "all", 0, "value"] },
          { code: "too_small", path: ["conditions", "all", 0, "value"] },
          { code: "too_small", path: ["name"] },
        ],
        (issue) => (issue.code === "too_small" ? "Obligatoriu" : "Valoare nevalidă"),
      ),
    ).toEqual({ "conditions.all.0.value": "Valoare nevalidă", name: "Obligatoriu" });
  });
});
