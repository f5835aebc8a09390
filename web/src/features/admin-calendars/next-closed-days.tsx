import { Badge, Group, Loader, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { formatCalendarDate } from "./calendar-format";
import { closedDaysQuery } from "./calendar-queries";
import { yearAhead } from "./weekly-hours";

interface NextClosedDaysProps {
  calendarId: string;
  timeZone: string;
  /** How many to show. */
  limit: number;
}

/** The calendar's next closed days in the coming twelve months, as the server counts them. */
export function NextClosedDays({ calendarId, timeZone, limit }: NextClosedDaysProps) {
  const { t, i18n } = useTranslation();
  const { from, to } = yearAhead(new Date(), timeZone);
  const days = useQuery(closedDaysQuery(calendarId, from, to, i18n.language));
  if (days.isPending) return <Loader size="xs" aria-label={t("common.loading")} />;
  if (days.error) {
    return (
      <Text size="sm" c="red">
        {t("calendars.closedDaysFailed")}
      </Text>
    );
  }
  if (days.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("calendars.nextClosedNone")}
      </Text>
    );
  }
  const more = days.data.length - limit;
  return (
    <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: "none" }} data-testid="next-closed-days">
      {days.data.slice(0, limit).map((day) => (
        <Group key={day.date} gap="xs" wrap="nowrap" component="li" data-date={day.date}>
          <Text size="sm" w={160} style={{ flexShrink: 0, whiteSpace: "nowrap" }}>
            {formatCalendarDate(day.date, i18n.language)}
          </Text>
          <Text size="sm" lineClamp={1} flex={1}>
            {day.name}
          </Text>
          <Badge size="xs" variant="light" color={day.source === "custom" ? "grape" : "teal"} miw="max-content">
            {day.source === "custom" ? t("calendars.customDay") : t("calendars.publicHoliday")}
          </Badge>
        </Group>
      ))}
      {more > 0 && (
        <Text size="xs" c="dimmed" component="li">
          {t("calendars.moreClosed", { count: more })}
        </Text>
      )}
    </Stack>
  );
}
