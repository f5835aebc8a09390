import { type Escalation, reasonLabel } from "@frontline/common";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { isLocale } from "../../i18n/languages";

/** The colour of a level: warmer the higher it goes. */
export const LEVEL_COLORS: Record<number, string> = { 1: "orange", 2: "red", 3: "grape" };

/** A reason's label in the reader's language (else English, else any, else its code). */
export function useReasonLabel(): (labels: Record<string, string>, code: string) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (labels, code) => reasonLabel(labels, isLocale(i18n.language) ? i18n.language : "en", code),
    [i18n.language],
  );
}

/** Minutes as a duration in the reader's language ("25 min", "1.5 hr"); a dash when there is nothing. */
export function formatMinutes(value: number | null, locale: string): string {
  if (value === null) return "—";
  const hours = value >= 90;
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: hours ? "hour" : "minute",
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(hours ? value / 60 : value);
}

/** Who raised an escalation, as lists name them. */
export function raisedByName(e: Escalation, system: string, byRule: (name: string) => string): string {
  if (e.createdBy.type !== "system") return e.createdBy.name;
  return e.createdBy.name ? byRule(e.createdBy.name) : system;
}

/** Still waiting for or with a supervisor. */
export const isActive = (e: Escalation): boolean => e.status !== "resolved";

/** A level's name ("Supervisor", "Manager", "Head of service") in the reader's language. */
export function useLevelName(): (level: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (level) => t(`escalations.levelName.${String(Math.min(Math.max(level, 1), 3)) as "1" | "2" | "3"}`),
    [t],
  );
}
