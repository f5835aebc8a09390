import type { BusinessCalendar } from "@frontline/common";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { deleteCalendar } from "../../api/calendars";
import { queryKeys } from "../../api/query-keys";
import { ConfirmModal } from "../../ui/confirm-modal";
import { notifySuccess } from "../../ui/notify";

/** Asks before deleting: the calendar's hours and closed days go, and SLA clocks stop counting in it. */
export function DeleteCalendarModal({ calendar, onClose }: { calendar: BusinessCalendar; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <ConfirmModal
      title={t("calendars.deleteTitle")}
      body={t("calendars.deleteBody", { name: calendar.name })}
      confirmLabel={t("calendars.delete")}
      onConfirm={async () => {
        await deleteCalendar(calendar.id);
        await queryClient.invalidateQueries({ queryKey: queryKeys.calendars.all });
        notifySuccess(t("calendars.deleted", { name: calendar.name }));
      }}
      onClose={onClose}
    />
  );
}
