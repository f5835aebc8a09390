import type { BusinessCalendar } from "@frontline/common";
import { Button, EmptyState, Loader, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconCalendarPlus, IconClockHour9 } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { updateCalendar } from "../../api/calendars";
import { teamsQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { notifyError, notifySuccess } from "../../ui/notify";
import { Page } from "../../ui/page";
import { QueryError } from "../../ui/query-error";
import { CalendarCard } from "./calendar-card";
import { CalendarFormModal } from "./calendar-form-modal";
import { calendarsQuery, holidayCountriesQuery } from "./calendar-queries";
import { DeleteCalendarModal } from "./delete-calendar-modal";
import { TeamCalendars } from "./team-calendars";

/**
 * Admin → Business hours: the calendars SLA clocks count in (hours by weekday, public holidays, own
 * closed days, the customers each serves), the default, and which team follows which calendar.
 */
export function BusinessHoursPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const calendars = useQuery(calendarsQuery);
  const teams = useQuery(teamsQuery);
  const countries = useQuery(holidayCountriesQuery(i18n.language));
  // `undefined`: closed; `null`: creating; a calendar: editing it.
  const [editing, setEditing] = useState<BusinessCalendar | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<BusinessCalendar | null>(null);
  const teamNames = useMemo(() => new Map((teams.data ?? []).map((team) => [team.id, team.name])), [teams.data]);

  async function makeDefault(calendar: BusinessCalendar) {
    try {
      await updateCalendar(calendar.id, { isDefault: true });
      await queryClient.invalidateQueries({ queryKey: queryKeys.calendars.all });
      notifySuccess(t("calendars.madeDefault", { name: calendar.name }));
    } catch (error) {
      notifyError(error);
    }
  }

  const list = calendars.data ?? [];
  return (
    <Page
      title={t("calendars.title")}
      actions={
        <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setEditing(null)}>
          {t("calendars.add")}
        </Button>
      }
    >
      <Text size="sm" c="dimmed" maw={760}>
        {t("calendars.intro")}
      </Text>
      {calendars.error && <QueryError error={calendars.error} onRetry={() => void calendars.refetch()} />}
      {calendars.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
      {calendars.data && list.length === 0 && (
        <Paper withBorder p="xl" radius="md">
          <EmptyState icon={<IconClockHour9 size={28} />} withIndicatorBackground description={t("calendars.empty")} />
        </Paper>
      )}
      {list.length > 0 && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {list.map((calendar) => (
            <CalendarCard
              key={calendar.id}
              calendar={calendar}
              teamNames={teamNames}
              countries={countries.data}
              hasOthers={list.length > 1}
              onEdit={() => setEditing(calendar)}
              onMakeDefault={() => void makeDefault(calendar)}
              onDelete={() => setDeleting(calendar)}
            />
          ))}
        </SimpleGrid>
      )}

      {list.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="team-calendars-title" mt="sm">
          <Title order={2} size="h5" id="team-calendars-title">
            {t("calendars.teamsTitle")}
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t("calendars.teamsBody")}
          </Text>
          {teams.error && <QueryError error={teams.error} onRetry={() => void teams.refetch()} />}
          {teams.data && <TeamCalendars teams={teams.data} calendars={list} />}
        </Stack>
      )}

      {editing !== undefined && (
        <CalendarFormModal key={editing?.id ?? "new"} calendar={editing} onClose={() => setEditing(undefined)} />
      )}
      {deleting && <DeleteCalendarModal calendar={deleting} onClose={() => setDeleting(null)} />}
    </Page>
  );
}
