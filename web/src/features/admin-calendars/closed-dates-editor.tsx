import { ActionIcon, Button, Group, Input, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ClosedDateRow } from "./weekly-hours";

interface ClosedDatesEditorProps {
  rows: ClosedDateRow[];
  onChange: (rows: ClosedDateRow[]) => void;
  /** Problems keyed "0.date" or "0.name". */
  problems: Record<string, "date" | "twice" | "name">;
  error?: string | undefined;
}

/** The organisation's own closed days: a date and a name each (company day, inventory, a closure). */
export function ClosedDatesEditor({ rows, onChange, problems, error }: ClosedDatesEditorProps) {
  const { t } = useTranslation();
  const words = { date: t("calendars.dateInvalid"), twice: t("calendars.dateTwice"), name: t("validation.required") };
  const setRow = (index: number, patch: Partial<ClosedDateRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <Input.Wrapper
      label={t("calendars.closedDates")}
      description={t("calendars.closedDatesHint")}
      error={error}
      component="fieldset"
      styles={{ root: { border: 0, padding: 0, margin: 0, minWidth: 0 } }}
    >
      <Stack gap={6} mt={6}>
        {rows.map((row, i) => {
          const dateProblem = problems[`${i}.date`];
          const nameProblem = problems[`${i}.name`];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row being typed has no identity but its place
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                type="date"
                w={160}
                size="xs"
                dir="ltr"
                aria-label={t("calendars.closedDate", { n: i + 1 })}
                value={row.date}
                onChange={(e) => setRow(i, { date: e.currentTarget.value })}
                error={dateProblem ? words[dateProblem] : undefined}
              />
              <TextInput
                flex={1}
                size="xs"
                maxLength={100}
                placeholder={t("calendars.closedDateNamePlaceholder")}
                aria-label={t("calendars.closedDateName", { n: i + 1 })}
                value={row.name}
                onChange={(e) => setRow(i, { name: e.currentTarget.value })}
                error={nameProblem ? words[nameProblem] : undefined}
              />
              <Tooltip label={t("calendars.removeClosedDate")} withArrow>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={2}
                  aria-label={t("calendars.removeClosedDateN", { n: i + 1 })}
                  onClick={() => onChange(rows.filter((_, j) => j !== i))}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Tooltip>
            </Group>
          );
        })}
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("calendars.noClosedDates")}
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange([...rows, { date: "", name: "" }])}
          >
            {t("calendars.addClosedDate")}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
