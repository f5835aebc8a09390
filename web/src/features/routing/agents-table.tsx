import { PRESENCE_STATUSES, type PresenceStatus, type RoutingAgent } from "@frontline/common";
import {
  ActionIcon,
  Badge,
  Group,
  Menu,
  Stack,
  Table,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { IconChevronDown, IconPencil } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys";
import { setAgentPresence } from "../../api/routing";
import { notifyError } from "../../ui/notify";
import { RelativeTime } from "../../ui/relative-time";
import { useFormatters } from "../../ui/use-formatters";
import { useMe } from "../auth/use-me";
import { languageList } from "./language-names";
import { leadsAgent } from "./leads";
import { PresenceDot } from "./presence-dot";

/** The team's people with presence, load against capacity, skills and languages. */
export function AgentsTable({ agents, onEdit }: { agents: RoutingAgent[]; onEdit: (agent: RoutingAgent) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="xs" data-testid="routing-agents">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("routing.agents.name")}</Table.Th>
            <Table.Th>{t("routing.agents.presence")}</Table.Th>
            <Table.Th ta="end">{t("routing.agents.tickets")}</Table.Th>
            <Table.Th ta="end">{t("routing.agents.chats")}</Table.Th>
            <Table.Th>{t("routing.agents.skills")}</Table.Th>
            <Table.Th>{t("routing.agents.languages")}</Table.Th>
            <Table.Th w={48}>
              <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agents.map((agent) => (
            <AgentRow key={agent.userId} agent={agent} canLead={leadsAgent(me, agent.teamIds)} onEdit={onEdit} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AgentRow({
  agent,
  canLead,
  onEdit,
}: {
  agent: RoutingAgent;
  canLead: boolean;
  onEdit: (a: RoutingAgent) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const full = (load: number, capacity: number) => (load >= capacity ? "red" : load > 0 ? undefined : "dimmed");
  return (
    <Table.Tr data-testid="routing-agent" data-name={agent.name}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500}>
            {agent.name}
          </Text>
          {agent.role !== "agent" && (
            <Badge size="xs" variant="light" color="gray">
              {t(`roles.${agent.role}`)}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          {canLead ? <PresenceMenu agent={agent} /> : <PresenceLabel status={agent.presence.status} />}
          {agent.presence.since && <RelativeTime iso={agent.presence.since} short c="dimmed" size="xs" />}
        </Stack>
      </Table.Td>
      <Table.Td ta="end">
        <Text size="sm" c={full(agent.load.tickets, agent.capacity.tickets)} data-testid="agent-ticket-load">
          {t("routing.agents.loadOf", {
            load: format.number(agent.load.tickets),
            capacity: format.number(agent.capacity.tickets),
          })}
        </Text>
      </Table.Td>
      <Table.Td ta="end">
        <Text size="sm" c={full(agent.load.chats, agent.capacity.chats)}>
          {t("routing.agents.loadOf", {
            load: format.number(agent.load.chats),
            capacity: format.number(agent.capacity.chats),
          })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {agent.skills.length === 0 && (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
          {agent.skills.map((s) => (
            <Badge key={s.skillId} size="sm" variant="outline" color="blue" tt="none">
              {s.level ? t("routing.skillWithLevel", { name: s.name, level: format.number(s.level) }) : s.name}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{languageList(agent.speaks, i18n.language)}</Text>
      </Table.Td>
      <Table.Td>
        {canLead && (
          <Tooltip label={t("routing.agents.editNamed", { name: agent.name })} withArrow>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t("routing.agents.editNamed", { name: agent.name })}
              onClick={() => onEdit(agent)}
            >
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function PresenceLabel({ status }: { status: PresenceStatus }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" data-testid="agent-presence" data-status={status}>
      <PresenceDot status={status} />
      <Text size="sm">{t(`presence.status.${status}`)}</Text>
    </Group>
  );
}

/** A supervisor sets a team member's presence, e.g. someone who left without signing out. */
function PresenceMenu({ agent }: { agent: RoutingAgent }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (status: PresenceStatus) => setAgentPresence(agent.userId, status),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.routing.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
    },
    onError: notifyError,
  });
  return (
    <Menu position="bottom-start" shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t("routing.agents.setPresenceOf", { name: agent.name })}>
          <Group gap={4} wrap="nowrap">
            <PresenceLabel status={agent.presence.status} />
            <IconChevronDown size={12} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {PRESENCE_STATUSES.map((status) => (
          <Menu.Item
            key={status}
            leftSection={<PresenceDot status={status} />}
            disabled={status === agent.presence.status}
            onClick={() => change.mutate(status)}
          >
            {t(`presence.status.${status}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
