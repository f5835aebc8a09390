import type { AuditEvent } from "@frontline/common";
import { Code, Stack, Text, useDirection } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isLocale, LANGUAGE_NAMES } from "../../i18n/languages";
import { isRole } from "../../ui/pickers";
import { type SummaryContext, summariseValue } from "./audit-summary";

const MAX_FIELDS = 4;
/** The changed fields of one event, "field: before → after", the arrow pointing the reading way. */
export function AuditChanges({
  changes,
  names,
}: {
  changes: AuditEvent["changes"];
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const { dir } = useDirection();
  const entries = Object.entries(changes);
  if (entries.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t("audit.noChanges")}
      </Text>
    );
  }
  const arrow = dir === "rtl" ? "←" : "→";
  const context: SummaryContext = {
    yes: t("common.yes"),
    no: t("common.no"),
    names,
    wordFor: (field, value) => {
      if (field === "role" && isRole(value)) return t(`roles.${value}`);
      if (field === "locale" && isLocale(value)) return LANGUAGE_NAMES[value];
      return undefined;
    },
  };
  const shown = entries.slice(0, MAX_FIELDS);
  return (
    <Stack gap={2}>
      {shown.map(([field, [before, after]]) => (
        <Text key={field} size="xs" title={JSON.stringify([before, after])}>
          <Code fz="xs">{field}</Code> {summariseValue(before, context, field)} {arrow}{" "}
          {summariseValue(after, context, field)}
        </Text>
      ))}
      {entries.length > MAX_FIELDS && (
        <Text
          size="xs"
          c="dimmed"
          title={entries
            .slice(MAX_FIELDS)
            .map(([field]) => field)
            .join(", ")}
        >
          +{entries.length - MAX_FIELDS}
        </Text>
      )}
    </Stack>
  );
}
