import type { SlaConditions, SlaPolicy } from "@frontline/common";
import type { PolicyRow } from "./sla-targets";

/** Policy row → API shape. */
export function presentSlaPolicy(r: PolicyRow): SlaPolicy {
  return {
    id: r.id,
    name: r.name,
    calendarId: r.calendarId,
    position: r.position,
    active: r.active,
    conditions: r.conditions as SlaConditions,
    targets: r.targets as SlaPolicy["targets"],
    pauseOn: r.pauseOn as SlaPolicy["pauseOn"],
    warnBeforeMinutes: r.warnBeforeMinutes,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
