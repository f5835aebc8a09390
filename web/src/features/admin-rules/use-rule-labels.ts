import type { RuleField } from "@frontline/common";
import { useTranslation } from "react-i18next";
import { isLocale, LANGUAGE_NAMES } from "../../i18n/languages";

/** The words for a field's value in the reader's language: statuses, priorities, channels, languages… */
export function useValueLabel(): (field: RuleField, value: string) => string {
  const { t } = useTranslation();
  return (field, value) => {
    switch (field) {
      case "status":
        return t(`tickets.status.${value}` as "tickets.status.new");
      case "priority":
        return t(`tickets.priority.${value}` as "tickets.priority.low");
      case "channel":
        return t(`tickets.channel.${value}` as "tickets.channel.email");
      case "language":
        return isLocale(value) ? LANGUAGE_NAMES[value] : value;
      case "message_author":
        return t(`rules.authors.${value}` as "rules.authors.customer");
      case "sla_target":
        return t(`rules.slaTargets.${value}` as "rules.slaTargets.firstReply");
      case "escalation_type":
        return t(`escalations.type.${value}` as "escalations.type.agent");
      default:
        return value;
    }
  };
}
