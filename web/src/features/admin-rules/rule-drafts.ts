import {
  OPERATORS,
  RECENT_TICKETS_DAYS,
  RULE_FIELDS,
  type RuleAction,
  type RuleCondition,
  type RuleField,
  type RuleOperator,
  takesDays,
} from "@frontline/common";

// The rule editor's pure parts: which operators and values a field takes, and fresh rows.

const NO_VALUE = new Set(["is_set", "is_empty", "is_true", "is_false", "changed"]);
const MANY = new Set(["one_of", "none_of"]);

/** How the value of a condition is entered. */
export type ValueInput =
  | "none"
  | "choice"
  | "choices"
  | "person"
  | "team"
  | "company"
  | "reason"
  | "reasons"
  | "text"
  | "number";

/** The operators a field allows, in the order the editor offers them. */
export function operatorsOf(field: RuleField): readonly RuleOperator[] {
  return OPERATORS[RULE_FIELDS[field].kind];
}

/** The values an enumerated field takes, or none. */
export function choicesOf(field: RuleField): readonly string[] {
  const spec = RULE_FIELDS[field];
  return "values" in spec ? spec.values : [];
}

/** What the editor shows for a condition's value. */
export function valueInputOf(field: RuleField, op: string): ValueInput {
  if (NO_VALUE.has(op)) return "none";
  const kind = RULE_FIELDS[field].kind;
  if (kind === "number") return "number";
  if (kind === "enum") return MANY.has(op) ? "choices" : "choice";
  if (kind === "code") return MANY.has(op) ? "reasons" : "reason";
  if (kind === "id") return field === "team" ? "team" : field === "customer_company" ? "company" : "person";
  return "text";
}

/** A condition row with the field's first operator and an empty value of the right shape. */
export function freshCondition(field: RuleField = "status"): RuleCondition {
  const op = operatorsOf(field)[0]!;
  return withOperator({ field, op }, op);
}

/** The condition with another operator, its value reset when the kind of value changes (a window of days stays). */
export function withOperator(c: RuleCondition, op: string): RuleCondition {
  const input = valueInputOf(c.field, op);
  const keep = input === valueInputOf(c.field, c.op) && c.op !== op ? c.value : undefined;
  const base = takesDays(c.field)
    ? { field: c.field, op, days: c.days ?? RECENT_TICKETS_DAYS.default }
    : { field: c.field, op };
  if (input === "none") return base;
  if (keep !== undefined) return { ...base, value: keep };
  if (input === "number") return { ...base, value: 0 };
  if (input === "choices" || input === "reasons") return { ...base, value: [] };
  if (input === "choice") return { ...base, value: choicesOf(c.field)[0] ?? "" };
  return { ...base, value: "" };
}

/** A fresh action of a type, with a sensible first value. */
export function freshAction(type: RuleAction["type"]): RuleAction {
  switch (type) {
    case "set_status":
      return { type, value: "pending" };
    case "set_priority":
      return { type, value: "high" };
    case "set_team":
    case "set_assignee":
    case "set_language":
      return { type, value: null };
    case "require_skills":
    case "add_tags":
    case "remove_tags":
      return { type, value: [] };
    case "reply":
      return { type, body: "", translations: {} };
    case "add_note":
      return { type, body: "" };
    case "escalate":
      return { type, reason: "" };
    case "notify":
      return { type, to: "assignee", text: "" };
  }
}

/** Every action type, in the order the editor offers them. */
export const ACTION_TYPES: readonly RuleAction["type"][] = [
  "set_status",
  "set_priority",
  "set_team",
  "set_assignee",
  "require_skills",
  "set_language",
  "add_tags",
  "remove_tags",
  "reply",
  "add_note",
  "escalate",
  "notify",
];

/**
 * The skills a picker offers for a rule: the organisation's, and any the rule still names after they
 * were deleted, under `deletedLabel`, so the admin sees them and can take them out.
 */
export function skillChoices(
  skills: readonly { id: string; name: string }[],
  picked: readonly string[],
  deletedLabel: string,
): { value: string; label: string }[] {
  const known = new Set(skills.map((s) => s.id));
  return [
    ...skills.map((s) => ({ value: s.id, label: s.name })),
    ...picked.filter((id) => !known.has(id)).map((id) => ({ value: id, label: deletedLabel })),
  ];
}

/** The first error at a path or inside it ("0.value" covers "0.value.2"), for a field that holds a list. */
export function errorWithin(errors: Record<string, string>, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];
}

interface Issue {
  code: string;
  path: readonly PropertyKey[];
}

/**
 * Field errors by their full path ("conditions.all.0.value") from the contract's issues, the first
 * of each, worded by `word` (the contract's own words are English only).
 */
export function errorsByPath(issues: readonly Issue[], word: (issue: Issue) => string) {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.path.map(String).join(".")] ??= word(issue);
  return out;
}
