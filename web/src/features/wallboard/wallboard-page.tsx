import type { Wallboard } from "@frontline/common";
import { ActionIcon, Box, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useFullscreenElement } from "@mantine/hooks";
import { IconArrowBigUpLines, IconBuildingCommunity, IconMaximize, IconMinimize } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../ui/page";
import { QueryError } from "../../ui/query-error";
import { RouterAnchor } from "../../ui/router-links";
import { useFormatters } from "../../ui/use-formatters";
import { AgentsBoard } from "./agents-board";
import { LinkBadge } from "./link-badge";
import { Figure, TeamTile } from "./team-tile";
import { useWallboardStream } from "./use-wallboard-stream";
import { formatWait, useSecondTick, waitedSince } from "./wait-time";

const route = getRouteApi("/signed-in/wallboard");
const ALL = "all";

/**
 * The live floor for supervisors and above, made to hang on a wall: each team's queue, its people
 * and the escalations nobody took, pushed by the server as they change (no polling), with the waits
 * ticking between updates. Full screen drops the app's frame and enlarges everything.
 */
export function WallboardPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const feed = useWallboardStream(search.team);
  const { ref, toggle, fullscreen } = useFullscreenElement<HTMLDivElement>();
  const board = feed.board;

  const picker = (
    <Select
      aria-label={t("wallboard.team")}
      leftSection={<IconBuildingCommunity size={16} aria-hidden />}
      data={[
        { value: ALL, label: t("wallboard.allTeams") },
        ...(board?.teamChoices ?? []).map((c) => ({ value: c.id, label: c.name })),
      ]}
      value={search.team ?? ALL}
      onChange={(v) => void navigate({ search: v && v !== ALL ? { team: v } : {}, replace: true })}
      allowDeselect={false}
      w={220}
      data-testid="wallboard-team-filter"
    />
  );

  return (
    <Page title={t("wallboard.title")} actions={picker}>
      <Box
        ref={ref}
        p={fullscreen ? "xl" : 0}
        bg={fullscreen ? "var(--mantine-color-body)" : undefined}
        style={{ overflow: fullscreen ? "auto" : undefined }}
        data-testid="wallboard"
        data-fullscreen={fullscreen}
      >
        <Stack gap="lg">
          <Group justify="space-between" gap="sm">
            <Group gap="sm">
              {fullscreen && <Title order={2}>{t("wallboard.title")}</Title>}
              <LinkBadge link={feed.link} big={fullscreen} />
            </Group>
            <Tooltip label={fullscreen ? t("wallboard.exitFullscreen") : t("wallboard.fullscreen")} withArrow>
              <ActionIcon
                variant="light"
                size="lg"
                onClick={() => void toggle()}
                aria-label={fullscreen ? t("wallboard.exitFullscreen") : t("wallboard.fullscreen")}
                data-testid="wallboard-fullscreen"
              >
                {fullscreen ? <IconMinimize size={18} /> : <IconMaximize size={18} />}
              </ActionIcon>
            </Tooltip>
          </Group>
          {feed.error && <QueryError error={feed.error} />}
          {!board && !feed.error && <Loader size="sm" aria-label={t("common.loading")} />}
          {board && <Floor board={board} receivedAt={feed.receivedAt} big={fullscreen} />}
        </Stack>
      </Box>
    </Page>
  );
}

function Floor({ board, receivedAt, big }: { board: Wallboard; receivedAt: number; big: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const now = useSecondTick();
  const esc = board.escalationsWaiting;
  if (board.teamChoices.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md">
        <Text size="sm" c="dimmed">
          {t("wallboard.noTeams")}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, lg: board.teams.length > 1 ? 2 : 1 }} spacing="lg">
        {board.teams.map((team) => (
          <TeamTile key={team.id} team={team} receivedAt={receivedAt} now={now} big={big} />
        ))}
      </SimpleGrid>
      <Paper withBorder radius="md" p={big ? "lg" : "md"} data-testid="wallboard-escalations">
        <Group justify="space-between" align="flex-end">
          <Group gap="xl">
            <Figure
              big={big}
              label={t("wallboard.escalationsWaiting")}
              value={format.number(esc.count)}
              tone={esc.count > 0 ? "orange" : undefined}
              testId="escalations-waiting"
            />
            <Figure
              big={big}
              label={t("wallboard.oldestEscalation")}
              value={
                esc.oldestWaitSeconds === null
                  ? "—"
                  : formatWait(waitedSince(esc.oldestWaitSeconds, receivedAt, now), i18n.language)
              }
            />
          </Group>
          <RouterAnchor to="/escalations" size="sm">
            <Group gap={4} wrap="nowrap">
              <IconArrowBigUpLines size={16} aria-hidden />
              {t("wallboard.openEscalations")}
            </Group>
          </RouterAnchor>
        </Group>
      </Paper>
      <Stack gap="xs" component="section" aria-labelledby="wallboard-agents-heading">
        <Title order={2} size={big ? "h3" : "h5"} id="wallboard-agents-heading">
          {t("wallboard.agents.title")}
        </Title>
        {board.agents.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("wallboard.agents.empty")}
          </Text>
        ) : (
          <Paper withBorder radius="md">
            <AgentsBoard agents={board.agents} big={big} />
          </Paper>
        )}
      </Stack>
    </Stack>
  );
}
