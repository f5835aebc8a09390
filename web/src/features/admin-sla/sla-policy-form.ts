import { SLA_TARGETS, type SlaConditions, type SlaPolicy, type SlaTargetName } from "@frontline/common";

const HOUR = 60;
const DAY = 24 * HOUR;
/** The contract's bounds: a target of one minute to a year, a warning of up to a week. */
export const MAX_TARGET_MINUTES = 525_600;
export const MAX_WARN_MINUTES = 10_080;

/** How a target's length is typed: hours and minutes ("1 h 30 min"), or whole days. */
export type DurationMode = "hours" | "days";

/** One target as the form edits it; number inputs hold "" while empty. */
export interface TargetDraft {
  on: boolean;
  mode: DurationMode;
  days: number | string;
  hours: number | string;
  minutes: number | string;
  businessTime: boolean;
}

export const CONDITION_KEYS = ["priority", "channel", "tags", "teamId", "companyId"] as const;
type ConditionKey = (typeof CONDITION_KEYS)[number];

/** The policy dialog's values: flat, so each field's message lands on its own input. */
export interface PolicyValues extends Record<string, unknown>, Record<ConditionKey, string[]> {
  name: string;
  calendarId: string | null;
  active: boolean;
  firstReply: TargetDraft;
  nextReply: TargetDraft;
  periodicUpdate: TargetDraft;
  resolution: TargetDraft;
  /** Holds no value: where messages about the targets as a whole ("set at least one") are kept. */
  targets: null;
  pauseOn: string[];
  warnBeforeMinutes: number | string;
}

/** A stored target as the form shows it: whole days as days, anything else as hours and minutes. */
export function draftOf(target: { minutes: number; businessTime: boolean } | undefined): TargetDraft {
  if (!target) return { on: false, mode: "hours", days: 1, hours: 1, minutes: 0, businessTime: true };
  const { minutes, businessTime } = target;
  // Switching the mode keeps the same length: days also show as hours, and the reverse rounds.
  if (minutes % DAY === 0)
    return { on: true, mode: "days", days: minutes / DAY, hours: minutes / HOUR, minutes: 0, businessTime };
  return {
    on: true,
    mode: "hours",
    days: Math.max(1, Math.round(minutes / DAY)),
    hours: Math.floor(minutes / HOUR),
    minutes: minutes % HOUR,
    businessTime,
  };
}

const numberOf = (value: number | string): number | null =>
  value === "" || !Number.isFinite(Number(value)) ? null : Number(value);

/** The length a draft says, in minutes; null while a field is empty or not a whole number. */
export function minutesOf(draft: TargetDraft): number | null {
  if (draft.mode === "days") {
    const days = numberOf(draft.days);
    return days === null || !Number.isInteger(days) ? null : days * DAY;
  }
  const hours = numberOf(draft.hours) ?? 0;
  const minutes = numberOf(draft.minutes) ?? 0;
  if (draft.hours === "" && draft.minutes === "") return null;
  return Number.isInteger(hours) && Number.isInteger(minutes) ? hours * HOUR + minutes : null;
}

/** What is wrong with a draft the form cannot send: no length, or one outside a minute to a year. */
export function draftProblem(draft: TargetDraft): "range" | null {
  if (!draft.on) return null;
  const minutes = minutesOf(draft);
  return minutes === null || minutes < 1 || minutes > MAX_TARGET_MINUTES ? "range" : null;
}

