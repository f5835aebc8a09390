import { type BusinessCalendar, type HolidayCountry, WEEKDAYS } from "@frontline/common";
import { ActionIcon, Badge, Group, Menu, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconDots, IconPencil, IconStar, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { weekdayName } from "./calendar-format";
import { NextClosedDays } from "./next-closed-days";
import { weekOf } from "./weekly-hours";

interface CalendarCardProps {
  calendar: BusinessCalendar;
  /** Every team's name by id, for the teams that use this calendar. */
  teamNames: Map<string, string>;
  countries: HolidayCountry[] | undefined;
  /** Another calendar exists, so this one (if default) cannot be deleted before the default moves. */
  hasOthers: boolean;
  onEdit: () => void;
  onMakeDefault: () => void;
  onDelete: () => void;
}

/** One calendar at a glance: zone, holidays, the week's hours, who uses it and what closes next. */
export function CalendarCard({
  calendar,
  teamNames,
  countries,
  hasOthers,
  onEdit,
  onMakeDefault,
  onDelete,
}: CalendarCardProps) {
  const { t, i18n } = useTranslation();
  const week = weekOf(calendar.hours);
  const country = countries?.find((c) => c.code === calendar.holidayCountry);
  const region = country?.regions.find((r) => r.code === calendar.holidayRegion);
  const holidaysOf = country
    ? region
      ? `${country.name} · ${region.name}`
      : country.name
    : (calendar.holidayCountry ?? t("calendars.holidayCountryNone"));
  // Deleting is refused while teams count in it, or while it is the default with others left.
  const deleteBlocked = calendar.teamIds.length
    ? t("calendars.deleteInUse")
    : calendar.isDefault && hasOthers
      ? t("calendars.deleteDefault")
      : null;
  const titleId = `calendar-${calendar.id}`;

  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={titleId} data-testid="calendar-card">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} miw={0}>
            <Group gap="xs" wrap="nowrap">
              <Title order={2} size="h5" id={titleId} lineClamp={1}>
                {calendar.name}
              </Title>
              {calendar.isDefault && (
                <Badge size="sm" variant="filled" color="blue" miw="max-content" data-testid="default-badge">
                  {t("calendars.default")}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              <span dir="ltr">{calendar.timeZone}</span> · {holidaysOf}
            </Text>
          </Stack>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t("calendars.actionsFor", { name: calendar.name })}>
                <IconDots size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
                {t("calendars.edit")}
              </Menu.Item>
              {!calendar.isDefault && (
                <Menu.Item leftSection={<IconStar size={14} />} onClick={onMakeDefault}>
                  {t("calendars.makeDefault")}
                </Menu.Item>
              )}
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} />}
                disabled={deleteBlocked !== null}
                onClick={onDelete}
              >
                {t("calendars.delete")}
                {deleteBlocked && (
                  <Text size="xs" c="dimmed">
                    {deleteBlocked}
                  </Text>
                )}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>

        <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" fz="sm">
          <Table.Caption style={{ captionSide: "top", textAlign: "start" }}>{t("calendars.hours")}</Table.Caption>
          <Table.Tbody>
            {WEEKDAYS.map((day) => (
              <Table.Tr key={day}>
                <Table.Th w={110} fw={500} ps={0}>
                  {weekdayName(day, i18n.language)}
                </Table.Th>
                <Table.Td c={week[day].length ? undefined : "dimmed"}>
                  {week[day].length ? (
                    <span dir="ltr">{week[day].map((r) => `${r.open}–${r.close}`).join(", ")}</span>
                  ) : (
                    t("calendars.closedDay")
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>

        <Group gap={6}>
          <Text size="sm" fw={500}>
            {t("calendars.teamsUsing")}:
          </Text>
          {calendar.teamIds.length ? (
            calendar.teamIds.map((id) => (
              <Badge key={id} size="sm" variant="light" color="gray" tt="none">
                {teamNames.get(id) ?? "…"}
              </Badge>
            ))
          ) : (
            <Text size="sm" c="dimmed">
              {t("calendars.noTeams")}
            </Text>
          )}
        </Group>
        {calendar.customerRegions.length > 0 && (
          <Group gap={6}>
            <Text size="sm" fw={500}>
              {t("calendars.serves")}:
            </Text>
            {calendar.customerRegions.map((r) => (
              <Badge key={r} size="sm" variant="outline" color="gray" tt="none" dir="ltr">
                {r}
              </Badge>
            ))}
          </Group>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("calendars.nextClosed")}
          </Text>
          <NextClosedDays calendarId={calendar.id} timeZone={calendar.timeZone} limit={4} />
        </Stack>
      </Stack>
    </Paper>
  );
}
