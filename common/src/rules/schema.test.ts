import { describe, expect, it } from "vitest";
import { createRuleInput } from "./schema";

const paths = (input: unknown) => {
  const r = createRuleInput.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("rule contracts", () => {
  it("take a trigger and an automation with their defaults", () => {
    const trigger = createRuleInput.parse({
      kind: "trigger",
      name: "VIP first",
      events: ["ticket.created"],
      conditions: { all: [{ field: "tags", op: "contains", value: "vip" }] },
      actions: [{ type: "set_priority", value: "urgent" }],
    });
    expect(trigger).toMatchObject({ active: true, conditions: { all: [{ field: "tags" }], any: [] } });
    const automation = createRuleInput.parse({
      kind: "automation",
      name: "Remind, then solve",
      conditions: {
        all: [
          { field: "status", op: "is", value: "pending" },
          { field: "hours_since_updated", op: "gte", value: 72 },
        ],
      },
      actions: [
        {
          type: "reply",
          body: "Hello {{customer.first_name}}, is this solved?",
          translations: { ro: "Bună {{customer.first_name}}" },
        },
      ],
    });
    expect(automation.kind).toBe("automation");
  });

  it("name the failing part of a rule", () => {
    expect(
      paths({
        kind: "trigger",
        name: "",
        events: [],
        conditions: {
          all: [
            { field: "status", op: "gt", value: 3 },
            { field: "priority", op: "is", value: "extreme" },
          ],
        },
        actions: [
          { type: "reply", body: "Hi {{customer.password}}" },
          { type: "set_team", value: "nope" },
        ],
      }).sort(),
    ).toEqual(["actions.0.body", "actions.1.value", "conditions.all.0.op", "conditions.all.1.value", "events", "name"]);
    expect(
      paths({
        kind: "trigger",
        name: "x",
        events: ["ticket.exploded"],
        actions: [{ type: "add_tags", value: ["ok"] }],
      }),
    ).toEqual(["events.0"]);
    expect(paths({ kind: "automation", name: "x", actions: [] })).toEqual(["actions"]);
    expect(
      paths({ kind: "automation", name: "x", actions: [{ type: "set_status", value: "open" }], extra: 1 }),
    ).toEqual([""]);
  });

  it("take no value where the operator needs none, and a number where it compares", () => {
    const base = { kind: "automation", name: "x", actions: [{ type: "add_tags", value: ["t"] }] };
    expect(paths({ ...base, conditions: { all: [{ field: "assignee", op: "is_empty", value: "x" }] } })).toEqual([
      "conditions.all.0.value",
    ]);
    expect(paths({ ...base, conditions: { all: [{ field: "hours_since_created", op: "gt", value: "3" }] } })).toEqual([
      "conditions.all.0.value",
    ]);
    expect(
      paths({ ...base, conditions: { all: [{ field: "status", op: "one_of", value: ["open", "bogus"] }] } }),
    ).toEqual(["conditions.all.0.value"]);
  });
});
