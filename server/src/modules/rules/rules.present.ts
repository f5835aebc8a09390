import type { Rule, RuleAction, RuleConditions, RuleEvent } from "@frontline/common";
import type { RuleWithStats } from "./rules.service";

/** Rule row → API shape. */
export function presentRule(r: RuleWithStats): Rule {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    active: r.active,
    position: r.position,
    events: r.events as RuleEvent[],
    conditions: r.conditions as RuleConditions,
    actions: r.actions as RuleAction[],
    lastFiredAt: r.lastFiredAt?.toISOString() ?? null,
    firings30d: r.firings30d,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
