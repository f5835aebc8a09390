import type { Team } from "@frontline/common";
import {
  ActionIcon,
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  Paper,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import { IconBuildingCommunity, IconPencil, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { everyoneQuery, teamsQuery } from "../../api/queries";
import { Page } from "../../ui/page";
import { QueryError } from "../../ui/query-error";
import { useFormatters } from "../../ui/use-formatters";
import { TeamFormModal } from "./team-form-modal";

const PREVIEW_MEMBERS = 4;

/** Admin → Teams: every team with its size and a glimpse of who is in it. */
export function TeamsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const teams = useQuery(teamsQuery);
  const everyone = useQuery(everyoneQuery);
  // `undefined`: closed; `null`: creating; a team: editing it.
  const [editing, setEditing] = useState<Team | null | undefined>(undefined);
  const names = useMemo(() => new Map((everyone.data ?? []).map((u) => [u.id, u.name])), [everyone.data]);

  function memberPreview(team: Team): string {
    const shown = team.memberIds.slice(0, PREVIEW_MEMBERS).map((id) => names.get(id) ?? "…");
    const more = team.memberIds.length - shown.length;
    return more > 0 ? `${shown.join(", ")} +${format.number(more)}` : shown.join(", ");
  }

  return (
    <Page
      title={t("teams.title")}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
          {t("teams.add")}
        </Button>
      }
    >
      {teams.error && <QueryError error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
      {teams.data && teams.data.length === 0 && (
        <Paper withBorder p="xl" radius="md">
          <EmptyState
            icon={<IconBuildingCommunity size={28} />}
            withIndicatorBackground
            description={t("teams.empty")}
          />
        </Paper>
      )}
      {teams.data && teams.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("teams.name")}</Table.Th>
                  <Table.Th>{t("teams.description")}</Table.Th>
                  <Table.Th>{t("teams.members")}</Table.Th>
                  <Table.Th w={48}>
                    <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {teams.data.map((team) => (
                  <Table.Tr key={team.id}>
                    <Table.Td fw={500}>{team.name}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" lineClamp={2}>
                        {team.description}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={8} wrap="nowrap">
                        <Badge size="sm" variant="light" color={team.memberIds.length ? "blue" : "gray"} miw={32}>
                          {format.number(team.memberIds.length)}
                        </Badge>
                        <Text size="sm" c={team.memberIds.length ? undefined : "dimmed"} lineClamp={1}>
                          {team.memberIds.length ? memberPreview(team) : t("teams.noMembers")}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={t("teams.editNamed", { name: team.name })} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t("teams.editNamed", { name: team.name })}
                          onClick={() => setEditing(team)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {editing !== undefined && (
        <TeamFormModal key={editing?.id ?? "new"} team={editing} onClose={() => setEditing(undefined)} />
      )}
    </Page>
  );
}
