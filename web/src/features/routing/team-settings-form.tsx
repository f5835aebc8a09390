import {
  ROUTING_STRATEGIES,
  type RoutingStrategy,
  type TeamRouting,
  type UpdateTeamRoutingInput,
} from "@frontline/common";
import { Alert, Button, Group, Loader, Paper, Radio, Stack, Switch, Text, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { teamRoutingQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { setTeamRouting } from "../../api/routing";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { QueryError } from "../../ui/query-error";
import { useMe } from "../auth/use-me";
import { leadsTeam } from "./leads";

/** How a team hands out its tickets: strategy, matching on skills and language, reassignment on leaving. */
export function TeamSettingsForm({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const settings = useQuery(teamRoutingQuery(teamId));
  if (settings.error) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!settings.data) return <Loader size="sm" aria-label={t("common.loading")} />;
  return <SettingsForm key={settings.data.updatedAt ?? "new"} settings={settings.data} />;
}

function SettingsForm({ settings }: { settings: TeamRouting }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const canChange = leadsTeam(me, settings.teamId);
  const [values, setValues] = useState<UpdateTeamRoutingInput>({
    strategy: settings.strategy,
    skillMatching: settings.skillMatching,
    languageMatching: settings.languageMatching,
    reassignOnOffline: settings.reassignOnOffline,
  });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof UpdateTeamRoutingInput>(key: K, value: UpdateTeamRoutingInput[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const saved = await setTeamRouting(settings.teamId, values);
      queryClient.setQueryData(queryKeys.routing.team(settings.teamId), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.routing.all });
      notifySuccess(t("routing.settings.saved"));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate maw={720}>
      <Stack gap="md">
        <FormAlert error={error} />
        {!canChange && (
          <Alert color="gray" icon={<IconLock size={16} />} p="xs">
            {t("routing.settings.readOnly")}
          </Alert>
        )}
        <Radio.Group
          label={
            <Title order={2} size="h5">
              {t("routing.settings.strategy")}
            </Title>
          }
          value={values.strategy}
          onChange={(v) => set("strategy", v as RoutingStrategy)}
        >
          <Stack gap="sm" mt="xs">
            {ROUTING_STRATEGIES.map((strategy) => (
              <Radio
                key={strategy}
                value={strategy}
                label={t(`routing.strategy.${strategy}`)}
                description={t(`routing.strategyHint.${strategy}`)}
                disabled={!canChange}
                data-testid={`strategy-${strategy}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Stack gap="sm">
          <Title order={2} size="h5">
            {t("routing.settings.matching")}
          </Title>
          <Switch
            label={t("routing.settings.skillMatching")}
            description={t("routing.settings.skillMatchingHint")}
            checked={values.skillMatching}
            onChange={(e) => set("skillMatching", e.currentTarget.checked)}
            disabled={!canChange}
          />
          <Switch
            label={t("routing.settings.languageMatching")}
            description={t("routing.settings.languageMatchingHint")}
            checked={values.languageMatching}
            onChange={(e) => set("languageMatching", e.currentTarget.checked)}
            disabled={!canChange}
          />
          <Switch
            label={t("routing.settings.reassignOnOffline")}
            description={t("routing.settings.reassignOnOfflineHint")}
            checked={values.reassignOnOffline}
            onChange={(e) => set("reassignOnOffline", e.currentTarget.checked)}
            disabled={!canChange}
          />
        </Stack>
        <Text size="xs" c="dimmed">
          {t("routing.settings.loadRule")}
        </Text>
        {canChange && (
          <Group justify="flex-end">
            <Button type="submit" loading={pending} data-testid="save-routing">
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
