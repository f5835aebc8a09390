import { Box, Button, Flex, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys";
import { listTickets } from "../../api/tickets";
import { Page } from "../../ui/page";
import { QueryError } from "../../ui/query-error";
import { useFormatters } from "../../ui/use-formatters";
import { useMe } from "../auth/use-me";
import { WorkspaceShortcuts } from "../shortcuts/shortcuts-help";
import { BulkActions } from "./bulk-actions";
import { InboxFilters } from "./inbox-filters";
import { InboxViews } from "./inbox-views";
import { NewTicketModal } from "./new-ticket-modal";
import { TicketTable } from "./ticket-table";
import { useTicketNames, useViewCounts } from "./use-inbox-data";
import { buildTicketQuery, DEFAULT_VIEW, type InboxSearch, moveCursor, visibleIds } from "./views";

const route = getRouteApi("/signed-in/inbox");

/** The agent workspace: views with counts, filters in the address bar, the ticket list, bulk changes. */
export function InboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/inbox" });
  const view = search.view ?? DEFAULT_VIEW;
  const query = useMemo(() => buildTicketQuery(view, search, me.id), [view, search, me.id]);
  const [cursor, setCursor] = useState(-1);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const wide = useMediaQuery("(min-width: 48em)", true);

  const list = useInfiniteQuery({
    queryKey: queryKeys.tickets.list(query ?? {}),
    queryFn: ({ pageParam, signal }) => listTickets(query ?? {}, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: query !== null,
    // New tickets and colleagues' changes show up without a reload.
    refetchInterval: 15_000,
  });
  const tickets = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  const counts = useViewCounts(me.id);
  const names = useTicketNames(tickets);

  // A new view or filter is a new list: the cursor and the selection start over.
  const listKey = JSON.stringify(query);
  const [shownKey, setShownKey] = useState(listKey);
  if (shownKey !== listKey) {
    setShownKey(listKey);
    setCursor(-1);
    setSelected(new Set());
  }
  // After a refetch, tickets that left the view leave the selection too.
  useEffect(() => {
    setSelected((current) => (current.size === 0 ? current : visibleIds(tickets, current)));
  }, [tickets]);

  function changeSearch(patch: Partial<InboxSearch>) {
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  }

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function open(index: number) {
    const ticket = tickets[index];
    if (ticket) void navigate({ to: "/tickets/$ticketId", params: { ticketId: ticket.id } });
  }

  const chosen = tickets.filter((ticket) => selected.has(ticket.id));

  return (
    <Page
      title={t("inbox.title")}
      actions={
        <>
          <WorkspaceShortcuts
            page="inbox"
            bindings={{
              j: () => setCursor((c) => moveCursor(c, 1, tickets.length)),
              k: () => setCursor((c) => moveCursor(c, -1, tickets.length)),
              Enter: () => open(cursor),
              x: () => tickets[cursor] && toggle(tickets[cursor].id),
            }}
          />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t("inbox.newTicket")}
          </Button>
        </>
      }
    >
      <Flex gap="md" direction={{ base: "column", md: "row" }} align="flex-start">
        <Box w={{ base: "100%", md: 224 }} style={{ flexShrink: 0 }}>
          <InboxViews current={view} counts={counts} search={search} />
        </Box>
        <Stack gap="sm" style={{ flex: 1, minWidth: 0 }} w="100%">
          <InboxFilters search={search} onChange={changeSearch} users={names.users} teams={names.teams} />
          {chosen.length > 0 && (
            <BulkActions
              tickets={chosen}
              users={names.users}
              onDone={() => setSelected(new Set())}
              onClear={() => setSelected(new Set())}
            />
          )}
          {list.error && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
          {query === null && (
            <Text c="dimmed" size="sm">
              {t("inbox.impossible")}
            </Text>
          )}
          {query !== null && list.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
          {list.isSuccess && tickets.length === 0 && (
            <Text c="dimmed" size="sm">
              {t("inbox.empty")}
            </Text>
          )}
          {query !== null && tickets.length > 0 && (
            <>
              <Paper withBorder radius="md">
                <TicketTable
                  tickets={tickets}
                  cursor={cursor}
                  onCursor={setCursor}
                  selected={selected}
                  onToggle={toggle}
                  onToggleAll={(all) => setSelected(all ? new Set(tickets.map((ticket) => ticket.id)) : new Set())}
                  requesterNames={names.requesterNames}
                  usersById={names.usersById}
                  teamsById={names.teamsById}
                  compact={!wide}
                />
              </Paper>
              <Group justify="space-between">
                <Group gap="xs">
                  <Text size="xs" c="dimmed">
                    {t("common.shownCount", { shown: format.number(tickets.length) })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    · {t("inbox.live")}
                  </Text>
                  {list.isFetching && !list.isFetchingNextPage && <Loader size={10} aria-hidden />}
                </Group>
                {list.hasNextPage && (
                  <Button
                    variant="default"
                    size="xs"
                    loading={list.isFetchingNextPage}
                    onClick={() => void list.fetchNextPage()}
                  >
                    {t("common.loadMore")}
                  </Button>
                )}
              </Group>
            </>
          )}
        </Stack>
      </Flex>
      {creating && <NewTicketModal opened onClose={() => setCreating(false)} />}
    </Page>
  );
}
