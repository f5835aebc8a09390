import { Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";

import { useTranslation } from "react-i18next";
import { listPortalTickets, portalKeys } from "../../api/portal";
import { QueryError } from "../../ui/query-error";
import { RelativeTime } from "../../ui/relative-time";
import { RouterAnchor } from "../../ui/router-links";
import { PortalStatusBadge } from "./portal-status-badge";

/** The signed-in customer's requests, latest activity first. */
export function MyRequests({ slug, onNew }: { slug: string; onNew: () => void }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery({
    queryKey: portalKeys.tickets(slug),
    queryFn: ({ pageParam }) => listPortalTickets(slug, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const tickets = query.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t("portal.requests.title")}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={onNew}>
          {t("portal.requests.new")}
        </Button>
      </Group>
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={t("portal.requests.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t("portal.requests.number")}</Table.Th>
                <Table.Th>{t("portal.requests.subject")}</Table.Th>
                <Table.Th w={180}>{t("portal.requests.status")}</Table.Th>
                <Table.Th w={150}>{t("portal.requests.updated")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tickets.map((ticket) => (
                <Table.Tr key={ticket.id}>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      #{ticket.number}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RouterAnchor
                      to="/portal/$slug/tickets/$ticketId"
                      params={{ slug, ticketId: ticket.id }}
                      size="sm"
                      fw={500}
                      dir="auto"
                    >
                      {ticket.subject}
                    </RouterAnchor>
                  </Table.Td>
                  <Table.Td>
                    <PortalStatusBadge status={ticket.status} />
                  </Table.Td>
                  <Table.Td>
                    <RelativeTime iso={ticket.lastMessageAt} size="sm" c="dimmed" />
                  </Table.Td>
                </Table.Tr>
              ))}
              {!query.isPending && tickets.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed" ta="center" py="md">
                      {t("portal.requests.empty")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t("common.loadMore")}
        </Button>
      )}
    </Stack>
  );
}
