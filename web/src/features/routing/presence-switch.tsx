import { PRESENCE_STATUSES, type PresenceStatus } from "@frontline/common";
import { Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconCheck, IconChevronDown } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { myPresenceQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { setMyPresence } from "../../api/routing";
import { notifyError } from "../../ui/notify";
import { PresenceDot } from "./presence-dot";

/** The header's presence: whether routing gives this person new tickets now, and a menu to change it. */
export function PresenceSwitch() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const presence = useQuery(myPresenceQuery);
  const status: PresenceStatus = presence.data?.status ?? "offline";
  const change = useMutation({
    mutationFn: setMyPresence,
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.routing.presence, next);
      // Going offline may hand tickets back, coming online may bring some: lists catch up.
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.routing.all, refetchType: "active" });
    },
    onError: notifyError,
  });

  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <UnstyledButton
          data-testid="presence-switch"
          data-status={status}
          aria-label={t("presence.switch", { status: t(`presence.status.${status}`) })}
          px={6}
          py={4}
          style={{ borderRadius: "var(--mantine-radius-sm)" }}
        >
          <Group gap={6} wrap="nowrap">
            <PresenceDot status={status} />
            <Text size="sm" visibleFrom="sm">
              {t(`presence.status.${status}`)}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("presence.title")}</Menu.Label>
        {PRESENCE_STATUSES.map((option) => (
          <Menu.Item
            key={option}
            data-testid={`presence-${option}`}
            leftSection={<PresenceDot status={option} />}
            rightSection={option === status ? <IconCheck size={14} aria-hidden /> : null}
            aria-current={option === status ? "true" : undefined}
            onClick={() => option !== status && change.mutate(option)}
          >
            <Text size="sm">{t(`presence.status.${option}`)}</Text>
            <Text size="xs" c="dimmed">
              {t(`presence.hint.${option}`)}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
