import type { BreakdownRow, MetricDimension } from "@frontline/common";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { languageName } from "../routing/language-names";

/** A breakdown row's name in the reader's language: channels and priorities translated, languages named, none as such. */
export function useBreakdownName(by: MetricDimension) {
  const { t, i18n } = useTranslation();
  return useCallback(
    (row: BreakdownRow): string => {
      if (row.key === null) {
        if (by === "agent") return t("tickets.unassigned");
        if (by === "team") return t("tickets.noTeam");
        return t("dashboard.table.none");
      }
      switch (by) {
        case "channel":
          return t(`tickets.channel.${row.key}` as "tickets.channel.email");
        case "priority":
          return t(`tickets.priority.${row.key}` as "tickets.priority.low");
        case "language":
          return languageName(row.key, i18n.language);
        default:
          return row.label ?? row.key;
      }
    },
    [by, t, i18n.language],
  );
}
