import type { Notification } from "@frontline/common";
import { Avatar, Box, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { RelativeTime } from "../../ui/relative-time";

interface NotificationItemProps {
  notification: Notification;
  onOpen: (notification: Notification) => void;
}

/** What happened, in a line: "Ana mentioned you", "Stefan resolved the escalation", "Rule “VIP first”". */
function headline(n: Notification, t: TFunction): string {
  if (n.kind === "mention") return t("notifications.mentionedYou", { name: n.actor.name });
  if (n.kind === "rule") return t("notifications.fromRule", { name: n.actor.name });
  return t(`escalations.notice.${n.kind}`, { name: n.actor.name });
}

/** An escalation notice's detail: how it ended (or its level) and its reason, as they were then. */
function escalationDetail(n: Notification, t: TFunction): string | null {
  if (!n.escalation) return null;
  const how = n.escalation.outcome
    ? t(`escalations.outcome.${n.escalation.outcome}`)
    : t("escalations.level", { level: n.escalation.level });
  return `${how} · ${n.escalation.reasonLabel}`;
}

/** One notification: what happened, on which ticket, the note's start and when; unread ones stand out. */
export function NotificationItem({ notification: n, onOpen }: NotificationItemProps) {
  const { t } = useTranslation();
  const unread = n.readAt === null;
  const detail = escalationDetail(n, t);
  return (
    <UnstyledButton
      onClick={() => onOpen(n)}
      className="notification-item"
      data-unread={unread || undefined}
      data-testid="notification-item"
      w="100%"
      px="sm"
      py={10}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Avatar size={32} radius="xl" name={n.actor.name} color="initials" aria-hidden />
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" fw={unread ? 700 : 400} truncate miw={0}>
              {headline(n, t)}
            </Text>
            <RelativeTime iso={n.createdAt} short size="xs" c="dimmed" style={{ flexShrink: 0 }} />
          </Group>
          {/* Aligned with the interface; a subject or note in another script keeps its own order. */}
          <Text size="xs" fw={500} truncate>
            #{n.ticket.number} <bdi>{n.ticket.subject}</bdi>
          </Text>
          {detail && (
            <Text size="xs" c="dimmed" truncate data-testid="notification-escalation">
              <bdi>{detail}</bdi>
            </Text>
          )}
          {n.excerpt && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              <bdi>{n.excerpt}</bdi>
            </Text>
          )}
        </Stack>
        <Box
          w={8}
          h={8}
          mt={6}
          style={{
            borderRadius: "50%",
            flexShrink: 0,
            background: unread ? "var(--mantine-color-blue-filled)" : "transparent",
          }}
          role={unread ? "img" : undefined}
          aria-label={unread ? t("notifications.unread") : undefined}
        />
      </Group>
    </UnstyledButton>
  );
}
