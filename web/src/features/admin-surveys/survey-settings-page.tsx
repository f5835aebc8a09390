import { type SurveySettings, updateSurveySettingsInput } from "@frontline/common";
import { Button, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys";
import { getSurveySettings, updateSurveySettings } from "../../api/surveys";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { Page } from "../../ui/page";
import { QueryError } from "../../ui/query-error";
import { useForm } from "../../ui/use-form";
import { useRatingLabel } from "../surveys/survey-labels";
import { QuestionsEditor } from "./questions-editor";
import { trimmed } from "./questions-model";

interface Values extends Record<string, unknown> {
  enabled: boolean;
  delayMinutes: number | string;
  expiresDays: number | string;
  nps: boolean;
  badRatingAtOrBelow: string;
  questions: SurveySettings["questions"];
}

const valuesOf = (s: SurveySettings): Values => ({ ...s, badRatingAtOrBelow: String(s.badRatingAtOrBelow) });

function SettingsForm({ initial }: { initial: SurveySettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const ratingLabel = useRatingLabel();
  const form = useForm<Values>(valuesOf(initial));
  const { values, errors, set } = form;
  const save = useMutation({
    mutationFn: updateSurveySettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.surveySettings, saved);
      form.reset(valuesOf(saved));
      notifySuccess(t("surveySettings.saved"));
    },
    onError: form.showError,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate(updateSurveySettingsInput, {
      enabled: values.enabled,
      delayMinutes: values.delayMinutes === "" ? undefined : Number(values.delayMinutes),
      expiresDays: values.expiresDays === "" ? undefined : Number(values.expiresDays),
      nps: values.nps,
      badRatingAtOrBelow: Number(values.badRatingAtOrBelow),
      questions: trimmed(values.questions),
    });
    if (input) save.mutate(input);
  }

  return (
    <Paper withBorder radius="md" p="lg" component="form" onSubmit={submit} maw={760}>
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t("surveySettings.intro")}
        </Text>
        <Switch
          label={t("surveySettings.enabled")}
          description={t("surveySettings.enabledHint")}
          checked={values.enabled}
          onChange={(e) => set("enabled", e.currentTarget.checked)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t("surveySettings.delay")}
            description={t("surveySettings.delayHint")}
            value={values.delayMinutes}
            onChange={(v) => set("delayMinutes", v)}
            min={0}
            max={10080}
            allowDecimal={false}
            error={errors.delayMinutes}
          />
          <NumberInput
            label={t("surveySettings.expires")}
            description={t("surveySettings.expiresHint")}
            value={values.expiresDays}
            onChange={(v) => set("expiresDays", v)}
            min={1}
            max={90}
            allowDecimal={false}
            error={errors.expiresDays}
          />
        </SimpleGrid>
        <Select
          label={t("surveySettings.badRating")}
          description={t("surveySettings.badRatingHint")}
          value={values.badRatingAtOrBelow}
          onChange={(v) => v !== null && set("badRatingAtOrBelow", v)}
          data={[
            { value: "0", label: t("common.never") },
            ...[1, 2, 3, 4].map((r) => ({ value: String(r), label: `${r} – ${ratingLabel(r)}` })),
          ]}
          allowDeselect={false}
          maw={360}
          error={errors.badRatingAtOrBelow}
        />
        <Switch
          label={t("surveySettings.nps")}
          description={t("surveySettings.npsHint")}
          checked={values.nps}
          onChange={(e) => set("nps", e.currentTarget.checked)}
        />
        <QuestionsEditor
          value={values.questions}
          onChange={(questions) => set("questions", questions)}
          error={errors.questions && t("surveySettings.questionsInvalid")}
        />
        <FormAlert error={form.formError} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Admin → Surveys: whether and when solved tickets' customers are asked how we did, and what. */
export function SurveySettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: queryKeys.surveySettings,
    queryFn: ({ signal }) => getSurveySettings(signal),
  });
  return (
    <Page title={t("surveySettings.title")}>
      {settings.error && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
      {settings.data && <SettingsForm initial={settings.data} />}
    </Page>
  );
}
