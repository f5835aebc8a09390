import type { WallboardAgent } from "@frontline/common";
import { Group, Progress, Stack, Table, Text } from "@mantine/core";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { RouterAnchor } from "../../ui/router-links";
import { useFormatters } from "../../ui/use-formatters";
import { PresenceDot } from "../routing/presence-dot";

/** Green with room, orange nearly full, red full: how a load bar reads at a distance. */
function loadColor(load: number, capacity: number): string {
  if (capacity === 0 || load >= capacity) return "red";
  return load / capacity >= 0.8 ? "orange" : "teal";
}

/** The shown teams' people: who is on, how full, on what. Kept as is while only the waits tick. */
export const AgentsBoard = memo(function AgentsBoard({ agents, big }: { agents: WallboardAgent[]; big: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={big ? "sm" : "xs"} fz={big ? "lg" : "sm"} data-testid="wallboard-agents">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("wallboard.agents.name")}</Table.Th>
            <Table.Th>{t("wallboard.agents.presence")}</Table.Th>
            <Table.Th w="28%">{t("wallboard.agents.load")}</Table.Th>
            <Table.Th>{t("wallboard.agents.current")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agents.map((a) => (
            <AgentRow key={a.id} agent={a} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
});

function AgentRow({ agent }: { agent: WallboardAgent }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { tickets, chats } = agent.openLoad;
  const cap = agent.capacity;
  return (
    <Table.Tr data-testid="wallboard-agent" data-name={agent.name}>
      <Table.Td>
        <Text inherit fw={500}>
          {agent.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap" data-testid="wallboard-presence" data-status={agent.presence}>
          <PresenceDot status={agent.presence} size={12} />
          <Text inherit>{t(`presence.status.${agent.presence}`)}</Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text inherit data-testid="wallboard-load">
              {t("routing.agents.loadOf", { load: format.number(tickets), capacity: format.number(cap.tickets) })}
            </Text>
            {(chats > 0 || cap.chats > 0) && (
              <Text inherit c="dimmed" size="sm">
                {t("wallboard.agents.chatsOf", { load: format.number(chats), capacity: format.number(cap.chats) })}
              </Text>
            )}
          </Group>
          <Progress
            value={cap.tickets === 0 ? 100 : Math.min(100, (tickets / cap.tickets) * 100)}
            color={loadColor(tickets, cap.tickets)}
            size="sm"
            aria-label={t("wallboard.agents.loadLabel", { name: agent.name })}
          />
        </Stack>
      </Table.Td>
      <Table.Td>
        {agent.currentTicket ? (
          <RouterAnchor
            to="/tickets/$ticketId"
            params={{ ticketId: agent.currentTicket.id }}
            inherit
            lineClamp={1}
            data-testid="wallboard-current"
          >
            <bdi>#{agent.currentTicket.number}</bdi> <bdi>{agent.currentTicket.subject}</bdi>
          </RouterAnchor>
        ) : (
          <Text inherit c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
