import { RECENT_TICKETS_DAYS, type RuleCondition, type RuleConditions, type RuleField, takesDays } from "./schema";

export type FactValue = string | number | boolean | readonly string[] | null;

/**
 * What a rule is checked against: the facts now, for an update the facts that changed (with their
 * value before), and the requester's other tickets counted over each window (in days) a rule asks about.
 */
export interface RuleFacts {
  values: Partial<Record<RuleField, FactValue>>;
  changes?: Partial<Record<RuleField, FactValue>>;
  recentTickets?: Partial<Record<number, number>>;
}

const daysOf = (c: RuleCondition) => c.days ?? RECENT_TICKETS_DAYS.default;

/** The windows (in days) of the conditions that count the requester's recent tickets, each once. */
export function recentTicketWindows(conditions: RuleConditions): number[] {
  const days = [...conditions.all, ...conditions.any].filter((c) => takesDays(c.field)).map(daysOf);
  return [...new Set(days)];
}

function factOf(c: RuleCondition, facts: RuleFacts): FactValue | undefined {
  return takesDays(c.field) ? facts.recentTickets?.[daysOf(c)] : facts.values[c.field];
}

const lower = (v: FactValue | undefined) => (typeof v === "string" ? v.toLocaleLowerCase() : v);

function same(a: FactValue | undefined, b: RuleCondition["value"]): boolean {
  if (typeof a === "string" && typeof b === "string") return lower(a) === lower(b);
  return a === b;
}

function contains(fact: FactValue | undefined, value: RuleCondition["value"]): boolean {
  if (typeof value !== "string") return false;
  if (Array.isArray(fact)) return fact.includes(value.toLocaleLowerCase());
  return typeof fact === "string" && fact.toLocaleLowerCase().includes(value.toLocaleLowerCase());
}

function compare(fact: FactValue | undefined, value: RuleCondition["value"], test: (a: number, b: number) => boolean) {
  return typeof fact === "number" && typeof value === "number" && test(fact, value);
}

/** Whether one condition holds for these facts. A fact that is absent fails every positive test. */
export function conditionHolds(c: RuleCondition, facts: RuleFacts): boolean {
  const fact = factOf(c, facts);
  const list = Array.isArray(c.value) ? c.value : [];
  const changed = facts.changes !== undefined && c.field in facts.changes;
  switch (c.op) {
    case "is":
      return fact !== undefined && same(fact, c.value);
    case "is_not":
      return !same(fact, c.value);
    case "one_of":
      return fact !== undefined && list.some((v) => same(fact, v));
    case "none_of":
      return !list.some((v) => same(fact, v));
    case "contains":
      return contains(fact, c.value);
    case "not_contains":
      return !contains(fact, c.value);
    case "is_set":
      return Array.isArray(fact) ? fact.length > 0 : fact !== undefined && fact !== null && fact !== "";
    case "is_empty":
      return Array.isArray(fact) ? fact.length === 0 : fact === undefined || fact === null || fact === "";
    case "gt":
      return compare(fact, c.value, (a, b) => a > b);
    case "gte":
      return compare(fact, c.value, (a, b) => a >= b);
    case "lt":
      return compare(fact, c.value, (a, b) => a < b);
    case "lte":
      return compare(fact, c.value, (a, b) => a <= b);
    case "is_true":
      return fact === true;
    case "is_false":
      return fact === false;
    case "changed":
      return changed;
    case "changed_to":
      return changed && same(fact, c.value);
    case "changed_from":
      return changed && same(facts.changes?.[c.field], c.value);
    default:
      return false;
  }
}

/** Every "all" condition holds, and at least one "any" condition when there are some. */
export function conditionsHold(conditions: RuleConditions, facts: RuleFacts): boolean {
  if (!conditions.all.every((c) => conditionHolds(c, facts))) return false;
  return conditions.any.length === 0 || conditions.any.some((c) => conditionHolds(c, facts));
}
