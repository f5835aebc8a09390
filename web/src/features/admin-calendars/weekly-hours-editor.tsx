import { WEEKDAYS, type Weekday } from "@frontline/common";
import { ActionIcon, Box, Button, Group, Input, Stack, Switch, Text, TextInput, Tooltip } from "@mantine/core";
import { IconCopy, IconPlus, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { weekdayName } from "./calendar-format";
import { copyMondayToWeekdays, type HoursProblem, type TimeRange, tidyTime, type Week } from "./weekly-hours";

interface WeeklyHoursEditorProps {
  week: Week;
  onChange: (week: Week) => void;
  /** Problems keyed "mon.0.open", or "week" when the calendar is never open. */
  problems: Record<string, HoursProblem | "empty">;
  /** A message for the whole week from the server, if any. */
  error?: string | undefined;
}

const NEW_RANGE: TimeRange = { open: "09:00", close: "17:00" };

/** Opening hours by weekday: each day closed or open with one or more intervals (split shifts). */
export function WeeklyHoursEditor({ week, onChange, problems, error }: WeeklyHoursEditorProps) {
  const { t, i18n } = useTranslation();
  const words: Record<HoursProblem, string> = {
    format: t("calendars.timeFormat"),
    order: t("calendars.closeAfterOpen"),
    overlap: t("calendars.overlap"),
  };

  const setDay = (day: Weekday, ranges: TimeRange[]) => onChange({ ...week, [day]: ranges });
  const setTime = (day: Weekday, index: number, field: keyof TimeRange, value: string) =>
    setDay(
      day,
      week[day].map((range, i) => (i === index ? { ...range, [field]: value } : range)),
    );
  // A second interval starts an hour after the last one closes, a likely split shift.
  const nextRange = (ranges: TimeRange[]): TimeRange => {
    const last = ranges[ranges.length - 1];
    if (!last || !/^\d\d:\d\d$/.test(last.close) || last.close >= "23:00") return NEW_RANGE;
    const hour = Number(last.close.slice(0, 2)) + 1;
    return { open: `${String(hour).padStart(2, "0")}${last.close.slice(2)}`, close: hour < 18 ? "18:00" : "24:00" };
  };

  return (
    <Input.Wrapper
      label={t("calendars.hours")}
      error={problems.week === "empty" ? t("calendars.neverOpen") : error}
      component="fieldset"
      styles={{ root: { border: 0, padding: 0, margin: 0, minWidth: 0 } }}
    >
      <Stack gap={6} mt={4}>
        <Group justify="flex-end">
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconCopy size={14} />}
            onClick={() => onChange(copyMondayToWeekdays(week))}
          >
            {t("calendars.copyMonday")}
          </Button>
        </Group>
        {WEEKDAYS.map((day) => {
          const name = weekdayName(day, i18n.language);
          const ranges = week[day];
          return (
            <Group
              key={day}
              gap="sm"
              align="flex-start"
              wrap="nowrap"
              pt={6}
              style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}
              data-testid={`hours-${day}`}
            >
              <Switch
                w={150}
                mt={6}
                label={name}
                aria-label={t("calendars.openOn", { day: name })}
                checked={ranges.length > 0}
                onChange={(e) => setDay(day, e.currentTarget.checked ? [NEW_RANGE] : [])}
              />
              {ranges.length === 0 ? (
                <Text size="sm" c="dimmed" mt={6}>
                  {t("calendars.closedDay")}
                </Text>
              ) : (
                <Stack gap={6} flex={1}>
                  {ranges.map((range, i) => {
                    const openProblem = problems[`${day}.${i}.open`];
                    const closeProblem = problems[`${day}.${i}.close`];
                    const message = openProblem ?? closeProblem;
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity but their place
                      <Stack key={i} gap={2}>
                        {/* Times read left to right, also inside a right-to-left page. */}
                        <Group gap={6} wrap="nowrap" dir="ltr" w="fit-content">
                          <TextInput
                            w={76}
                            size="xs"
                            dir="ltr"
                            inputMode="numeric"
                            maxLength={5}
                            placeholder="09:00"
                            aria-label={t("calendars.opensAt", { day: name, n: i + 1 })}
                            value={range.open}
                            error={openProblem !== undefined}
                            onChange={(e) => setTime(day, i, "open", e.currentTarget.value)}
                            onBlur={(e) => setTime(day, i, "open", tidyTime(e.currentTarget.value))}
                          />
                          <Text size="sm" aria-hidden>
                            –
                          </Text>
                          <TextInput
                            w={76}
                            size="xs"
                            dir="ltr"
                            inputMode="numeric"
                            maxLength={5}
                            placeholder="17:00"
                            aria-label={t("calendars.closesAt", { day: name, n: i + 1 })}
                            value={range.close}
                            error={closeProblem !== undefined}
                            onChange={(e) => setTime(day, i, "close", e.currentTarget.value)}
                            onBlur={(e) => setTime(day, i, "close", tidyTime(e.currentTarget.value))}
                          />
                          <Tooltip label={t("calendars.removeHours")} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              size="md"
                              aria-label={t("calendars.removeHoursOn", { day: name, n: i + 1 })}
                              onClick={() =>
                                setDay(
                                  day,
                                  ranges.filter((_, j) => j !== i),
                                )
                              }
                            >
                              <IconX size={14} />
                            </ActionIcon>
                          </Tooltip>
                          {i === ranges.length - 1 ? (
                            <Tooltip label={t("calendars.addHours")} withArrow>
                              <ActionIcon
                                variant="subtle"
                                size="md"
                                aria-label={t("calendars.addHoursOn", { day: name })}
                                onClick={() => setDay(day, [...ranges, nextRange(ranges)])}
                              >
                                <IconPlus size={14} />
                              </ActionIcon>
                            </Tooltip>
                          ) : (
                            // Keeps every row as wide, so the times line up under each other in both directions.
                            <Box w={28} aria-hidden />
                          )}
                        </Group>
                        {message && (
                          <Text size="xs" c="red" role="alert">
                            {words[message as HoursProblem]}
                          </Text>
                        )}
                      </Stack>
                    );
                  })}
                </Stack>
              )}
            </Group>
          );
        })}
      </Stack>
    </Input.Wrapper>
  );
}
