import type { QueueEntry, WaitReason } from "@frontline/common";
import { Badge, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PriorityBadge } from "../../ui/badges";
import { RelativeTime } from "../../ui/relative-time";
import { RouterAnchor } from "../../ui/router-links";
import { languageName } from "./language-names";

const REASON_COLORS: Record<WaitReason, string> = {
  manual: "gray",
  nobody_online: "orange",
  missing_skill: "grape",
  missing_language: "violet",
  no_capacity: "red",
  assigning: "teal",
};

/** The tickets waiting in a team's queue, oldest first, each with what it needs and why it waits. */
export function QueueTable({ entries, skillNames }: { entries: QueueEntry[]; skillNames: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" data-testid="routing-queue">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("routing.queue.ticket")}</Table.Th>
            <Table.Th>{t("routing.queue.waiting")}</Table.Th>
            <Table.Th>{t("routing.queue.needs")}</Table.Th>
            <Table.Th>{t("routing.queue.reason")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.ticket.id} data-testid="queue-entry" data-reason={entry.reason}>
              <Table.Td>
                <Group gap={8} wrap="nowrap">
                  <PriorityBadge priority={entry.ticket.priority} />
                  <RouterAnchor
                    to="/tickets/$ticketId"
                    params={{ ticketId: entry.ticket.id }}
                    size="sm"
                    fw={500}
                    style={{ overflowWrap: "anywhere" }}
                  >
                    <bdi>#{entry.ticket.number}</bdi> {entry.ticket.subject}
                  </RouterAnchor>
                </Group>
              </Table.Td>
              <Table.Td>
                <RelativeTime iso={entry.ticket.createdAt} short />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {entry.requiredLanguage && (
                    <Badge size="sm" variant="light" color="violet" tt="none">
                      {languageName(entry.requiredLanguage, i18n.language)}
                    </Badge>
                  )}
                  {entry.skillIds.map((id) => (
                    <Badge key={id} size="sm" variant="outline" color="blue" tt="none">
                      {skillNames.get(id) ?? "…"}
                    </Badge>
                  ))}
                  {!entry.requiredLanguage && entry.skillIds.length === 0 && (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={REASON_COLORS[entry.reason]} tt="none">
                  {t(`routing.reason.${entry.reason}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
