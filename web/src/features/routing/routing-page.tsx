import { Group, Loader, Paper, Select, Tabs, Text } from "@mantine/core";
import { IconAdjustments, IconBuildingCommunity, IconCertificate, IconUsersGroup } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { teamsQuery } from "../../api/queries";
import { Page } from "../../ui/page";
import { QueryError } from "../../ui/query-error";
import { useMe } from "../auth/use-me";
import { FloorTab } from "./floor-tab";
import { pickTeam } from "./leads";
import type { RoutingTab } from "./routing-search";
import { SkillsTab } from "./skills-tab";
import { TeamSettingsForm } from "./team-settings-form";

const route = getRouteApi("/signed-in/routing");

/**
 * Routing, for supervisors and above: a team's floor (who is on, their load, what waits and why),
 * how the team hands out tickets, and the organisation's skills.
 */
export function RoutingPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const teams = useQuery(teamsQuery);
  const tab: RoutingTab = search.tab ?? "floor";
  const teamId = pickTeam(search.team, teams.data ?? [], me.teamIds);

  const go = (next: { tab?: RoutingTab; team?: string }) =>
    void navigate({ search: { ...search, ...next }, replace: true });

  const teamPicker = (
    <Select
      aria-label={t("routing.team")}
      leftSection={<IconBuildingCommunity size={16} aria-hidden />}
      data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
      value={teamId}
      onChange={(v) => v && go({ team: v })}
      allowDeselect={false}
      w={240}
      data-testid="routing-team"
    />
  );

  return (
    <Page title={t("routing.title")} actions={tab !== "skills" && teamId ? teamPicker : undefined}>
      {teams.error && <QueryError error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
      <Tabs value={tab} onChange={(v) => v && go({ tab: v as RoutingTab })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="floor" leftSection={<IconUsersGroup size={16} />}>
            {t("routing.tabs.floor")}
          </Tabs.Tab>
          <Tabs.Tab value="settings" leftSection={<IconAdjustments size={16} />}>
            {t("routing.tabs.settings")}
          </Tabs.Tab>
          <Tabs.Tab value="skills" leftSection={<IconCertificate size={16} />}>
            {t("routing.tabs.skills")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="floor">{teamId ? <FloorTab teamId={teamId} /> : teams.data && <NoTeams />}</Tabs.Panel>
        <Tabs.Panel value="settings">
          {teamId ? <TeamSettingsForm key={teamId} teamId={teamId} /> : teams.data && <NoTeams />}
        </Tabs.Panel>
        <Tabs.Panel value="skills">
          <SkillsTab />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

function NoTeams() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md">
      <Group>
        <Text size="sm" c="dimmed">
          {t("routing.noTeams")}
        </Text>
      </Group>
    </Paper>
  );
}
