import type { Me } from "@frontline/common";
import { Badge, Group, Loader, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useMyTeams } from "./use-my-teams";

/** A line naming the person's teams, or saying plainly that there are none. */
export function MyTeamsLine({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { teams, isPending, error } = useMyTeams(me);
  if (me.teamIds.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("myTeams.none")}
      </Text>
    );
  }
  if (isPending) return <Loader size="xs" aria-label={t("common.loading")} />;
  if (error) {
    return (
      <Text size="sm" c="dimmed">
        {t("myTeams.unavailable")}
      </Text>
    );
  }
  return (
    <Group gap={6} justify="center">
      <Text size="sm" c="dimmed">
        {t("myTeams.label")}:
      </Text>
      {teams.map((team) => (
        <Badge key={team.id} variant="light" size="sm">
          {team.name}
        </Badge>
      ))}
    </Group>
  );
}
