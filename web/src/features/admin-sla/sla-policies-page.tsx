import type { SlaPolicy } from "@frontline/common";
import { Button, EmptyState, Loader, Paper, Stack, Text } from "@mantine/core";
import { IconClockExclamation, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { companiesQuery, teamsQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { deleteSlaPolicy, reorderSlaPolicies } from "../../api/sla";
import { ConfirmModal } from "../../ui/confirm-modal";
import { notifyError, notifySuccess } from "../../ui/notify";
import { Page } from "../../ui/page";
import { QueryError } from "../../ui/query-error";
import { calendarsQuery } from "../admin-calendars/calendar-queries";
import { SlaPolicyCard } from "./sla-policy-card";
import { SlaPolicyFormModal } from "./sla-policy-form-modal";
import { slaPoliciesQuery } from "./sla-queries";

/** The ids in order with the one at `index` moved one place by `step`. */
function movedOrder(policies: readonly SlaPolicy[], index: number, step: -1 | 1): string[] {
  const ids = policies.map((p) => p.id);
  const other = index + step;
  [ids[index], ids[other]] = [ids[other]!, ids[index]!];
  return ids;
}

/**
 * Admin → SLA policies: the promises made on tickets, in the order they are tried (the first that
 * covers a ticket applies), each summarised in words, with adding, editing, moving and deleting.
 */
export function SlaPoliciesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const policies = useQuery(slaPoliciesQuery);
  const calendars = useQuery(calendarsQuery);
  const teams = useQuery(teamsQuery);
  const companies = useQuery(companiesQuery);
  // `undefined`: closed; `null`: adding; a policy: editing it.
  const [editing, setEditing] = useState<SlaPolicy | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<SlaPolicy | null>(null);
  const names = useMemo(
    () => ({
      teams: new Map((teams.data ?? []).map((team) => [team.id, team.name])),
      companies: new Map((companies.data ?? []).map((c) => [c.id, c.name])),
    }),
    [teams.data, companies.data],
  );
  const calendarNames = useMemo(() => new Map((calendars.data ?? []).map((c) => [c.id, c.name])), [calendars.data]);
  const reorder = useMutation({
    mutationFn: reorderSlaPolicies,
    onSuccess: (ordered) => queryClient.setQueryData(queryKeys.sla.policies, ordered),
    onError: (error) => {
      notifyError(error);
      // Someone else may have added or removed a policy: show the order as it now is.
      void queryClient.invalidateQueries({ queryKey: queryKeys.sla.policies });
    },
  });

  async function remove(policy: SlaPolicy) {
    await deleteSlaPolicy(policy.id);
    await queryClient.invalidateQueries({ queryKey: queryKeys.sla.policies });
    // Its clocks went with it: due times in lists and on tickets change.
    void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
    notifySuccess(t("sla.deleted", { name: policy.name }));
  }

  const list = policies.data ?? [];
  return (
    <Page
      title={t("sla.title")}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
          {t("sla.add")}
        </Button>
      }
    >
      <Text size="sm" c="dimmed" maw={760}>
        {t("sla.intro")}
      </Text>
      {policies.error && <QueryError error={policies.error} onRetry={() => void policies.refetch()} />}
      {policies.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
      {policies.data && list.length === 0 && (
        <Paper withBorder p="xl" radius="md">
          <EmptyState icon={<IconClockExclamation size={28} />} withIndicatorBackground description={t("sla.empty")} />
        </Paper>
      )}
      {list.length > 0 && (
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("sla.title")}>
          {list.map((policy, index) => (
            <li key={policy.id}>
              <SlaPolicyCard
                policy={policy}
                index={index}
                count={list.length}
                names={names}
                calendarName={policy.calendarId ? (calendarNames.get(policy.calendarId) ?? "…") : undefined}
                moving={reorder.isPending}
                onMove={(step) => reorder.mutate(movedOrder(list, index, step))}
                onEdit={() => setEditing(policy)}
                onDelete={() => setDeleting(policy)}
              />
            </li>
          ))}
        </Stack>
      )}

      {editing !== undefined && (
        <SlaPolicyFormModal key={editing?.id ?? "new"} policy={editing} onClose={() => setEditing(undefined)} />
      )}
      {deleting && (
        <ConfirmModal
          title={t("sla.deleteTitle")}
          body={t("sla.deleteBody", { name: deleting.name })}
          confirmLabel={t("sla.delete")}
          onConfirm={() => remove(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </Page>
  );
}
