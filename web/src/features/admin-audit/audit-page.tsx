import type { AuditEvent } from "@frontline/common";
import { Autocomplete, Button, Code, Group, Loader, Paper, Stack, Table, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconFilter } from "@tabler/icons-react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditFilters } from "../../api/audit";
import { listAuditEvents } from "../../api/audit";
import { everyoneQuery, teamsQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { Page } from "../../ui/page";
import { QueryError } from "../../ui/query-error";
import { useFormatters } from "../../ui/use-formatters";
import { AuditChanges } from "./audit-changes";

function actorLabel(event: AuditEvent, t: TFunction): string {
  const type = t(`audit.actorTypes.${event.actorType}`);
  if (event.actorName) return event.actorType === "user" ? event.actorName : `${event.actorName} (${type})`;
  return type;
}

/** Admin → Audit log: who changed what, newest first, with times in the reader's zone. */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [actionInput, setActionInput] = useState("");
  const [action] = useDebouncedValue(actionInput.trim(), 300);
  const filters: AuditFilters = { action };

  const events = useInfiniteQuery({
    queryKey: queryKeys.audit.list(filters),
    queryFn: ({ pageParam, signal }) => listAuditEvents(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = events.data?.pages.flatMap((page) => page.data) ?? [];
  const teams = useQuery(teamsQuery);
  const everyone = useQuery(everyoneQuery);
  const names = useMemo(
    () => new Map([...(teams.data ?? []), ...(everyone.data ?? [])].map((item) => [item.id, item.name])),
    [teams.data, everyone.data],
  );
  // Suggest the actions already seen rather than guessing a list the server may not use.
  const seenActions = [...new Set(rows.map((e) => e.action))].sort();

  return (
    <Page title={t("audit.title")}>
      <Group gap="xs" justify="space-between">
        <Group gap="xs">
          <Autocomplete
            aria-label={t("audit.actionFilter")}
            placeholder={t("audit.actionPlaceholder")}
            leftSection={<IconFilter size={16} aria-hidden />}
            data={seenActions}
            value={actionInput}
            onChange={setActionInput}
            clearable
            w={280}
            dir="ltr"
          />
          {events.isFetching && !events.isFetchingNextPage && <Loader size="xs" aria-label={t("common.loading")} />}
        </Group>
        <Text size="xs" c="dimmed">
          {t("common.timesIn", { timeZone: format.timeZone })}
        </Text>
      </Group>

      {events.error && <QueryError error={events.error} onRetry={() => void events.refetch()} />}
      {events.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
      {events.isSuccess && rows.length === 0 && (
        <Text c="dimmed" size="sm">
          {t("audit.empty")}
        </Text>
      )}
      {rows.length > 0 && (
        <Stack gap="xs">
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={900}>
              <Table striped verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("audit.time")}</Table.Th>
                    <Table.Th>{t("audit.actor")}</Table.Th>
                    <Table.Th>{t("audit.action")}</Table.Th>
                    <Table.Th>{t("audit.entity")}</Table.Th>
                    <Table.Th>{t("audit.changes")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((event) => (
                    <Table.Tr key={event.id} style={{ verticalAlign: "top" }}>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        <time dateTime={event.createdAt}>{format.dateTime(event.createdAt)}</time>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{actorLabel(event, t)}</Text>
                        {event.ip && (
                          <Text size="xs" c="dimmed" dir="ltr">
                            {event.ip}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Code fz="xs">{event.action}</Code>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{event.entityType}</Text>
                        {event.entityId && (
                          <Text size="xs" c="dimmed" title={event.entityId}>
                            {names.get(event.entityId) ?? event.entityId.slice(0, 8)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <AuditChanges changes={event.changes} names={names} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t("common.shownCount", { shown: format.number(rows.length) })}
            </Text>
            {events.hasNextPage && (
              <Button
                variant="default"
                size="xs"
                loading={events.isFetchingNextPage}
                onClick={() => void events.fetchNextPage()}
              >
                {t("common.loadMore")}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Page>
  );
}
