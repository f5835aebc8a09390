import {
  addBusinessMinutes,
  type BusinessCalendarSpec,
  businessMinutesBetween,
  type SlaConditions,
} from "@frontline/common";

/** How a target's minutes pass: in a calendar's business hours, or around the clock. */
export interface SlaClock {
  businessTime: boolean;
  /** The calendar business minutes are counted in; none: they pass around the clock too. */
  spec: BusinessCalendarSpec | undefined;
}

const counts = (c: SlaClock): BusinessCalendarSpec | undefined => (c.businessTime ? c.spec : undefined);

/** When `minutes` of the clock's time have passed after `from`; null when its calendar never opens. */
export function dueFrom(clock: SlaClock, from: Date, minutes: number): Date | null {
  const spec = counts(clock);
  if (!spec) return new Date(from.getTime() + Math.max(0, minutes) * 60_000);
  return addBusinessMinutes(spec, from, Math.max(0, minutes));
}

/** The clock's minutes from `from` to `to` (negative when `to` comes first). */
export function minutesOn(clock: SlaClock, from: Date, to: Date): number {
  const spec = counts(clock);
  return spec ? businessMinutesBetween(spec, from, to) : (to.getTime() - from.getTime()) / 60_000;
}

/** What a policy's conditions look at on a ticket. */
export interface SlaFacts {
  priority: string;
  channel: string;
  tags: readonly string[];
  teamId: string | null;
  companyId: string | null;
}

/** Whether a policy covers a ticket: every list given must match; a missing or empty list matches all. */
export function policyCovers(c: SlaConditions, t: SlaFacts): boolean {
  const listed = <T>(list: readonly T[] | undefined, test: (list: readonly T[]) => boolean) =>
    !list || list.length === 0 || test(list);
  return (
    listed(c.priority, (l) => l.includes(t.priority as never)) &&
    listed(c.channel, (l) => l.includes(t.channel as never)) &&
    listed(c.tags, (l) => l.some((tag) => t.tags.includes(tag))) &&
    listed(c.teamId, (l) => t.teamId !== null && l.includes(t.teamId)) &&
    listed(c.companyId, (l) => t.companyId !== null && l.includes(t.companyId))
  );
}
