import type { Notification } from "@frontline/common";
import { ActionIcon, Box, Button, Group, Indicator, Loader, Popover, Text } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { markNotificationsRead } from "../../api/notifications";
import { recentNotificationsQuery, unreadNotificationsQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { notifyError } from "../../ui/notify";
import { QueryError } from "../../ui/query-error";
import { useFormatters } from "../../ui/use-formatters";
import { NotificationItem } from "./notification-item";

/** The header's bell: how many notifications are unread, and the recent ones to open. */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const count = useQuery(unreadNotificationsQuery);
  const recent = useQuery({ ...recentNotificationsQuery, enabled: opened });
  const unread = count.data ?? 0;

  // A new count means new notifications: the list read before is out of date.
  const seen = useRef(unread);
  useEffect(() => {
    if (seen.current === unread) return;
    seen.current = unread;
    void queryClient.invalidateQueries({ queryKey: queryKeys.notifications.recent, exact: true });
  }, [unread, queryClient]);

  const mark = useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: (left) => {
      queryClient.setQueryData(queryKeys.notifications.count, left);
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications.recent, exact: true });
    },
    onError: notifyError,
  });

  function open(notification: Notification) {
    setOpened(false);
    if (!notification.readAt) mark.mutate({ ids: [notification.id] });
    void navigate({ to: "/tickets/$ticketId", params: { ticketId: notification.ticket.id } });
  }

  const badge = unread > 99 ? `${format.number(99)}+` : format.number(unread);
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width="min(380px, calc(100vw - 16px))"
      shadow="md"
      withinPortal
    >
      <Popover.Target>
        <Indicator
          label={badge}
          size={16}
          offset={6}
          color="red"
          disabled={unread === 0}
          data-testid="notification-count"
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell")}
            aria-expanded={opened}
            aria-haspopup="dialog"
            data-testid="notification-bell"
            data-unread={unread}
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notification-list" role="dialog" aria-label={t("notifications.title")}>
        <Group
          justify="space-between"
          px="sm"
          py={8}
          style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
        >
          <Text fw={600} size="sm">
            {t("notifications.title")}
          </Text>
          <Button
            variant="subtle"
            size="compact-xs"
            disabled={unread === 0}
            loading={mark.isPending}
            onClick={() => mark.mutate({ all: true })}
          >
            {t("notifications.markAllRead")}
          </Button>
        </Group>
        {recent.error && (
          <Box p="sm">
            <QueryError error={recent.error} onRetry={() => void recent.refetch()} />
          </Box>
        )}
        {recent.isPending && !recent.error && (
          <Group justify="center" p="md">
            <Loader size="sm" aria-label={t("common.loading")} />
          </Group>
        )}
        {recent.data?.length === 0 && (
          <Text size="sm" c="dimmed" p="md" ta="center">
            {t("notifications.empty")}
          </Text>
        )}
        {recent.data && recent.data.length > 0 && (
          // A plain scrolling box: an autosized ScrollArea grows to its widest line, so long headlines
          // would scroll sideways instead of being cut with an ellipsis.
          <Box mah={420} style={{ overflowY: "auto", overscrollBehavior: "contain" }}>
            <Box component="ul" m={0} p={0} style={{ listStyle: "none" }}>
              {recent.data.map((n) => (
                <li key={n.id}>
                  <NotificationItem notification={n} onOpen={open} />
                </li>
              ))}
            </Box>
          </Box>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
