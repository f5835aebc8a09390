import type { ReportSchedule } from "@frontline/common";
import {
  ActionIcon,
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  Paper,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import { IconPencil, IconPlus, IconReportAnalytics, IconSend, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys";
import { deleteReportSchedule, sendReportNow } from "../../api/reports";
import { ConfirmModal } from "../../ui/confirm-modal";
import { notifyError, notifySuccess } from "../../ui/notify";
import { Page } from "../../ui/page";
import { QueryError } from "../../ui/query-error";
import { useFormatters } from "../../ui/use-formatters";
import { ScheduleFormModal } from "./schedule-form-modal";
import { reportSchedulesQuery } from "./schedule-queries";
import { cadenceSummary } from "./schedule-words";

/**
 * Scheduled reports (managers and admins): each with what it shows, when it goes out, its next run,
 * last sending and last error; adding, editing, sending now and deleting.
 */
export function ReportSchedulesPage() {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const schedules = useQuery(reportSchedulesQuery);
  // `undefined`: closed; `null`: adding; a schedule: editing it.
  const [editing, setEditing] = useState<ReportSchedule | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<ReportSchedule | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.reportSchedules });
  const sendNow = useMutation({
    mutationFn: (s: ReportSchedule) => sendReportNow(s.id),
    onSuccess: (s) => {
      notifySuccess(t("reports.sentNow", { name: s.name }));
      // The report is built and mailed by a job: look again in a moment for its outcome.
      setTimeout(() => void refresh(), 5000);
    },
    onError: notifyError,
  });

  async function remove(s: ReportSchedule) {
    await deleteReportSchedule(s.id);
    await refresh();
    notifySuccess(t("reports.deleted", { name: s.name }));
  }

  const list = schedules.data ?? [];
  const when = (iso: string | null) => (iso ? format.dateTime(iso) : t("common.never"));
  return (
    <Page
      title={t("reports.title")}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
          {t("reports.add")}
        </Button>
      }
    >
      <Text size="sm" c="dimmed" maw={760}>
        {t("reports.intro")}
      </Text>
      {schedules.error && <QueryError error={schedules.error} onRetry={() => void schedules.refetch()} />}
      {schedules.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
      {schedules.data && list.length === 0 && (
        <Paper withBorder p="xl" radius="md">
          <EmptyState
            icon={<IconReportAnalytics size={28} />}
            withIndicatorBackground
            description={t("reports.empty")}
          />
        </Paper>
      )}
      {list.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" aria-label={t("reports.title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("reports.columns.name")}</Table.Th>
                  <Table.Th>{t("reports.columns.schedule")}</Table.Th>
                  <Table.Th>{t("reports.columns.nextRun")}</Table.Th>
                  <Table.Th>{t("reports.columns.lastSent")}</Table.Th>
                  <Table.Th>{t("reports.columns.lastError")}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Text fw={500} size="sm">
                        {s.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`reports.dashboard.${s.dashboard}`)} · {t(`reports.period.${s.period}`)} ·{" "}
                        {t("reports.recipientCount", { count: s.recipientUserIds.length + s.recipientEmails.length })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{cadenceSummary(s, t, i18n.language)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {s.active ? (
                        <Text size="sm">{when(s.nextRunAt)}</Text>
                      ) : (
                        <Badge color="gray" variant="light">
                          {t("reports.paused")}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{when(s.lastSentAt)}</Text>
                    </Table.Td>
                    <Table.Td maw={260}>
                      {s.lastError && (
                        <Text size="xs" c="red.7" lineClamp={3} title={s.lastError}>
                          {s.lastError}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t("reports.sendNow")}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`${t("reports.sendNow")}: ${s.name}`}
                            loading={sendNow.isPending && sendNow.variables?.id === s.id}
                            onClick={() => sendNow.mutate(s)}
                          >
                            <IconSend size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t("reports.edit")}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`${t("reports.edit")}: ${s.name}`}
                            onClick={() => setEditing(s)}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t("reports.delete")}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`${t("reports.delete")}: ${s.name}`}
                            onClick={() => setDeleting(s)}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      {editing !== undefined && (
        <ScheduleFormModal key={editing?.id ?? "new"} schedule={editing} onClose={() => setEditing(undefined)} />
      )}
      {deleting && (
        <ConfirmModal
          title={t("reports.deleteTitle")}
          body={t("reports.deleteBody", { name: deleting.name })}
          confirmLabel={t("reports.delete")}
          onConfirm={() => remove(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </Page>
  );
}
