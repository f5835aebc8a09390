import type { Escalation, EscalationStatus, Me } from "@frontline/common";
import { Badge, Button, EmptyState, Group, Loader, Paper, Stack, Table, Text } from "@mantine/core";
import { IconArrowBigUpLines } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { listEscalations } from "../../api/escalations";
import { queryKeys } from "../../api/query-keys";
import { QueryError } from "../../ui/query-error";
import { RelativeTime } from "../../ui/relative-time";
import { RouterAnchor } from "../../ui/router-links";
import { EscalationActions } from "./escalation-actions";
import { raisedByName, useReasonLabel } from "./escalation-labels";
import { EscalationLevelBadge } from "./level-badge";

const TYPE_COLORS = { agent: "blue", customer_request: "orange", automatic: "gray", bad_rating: "red" } as const;

function Row({ escalation: e, me, status }: { escalation: Escalation; me: Me; status: EscalationStatus }) {
  const { t } = useTranslation();
  const labelOf = useReasonLabel();
  return (
    <Table.Tr data-testid="escalation-row" data-escalation-id={e.id}>
      <Table.Td>
        <Stack gap={0}>
          <RouterAnchor to="/tickets/$ticketId" params={{ ticketId: e.ticketId }} size="sm" fw={500} truncate>
            <Text span c="dimmed" inherit>
              #{e.ticketNumber}
            </Text>{" "}
            <bdi>{e.ticketSubject}</bdi>
          </RouterAnchor>
          {e.note && (
            <Text size="xs" c="dimmed" lineClamp={1} dir="auto">
              {e.note}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Text size="sm">{labelOf(e.reasonLabels, e.reason)}</Text>
          <Group gap={4} wrap="wrap">
            <EscalationLevelBadge level={e.level} compact />
            <Badge size="sm" variant="light" color={TYPE_COLORS[e.type]} miw="max-content">
              {t(`escalations.type.${e.type}`)}
            </Badge>
            {e.via && (
              <Text size="xs" c="dimmed">
                {t(`escalations.via.${e.via}`)}
              </Text>
            )}
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate>
          {raisedByName(e, t("escalations.system"), (name) => t("escalations.byRule", { name }))}
        </Text>
        <RelativeTime iso={e.createdAt} size="xs" c="dimmed" short />
      </Table.Td>
      {status === "resolved" ? (
        <>
          <Table.Td>
            <Text size="sm">{e.outcome ? t(`escalations.outcome.${e.outcome}`) : "—"}</Text>
            <Text size="xs" c="dimmed" truncate>
              {e.resolvedBy?.name}
            </Text>
          </Table.Td>
          <Table.Td>{e.resolvedAt && <RelativeTime iso={e.resolvedAt} size="xs" c="dimmed" short />}</Table.Td>
        </>
      ) : (
        <>
          <Table.Td>
            <Text size="sm" c={e.takenBy ? undefined : "dimmed"}>
              {e.takenBy?.name ??
                (e.toUser ? t("escalations.banner.toUser", { name: e.toUser.name }) : t("escalations.banner.waiting"))}
            </Text>
          </Table.Td>
          <Table.Td>
            <EscalationActions escalation={e} me={me} />
          </Table.Td>
        </>
      )}
    </Table.Tr>
  );
}

/** One tab of the queue: open and taken ones oldest first (the longest wait on top), resolved newest first. */
export function EscalationQueue({ status, me, onlyMine }: { status: EscalationStatus; me: Me; onlyMine: boolean }) {
  const { t } = useTranslation();
  const query = {
    status,
    sort: status === "resolved" ? "newest" : "oldest",
    ...(onlyMine ? { assignedTo: "me" } : {}),
  };
  const list = useInfiniteQuery({
    queryKey: queryKeys.escalations.list(query),
    queryFn: ({ pageParam, signal }) => listEscalations({ ...query, limit: 50, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 15_000,
  });
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Loader size="sm" aria-label={t("common.loading")} />;
  const rows = list.data.pages.flatMap((p) => p.data);
  if (rows.length === 0) {
    return (
      <Paper withBorder p="xl" radius="md">
        <EmptyState
          icon={<IconArrowBigUpLines size={28} />}
          withIndicatorBackground
          description={t(`escalations.empty.${status}`)}
        />
      </Paper>
    );
  }
  return (
    <Stack gap="xs">
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={960}>
          <Table highlightOnHover verticalSpacing="xs" data-testid={`escalation-queue-${status}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("escalations.columns.ticket")}</Table.Th>
                <Table.Th w={260}>{t("escalations.columns.reason")}</Table.Th>
                <Table.Th w={150}>{t("escalations.columns.raisedBy")}</Table.Th>
                {status === "resolved" ? (
                  <>
                    <Table.Th w={190}>{t("escalations.columns.outcome")}</Table.Th>
                    <Table.Th w={110}>{t("escalations.columns.resolvedAt")}</Table.Th>
                  </>
                ) : (
                  <>
                    <Table.Th w={160}>{t("escalations.columns.takenBy")}</Table.Th>
                    <Table.Th w={220}>{t("common.actions")}</Table.Th>
                  </>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Row key={e.id} escalation={e} me={me} status={status} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {list.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          style={{ alignSelf: "center" }}
        >
          {t("common.loadMore")}
        </Button>
      )}
    </Stack>
  );
}