/** The form's starting values: the policy's, or a new policy's defaults (first reply within an hour). */
export function valuesOf(policy: SlaPolicy | null): PolicyValues {
  const targets = policy?.targets ?? { firstReply: { minutes: HOUR, businessTime: true } };
  return {
    name: policy?.name ?? "",
    calendarId: policy?.calendarId ?? null,
    active: policy?.active ?? true,
    priority: policy?.conditions.priority ?? [],
    channel: policy?.conditions.channel ?? [],
    tags: policy?.conditions.tags ?? [],
    teamId: policy?.conditions.teamId ?? [],
    companyId: policy?.conditions.companyId ?? [],
    firstReply: draftOf(targets.firstReply),
    nextReply: draftOf(targets.nextReply),
    periodicUpdate: draftOf(targets.periodicUpdate),
    resolution: draftOf(targets.resolution),
    targets: null,
    pauseOn: policy?.pauseOn ?? ["pending", "on_hold"],
    warnBeforeMinutes: policy?.warnBeforeMinutes ?? HOUR,
  };
}

// Lists in a fixed order and without empty ones, so a stored policy and the form compare equal.
function normalConditions(conditions: Partial<Record<ConditionKey, readonly string[]>>): Record<string, string[]> {
  return Object.fromEntries(
    CONDITION_KEYS.flatMap((key) => (conditions[key]?.length ? [[key, [...(conditions[key] ?? [])]]] : [])),
  );
}

function normalTargets(targets: SlaPolicy["targets"]): Record<string, { minutes: number; businessTime: boolean }> {
  return Object.fromEntries(
    SLA_TARGETS.flatMap((name) => {
      const target = targets[name];
      return target ? [[name, { minutes: target.minutes, businessTime: target.businessTime }]] : [];
    }),
  );
}

/** The request body the form's values make, for the contract to check: only the targets switched on. */
export function candidateOf(values: PolicyValues) {
  const targets: Partial<Record<SlaTargetName, { minutes: number | null; businessTime: boolean }>> = {};
  for (const name of SLA_TARGETS) {
    const draft = values[name];
    if (draft.on) targets[name] = { minutes: minutesOf(draft), businessTime: draft.businessTime };
  }
  return {
    name: values.name,
    calendarId: values.calendarId,
    active: values.active,
    conditions: normalConditions(values) as SlaConditions,
    targets,
    pauseOn: values.pauseOn,
    warnBeforeMinutes: numberOf(values.warnBeforeMinutes),
  };
}

/** Only what changed from the stored policy, so an edit never rewrites what it did not touch. */
export function changesOf(policy: SlaPolicy, values: PolicyValues): Record<string, unknown> {
  const next = candidateOf(values);
  const stored: Record<string, unknown> = {
    name: policy.name,
    calendarId: policy.calendarId,
    active: policy.active,
    conditions: normalConditions(policy.conditions),
    targets: normalTargets(policy.targets),
    pauseOn: policy.pauseOn,
    warnBeforeMinutes: policy.warnBeforeMinutes,
  };
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(stored[key])),
  );
}

/** Whether any target is switched on: a policy must promise something. */
export function anyTargetOn(values: PolicyValues): boolean {
  return SLA_TARGETS.some((name) => values[name].on);
}

/** What the form can tell before sending, by field, in its own words (the contract's are English only). */
export type LocalProblem = "range" | "warnRange" | "needTarget";

/** Lengths out of range, a warning out of range, or no target at all; empty when the form may be sent. */
export function localProblems(values: PolicyValues): Record<string, LocalProblem> {
  const out: Record<string, LocalProblem> = {};
  for (const name of SLA_TARGETS) if (draftProblem(values[name])) out[name] = "range";
  if (!anyTargetOn(values)) out.targets = "needTarget";
  const warn = numberOf(values.warnBeforeMinutes);
  if (warn === null || !Number.isInteger(warn) || warn < 0 || warn > MAX_WARN_MINUTES)
    out.warnBeforeMinutes = "warnRange";
  return out;
}

/**
 * Which input shows the message for a field path: a condition's list ("conditions.teamId.3") or a
 * target ("targets.firstReply.minutes") shows it on its own input.
 */
export function fieldOf(path: string): string {
  const [head = path, second] = path.split(".");
  return (head === "conditions" || head === "targets") && second ? second : head;
}
