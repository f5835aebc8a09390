import { TICKET_STATUSES, type TicketStatus } from "@frontline/common";
import { Button, Drawer, Group, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { metricsTickets } from "../../api/metrics";
import { everyoneQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { TicketStatusBadge } from "../../ui/badges";
import { QueryError } from "../../ui/query-error";
import { RouterAnchor } from "../../ui/router-links";
import { useFormatters } from "../../ui/use-formatters";
import type { DrillRequest } from "./drill-request";
import { ExportMenu } from "./export-menu";

const isStatus = (s: string): s is TicketStatus => (TICKET_STATUSES as readonly string[]).includes(s);

/** The tickets behind a number, latest first, a page at a time; each opens the ticket. */
export function DrillDrawer({ request, onClose }: { request: DrillRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={request !== null}
      onClose={onClose}
      // Mantine places it on the reading end, so this is the left edge in Arabic.
      position="right"
      size="xl"
      title={request?.title}
      data-testid="drill"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {request && <DrillList request={request} />}
    </Drawer>
  );
}

function DrillList({ request }: { request: DrillRequest }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const users = useQuery(everyoneQuery);
  const names = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.name])), [users.data]);
  const query = { ...request.query, set: request.set };
  const tickets = useInfiniteQuery({
    queryKey: queryKeys.metrics.of("tickets", query),
    queryFn: ({ pageParam, signal }) => metricsTickets(request.query, request.set, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  if (tickets.error) return <QueryError error={tickets.error} onRetry={() => void tickets.refetch()} />;
  if (!tickets.data) return <Skeleton h={240} />;
  const rows = tickets.data.pages.flatMap((p) => p.data);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t("common.shownCount", { shown: f.number(rows.length) })}
        </Text>
        <ExportMenu dataset="tickets" query={query} what={request.title} />
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="drill-empty">
          {t("dashboard.drill.empty")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="drill-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("dashboard.drill.ticket")}</Table.Th>
                <Table.Th>{t("dashboard.drill.status")}</Table.Th>
                <Table.Th>{t("dashboard.drill.assignee")}</Table.Th>
                <Table.Th>{t("dashboard.drill.at")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((ticket) => (
                <Table.Tr key={ticket.id} data-testid="drill-row">
                  <Table.Td>
                    <RouterAnchor
                      to="/tickets/$ticketId"
                      params={{ ticketId: ticket.id }}
                      size="sm"
                      fw={500}
                      style={{ overflowWrap: "anywhere" }}
                    >
                      <bdi>#{ticket.number}</bdi> <bdi>{ticket.subject}</bdi>
                    </RouterAnchor>
                  </Table.Td>
                  <Table.Td>{isStatus(ticket.status) && <TicketStatusBadge status={ticket.status} />}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={ticket.assigneeId ? undefined : "dimmed"}>
                      {ticket.assigneeId ? (names.get(ticket.assigneeId) ?? "—") : t("tickets.unassigned")}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Text size="sm">{f.dateTime(ticket.at)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {tickets.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void tickets.fetchNextPage()}
          loading={tickets.isFetchingNextPage}
          style={{ alignSelf: "center" }}
        >
          {t("common.loadMore")}
        </Button>
      )}
    </Stack>
  );
}
