import { TICKET_PRIORITIES, TICKET_STATUSES, type Ticket, type User } from "@frontline/common";
import { Alert, Button, CloseButton, Group, List, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys";
import { type BulkChanges, bulkUpdateTickets } from "../../api/tickets";
import { describeError } from "../../ui/describe-error";
import { notifySuccess } from "../../ui/notify";
import { bulkProblems } from "./bulk";
import { normaliseTag } from "./views";

interface BulkActionsProps {
  /** The selected tickets, in the order they are shown. */
  tickets: Ticket[];
  users: User[];
  onDone: () => void;
  onClear: () => void;
}

/** Changes every selected ticket at once; the server applies all of it or none, and says which ticket refused. */
export function BulkActions({ tickets, users, onDone, onClear }: BulkActionsProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [tag, setTag] = useState("");
  const [tagError, setTagError] = useState(false);
  const bulk = useMutation({
    mutationFn: (changes: BulkChanges) =>
      bulkUpdateTickets(
        tickets.map((ticket) => ticket.id),
        changes,
      ),
    onSuccess: (updated) => {
      notifySuccess(t("inbox.bulk.done", { count: updated.length }));
      setTag("");
      onDone();
      // Not awaited: lists and counts catch up in the background; the person need not wait for them.
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
    },
  });

  function apply(changes: BulkChanges) {
    if (!bulk.isPending) bulk.mutate(changes);
  }

  function addTag() {
    const parsed = normaliseTag(tag);
    setTagError(!parsed);
    if (parsed) apply({ addTags: [parsed] });
  }

  const people = [
    { value: "none", label: t("tickets.unassigned") },
    ...users.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
  ];
  const problems = bulk.error ? bulkProblems(bulk.error, tickets) : [];
  const failure = bulk.error ? describeError(bulk.error, t) : null;

  return (
    <Paper withBorder radius="md" p="xs" bg="var(--mantine-primary-color-light)">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600} role="status">
            {t("inbox.bulk.selected", { count: tickets.length })}
          </Text>
          <Select
            aria-label={t("inbox.bulk.assign")}
            placeholder={t("inbox.bulk.assign")}
            data={people}
            value={null}
            onChange={(v) => v && apply({ assigneeId: v === "none" ? null : v })}
            searchable
            disabled={bulk.isPending}
            w={180}
          />
          <Select
            aria-label={t("inbox.bulk.setStatus")}
            placeholder={t("inbox.bulk.setStatus")}
            // Nothing goes back to "new"; the server refuses other moves a ticket may not make.
            data={TICKET_STATUSES.filter((s) => s !== "new").map((s) => ({
              value: s,
              label: t(`tickets.status.${s}`),
            }))}
            value={null}
            onChange={(v) => v && apply({ status: v as Ticket["status"] })}
            disabled={bulk.isPending}
            w={160}
          />
          <Select
            aria-label={t("inbox.bulk.setPriority")}
            placeholder={t("inbox.bulk.setPriority")}
            data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))}
            value={null}
            onChange={(v) => v && apply({ priority: v as Ticket["priority"] })}
            disabled={bulk.isPending}
            w={160}
          />
          <Group gap={4} wrap="nowrap">
            <TextInput
              aria-label={t("inbox.bulk.tagLabel")}
              placeholder={t("inbox.bulk.tagLabel")}
              value={tag}
              onChange={(e) => {
                setTag(e.currentTarget.value);
                setTagError(false);
              }}
              onKeyDown={(e) => e.key === "Enter" && addTag()}
              error={tagError}
              disabled={bulk.isPending}
              w={140}
            />
            <Button variant="default" onClick={addTag} disabled={!tag.trim()} loading={bulk.isPending}>
              {t("inbox.bulk.addTag")}
            </Button>
          </Group>
          <CloseButton aria-label={t("inbox.bulk.clear")} onClick={onClear} ms="auto" />
        </Group>
        {tagError && (
          <Text size="xs" c="red">
            {t("inbox.filters.tagInvalid")}
          </Text>
        )}
        {failure && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" p="xs">
            <Text size="sm" fw={500}>
              {t("inbox.bulk.failed")}
            </Text>
            {problems.length > 0 ? (
              <List size="sm">
                {problems.map((p) => (
                  <List.Item key={p.number}>{t("inbox.bulk.ticketProblem", p)}</List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm">{failure.detail ?? failure.message}</Text>
            )}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
