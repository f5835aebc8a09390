import type { BusinessCalendar } from "@frontline/common";
import { Button, Group, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { deleteCalendar } from "../../api/calendars";
import { queryKeys } from "../../api/query-keys";
import { AppModal } from "../../ui/app-modal";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";

/** Asks before deleting: the calendar's hours and closed days go, and SLA clocks stop counting in it. */
export function DeleteCalendarModal({ calendar, onClose }: { calendar: BusinessCalendar; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function remove() {
    setPending(true);
    try {
      await deleteCalendar(calendar.id);
      await queryClient.invalidateQueries({ queryKey: queryKeys.calendars.all });
      notifySuccess(t("calendars.deleted", { name: calendar.name }));
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <AppModal opened onClose={onClose} title={t("calendars.deleteTitle")}>
      <Stack gap="sm">
        <FormAlert error={error} />
        <Text size="sm">{t("calendars.deleteBody", { name: calendar.name })}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button color="red" loading={pending} onClick={() => void remove()} data-autofocus>
            {t("calendars.delete")}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
