import { EmptyState, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconLayoutDashboard, IconPresentationAnalytics } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Page } from "../../ui/page";
import { QueryError } from "../../ui/query-error";
import { RouterAnchor } from "../../ui/router-links";
import { useFormatters } from "../../ui/use-formatters";
import { useMe } from "../auth/use-me";
import { useMyTeams } from "./use-my-teams";

/**
 * The supervisor console. There are no queues or escalations yet; what is real is the teams the
 * supervisor belongs to and how many people are in each, so that is what it shows.
 */
export function ConsolePage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const { teams, isPending, error, refetch } = useMyTeams(me);

  return (
    <Page
      title={t("console.title")}
      actions={
        <RouterAnchor to="/wallboard" size="sm" data-testid="console-wallboard">
          <Group gap={6} wrap="nowrap">
            <IconPresentationAnalytics size={16} aria-hidden />
            {t("console.openWallboard")}
          </Group>
        </RouterAnchor>
      }
    >
      <Paper withBorder p="xl" radius="md">
        <EmptyState
          icon={<IconLayoutDashboard size={28} />}
          withIndicatorBackground
          title={t("console.emptyTitle")}
          description={t("console.emptyDescription")}
        />
      </Paper>
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t("console.teamsHeading")}
        </Title>
        {error && <QueryError error={error} onRetry={() => void refetch()} />}
        {!error && me.teamIds.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("myTeams.none")}
          </Text>
        )}
        {!error && !isPending && teams.length > 0 && (
          <Paper withBorder radius="md">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("teams.name")}</Table.Th>
                  <Table.Th ta="end">{t("console.members")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {teams.map((team) => (
                  <Table.Tr key={team.id}>
                    <Table.Td>{team.name}</Table.Td>
                    <Table.Td ta="end">{format.number(team.memberIds.length)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </Stack>
    </Page>
  );
}
