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

  it("take a number of days on the recent-tickets count only, within a year", () => {
    const base = { kind: "automation", name: "x", actions: [{ type: "add_tags", value: ["t"] }] };
    const recent = { field: "customer_recent_tickets", op: "gte", value: 2 };
    expect(
      paths({ ...base, conditions: { all: [recent, { ...recent, days: 30 }, { ...recent, days: 365 }] } }),
    ).toEqual([]);
    expect(
      paths({
        ...base,
        conditions: {
          all: [
            { ...recent, days: 0 },
            { ...recent, days: 366 },
            { ...recent, days: 1.5 },
            { field: "hours_since_created", op: "gt", value: 3, days: 7 },
          ],
        },
      }),
    ).toEqual(["conditions.all.0.days", "conditions.all.1.days", "conditions.all.2.days", "conditions.all.3.days"]);
  });

  it("take escalate and notify actions, and say what is wrong with them", () => {
    const rule = (actions: unknown[]) => ({ kind: "trigger", name: "x", events: ["message.received"], actions });
    const ok = createRuleInput.parse(
      rule([
        { type: "escalate", reason: "angry_customer", note: "Negative words on #{{ticket.number}}" },
        { type: "escalate", reason: "vip", toUserId: "0190a0c4-5d1e-7b2a-9c3d-4e5f60718293" },
        { type: "notify", to: "assignee", text: "{{customer.name}} is unhappy" },
        { type: "notify", to: "0190a0c4-5d1e-7b2a-9c3d-4e5f60718293", text: "Look at #{{ticket.number}}" },
      ]),
    );
    expect(ok.actions.map((a) => a.type)).toEqual(["escalate", "escalate", "notify", "notify"]);
    expect(
      paths(
        rule([
          { type: "escalate", reason: "Not A Code" },
          { type: "escalate", reason: "vip", note: "{{ticket.secret}}" },
          { type: "escalate", reason: "vip", toUserId: "stefan" },
          { type: "notify", to: "everyone", text: "Hi" },
          { type: "notify", to: "team", text: "" },
          { type: "notify", to: "team", text: "x".repeat(1001) },
        ]),
      ),
    ).toEqual([
      "actions.0.reason",
      "actions.1.note",
      "actions.2.toUserId",
      "actions.3.to",
      "actions.4.text",
      "actions.5.text",
    ]);
  });

  it("take require_skills and set_language actions, and say what is wrong with them", () => {
    const skill = "0190a0c4-5d1e-7b2a-9c3d-4e5f60718293";
    const rule = (actions: unknown[]) => ({ kind: "trigger", name: "x", events: ["ticket.created"], actions });
    const ok = createRuleInput.parse(
      rule([
        { type: "require_skills", value: [skill] },
        { type: "set_language", value: " DE " },
        { type: "set_language", value: "pt" },
        { type: "set_language", value: null },
      ]),
    );
    expect(ok.actions).toEqual([
      { type: "require_skills", value: [skill] },
      { type: "set_language", value: "de" },
      { type: "set_language", value: "pt" },
      { type: "set_language", value: null },
    ]);
    expect(
      paths(
        rule([
          { type: "require_skills", value: [] },
          { type: "require_skills", value: [skill, skill] },
          { type: "require_skills", value: ["billing"] },
          {
            type: "require_skills",
            value: Array.from({ length: 21 }, (_, i) => skill.slice(0, -2) + i.toString(16).padStart(2, "0")),
          },
          { type: "set_language", value: "de-AT" },
          { type: "set_language", value: "xx" },
          { type: "set_language" },
        ]),
      ),
    ).toEqual([
      "actions.0.value",
      "actions.1.value",
      "actions.2.value.0",
      "actions.3.value",
      "actions.4.value",
      "actions.5.value",
      "actions.6.value",
    ]);
  });

  it("take the new facts with the operators of their kind", () => {
    const base = { kind: "automation", name: "x", actions: [{ type: "add_tags", value: ["t"] }] };
    expect(
      paths({
        ...base,
        conditions: {
          all: [
            { field: "customer_vip", op: "is_true" },
            { field: "message_negative", op: "is_true" },
            { field: "customer_company", op: "is", value: "0190a0c4-5d1e-7b2a-9c3d-4e5f60718293" },
            { field: "escalation_type", op: "is", value: "customer_request" },
            { field: "escalation_reason", op: "one_of", value: ["angry_customer", "legal_threat"] },
          ],
        },
      }),
    ).toEqual([]);
    expect(
      paths({
        ...base,
        conditions: {
          all: [
            { field: "customer_vip", op: "is", value: "yes" },
            { field: "escalation_type", op: "is", value: "robot" },
            { field: "escalation_reason", op: "contains", value: "angry" },
            { field: "customer_company", op: "is", value: "acme" },
          ],
        },
      }),
    ).toEqual(["conditions.all.0.op", "conditions.all.1.value", "conditions.all.2.op", "conditions.all.3.value"]);
  });
});
