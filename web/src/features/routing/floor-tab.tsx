import type { RoutingAgent } from "@frontline/common";
import { Badge, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { queueQuery, routingAgentsQuery, skillsQuery, teamRoutingQuery } from "../../api/queries";
import { QueryError } from "../../ui/query-error";
import { useFormatters } from "../../ui/use-formatters";
import { AgentFormModal } from "./agent-form-modal";
import { AgentsTable } from "./agents-table";
import { QueueTable } from "./queue-table";

/** One team's floor: who is on and how loaded, and the tickets that wait for someone, with why. */
export function FloorTab({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const agents = useQuery(routingAgentsQuery(teamId));
  const queue = useQuery(queueQuery(teamId));
  const settings = useQuery(teamRoutingQuery(teamId));
  const skills = useQuery(skillsQuery);
  const [editing, setEditing] = useState<RoutingAgent | null>(null);
  const skillNames = new Map((skills.data ?? []).map((s) => [s.id, s.name]));
  const online = (agents.data ?? []).filter((a) => a.presence.status === "online").length;

  return (
    <Stack gap="lg">
      <Stack gap="xs" component="section" aria-labelledby="routing-agents-heading">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h5" id="routing-agents-heading">
            {t("routing.agents.title")}
          </Title>
          {agents.data && (
            <Text size="sm" c="dimmed">
              {t("routing.agents.onlineCount", { online: format.number(online), count: agents.data.length })}
            </Text>
          )}
        </Group>
        {agents.error && <QueryError error={agents.error} onRetry={() => void agents.refetch()} />}
        {agents.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
        {agents.data && agents.data.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("routing.agents.empty")}
          </Text>
        )}
        {agents.data && agents.data.length > 0 && (
          <Paper withBorder radius="md">
            <AgentsTable agents={agents.data} onEdit={setEditing} />
          </Paper>
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="routing-queue-heading">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h5" id="routing-queue-heading">
            {t("routing.queue.title")}
          </Title>
          {settings.data && (
            <Badge variant="light" color={settings.data.strategy === "manual" ? "gray" : "blue"}>
              {t(`routing.strategy.${settings.data.strategy}`)}
            </Badge>
          )}
        </Group>
        {queue.error && <QueryError error={queue.error} onRetry={() => void queue.refetch()} />}
        {queue.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
        {queue.data && queue.data.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="queue-empty">
            {t("routing.queue.empty")}
          </Text>
        )}
        {queue.data && queue.data.length > 0 && (
          <Paper withBorder radius="md">
            <QueueTable entries={queue.data} skillNames={skillNames} />
          </Paper>
        )}
      </Stack>
      {editing && <AgentFormModal key={editing.userId} agent={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
