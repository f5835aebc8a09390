import { type EscalationPhrases, LOCALES, type Locale } from "@frontline/common";
import { Badge, Button, Group, Loader, Paper, Stack, Tabs, Text, Textarea } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { getPhrases, updatePhrases } from "../../api/escalations";
import { queryKeys } from "../../api/query-keys";
import { LANGUAGE_NAMES } from "../../i18n/languages";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { QueryError } from "../../ui/query-error";

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

function LanguagePhrases({ locale, current }: { locale: Locale; current: EscalationPhrases[Locale] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState((current?.phrases ?? []).join("\n"));
  const [pending, setPending] = useState<"save" | "reset" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const language = LANGUAGE_NAMES[locale];

  async function send(phrases: string[] | null) {
    setPending(phrases === null ? "reset" : "save");
    setError(null);
    try {
      const next = await updatePhrases({ [locale]: phrases });
      queryClient.setQueryData(queryKeys.escalations.phrases, next);
      setText((next[locale]?.phrases ?? []).join("\n"));
      notifySuccess(t("escalationSettings.phrasesSaved", { language }));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(null);
    }
  }

  return (
    <Stack gap="xs">
      <FormAlert error={error} />
      <Textarea
        label={t("escalationSettings.phrasesOf", { language })}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={6}
        maxRows={16}
        lang={locale}
        dir={locale === "ar" ? "rtl" : "ltr"}
        data-testid={`phrases-${locale}`}
      />
      <Group gap="xs">
        <Button size="sm" loading={pending === "save"} onClick={() => void send(lines(text))}>
          {t("escalationSettings.savePhrases")}
        </Button>
        <Button
          size="sm"
          variant="default"
          disabled={!current?.custom}
          loading={pending === "reset"}
          onClick={() => void send(null)}
        >
          {t("escalationSettings.resetDefaults")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Admin: per language, what a customer writes to ask for a supervisor. */
export function PhrasesPanel() {
  const { t } = useTranslation();
  const phrases = useQuery({ queryKey: queryKeys.escalations.phrases, queryFn: ({ signal }) => getPhrases(signal) });
  const [tab, setTab] = useState<Locale>("en");
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("escalationSettings.phrasesIntro")}
        </Text>
        {phrases.error && <QueryError error={phrases.error} onRetry={() => void phrases.refetch()} />}
        {phrases.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
        {phrases.data && (
          <Tabs value={tab} onChange={(v) => v && setTab(v as Locale)}>
            <Tabs.List>
              {LOCALES.map((l) => (
                <Tabs.Tab
                  key={l}
                  value={l}
                  rightSection={
                    phrases.data[l]?.custom ? (
                      <Badge size="xs" variant="light">
                        {t("escalationSettings.changed")}
                      </Badge>
                    ) : null
                  }
                >
                  {LANGUAGE_NAMES[l]}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {LOCALES.map((l) => (
              <Tabs.Panel key={l} value={l} pt="sm">
                <LanguagePhrases key={JSON.stringify(phrases.data[l])} locale={l} current={phrases.data[l]} />
              </Tabs.Panel>
            ))}
          </Tabs>
        )}
      </Stack>
    </Paper>
  );
}
