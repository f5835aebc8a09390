import type { BusinessCalendar, Team } from "@frontline/common";
import { Paper, Select, Table, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { setTeamCalendar } from "../../api/calendars";
import { queryKeys } from "../../api/query-keys";
import { notifyError, notifySuccess } from "../../ui/notify";

const NONE = "";

/** Follow the sun: each team's tickets counted in its own calendar, or in the customer's region or the default. */
export function TeamCalendars({ teams, calendars }: { teams: Team[]; calendars: BusinessCalendar[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [savingId, setSavingId] = useState<string | null>(null);
  const calendarOf = new Map(calendars.flatMap((c) => c.teamIds.map((id) => [id, c.id] as const)));
  const options = [
    { value: NONE, label: t("calendars.teamNone") },
    ...calendars.map((c) => ({ value: c.id, label: c.name })),
  ];

  async function choose(team: Team, value: string | null) {
    const calendarId = value && value !== NONE ? value : null;
    setSavingId(team.id);
    try {
      await setTeamCalendar(team.id, calendarId);
      await queryClient.invalidateQueries({ queryKey: queryKeys.calendars.all });
      const calendar = calendars.find((c) => c.id === calendarId);
      notifySuccess(
        calendar
          ? t("calendars.teamSaved", { team: team.name, calendar: calendar.name })
          : t("calendars.teamCleared", { team: team.name }),
      );
    } catch (error) {
      notifyError(error);
    } finally {
      setSavingId(null);
    }
  }

  if (teams.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("calendars.noTeamsYet")}
      </Text>
    );
  }
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("teams.name")}</Table.Th>
              <Table.Th>{t("calendars.calendar")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.map((team) => (
              <Table.Tr key={team.id}>
                <Table.Td fw={500}>{team.name}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    maw={340}
                    aria-label={t("calendars.teamCalendar", { team: team.name })}
                    data={options}
                    value={calendarOf.get(team.id) ?? NONE}
                    onChange={(value) => void choose(team, value)}
                    allowDeselect={false}
                    disabled={savingId === team.id}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
