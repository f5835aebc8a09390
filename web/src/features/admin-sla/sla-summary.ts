import { SLA_TARGETS, type SlaPolicy, type SlaTargetName } from "@frontline/common";
import type { TFunction } from "i18next";
import { formatDuration } from "../sla/sla-time";

/** Names of the things conditions point at by id; an id not (or no longer) known shows as "…". */
export interface ConditionNames {
  teams: ReadonlyMap<string, string>;
  companies: ReadonlyMap<string, string>;
}

const listFormats = new Map<string, Intl.ListFormat>();

/** "urgent or high": a condition matches any one of its values. */
function anyOf(values: string[], locale: string): string {
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: "disjunction", style: "long" });
    listFormats.set(locale, format);
  }
  return format.format(values);
}

/** "First reply within 1 hour, in business hours" for one target. */
export function targetSummary(
  name: SlaTargetName,
  target: { minutes: number; businessTime: boolean },
  locale: string,
  t: TFunction,
): string {
  const words = { target: t(`sla.target.${name}`), duration: formatDuration(target.minutes, locale, "long") };
  return target.businessTime ? t("sla.summary.business", words) : t("sla.summary.calendar", words);
}

/** Every target a policy sets, in the order they arise on a ticket. */
export function targetSummaries(policy: Pick<SlaPolicy, "targets">, locale: string, t: TFunction): string[] {
  return SLA_TARGETS.flatMap((name) => {
    const target = policy.targets[name];
    return target ? [targetSummary(name, target, locale, t)] : [];
  });
}

/** Which tickets a policy covers, one phrase per condition; "Every ticket" when it sets none. */
export function conditionSummaries(
  policy: Pick<SlaPolicy, "conditions">,
  names: ConditionNames,
  locale: string,
  t: TFunction,
): string[] {
  const { priority, channel, tags, teamId, companyId } = policy.conditions;
  const out: string[] = [];
  if (priority?.length)
    out.push(
      t("sla.summary.priority", {
        values: anyOf(
          priority.map((p) => t(`tickets.priority.${p}`)),
          locale,
        ),
      }),
    );
  if (channel?.length)
    out.push(
      t("sla.summary.channel", {
        values: anyOf(
          channel.map((c) => t(`tickets.channel.${c}`)),
          locale,
        ),
      }),
    );
  if (tags?.length) out.push(t("sla.summary.tags", { values: anyOf(tags, locale) }));
  if (teamId?.length)
    out.push(
      t("sla.summary.team", {
        values: anyOf(
          teamId.map((id) => names.teams.get(id) ?? "…"),
          locale,
        ),
      }),
    );
  if (companyId?.length)
    out.push(
      t("sla.summary.company", {
        values: anyOf(
          companyId.map((id) => names.companies.get(id) ?? "…"),
          locale,
        ),
      }),
    );
  return out.length ? out : [t("sla.summary.everyTicket")];
}

/** When the clocks stop, and how early the team hears of a target coming due. */
export function timingSummaries(
  policy: Pick<SlaPolicy, "pauseOn" | "warnBeforeMinutes">,
  locale: string,
  t: TFunction,
): string[] {
  const statuses = policy.pauseOn.map((s) => t(`tickets.status.${s}`));
  return [
    statuses.length ? t("sla.summary.pauses", { statuses: anyOf(statuses, locale) }) : t("sla.summary.neverPauses"),
    policy.warnBeforeMinutes > 0
      ? t("sla.summary.warns", { duration: formatDuration(policy.warnBeforeMinutes, locale, "long") })
      : t("sla.summary.noWarning"),
  ];
}
