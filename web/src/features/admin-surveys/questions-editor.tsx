import { type Locale, MAX_SURVEY_QUESTIONS, type SurveyQuestion } from "@frontline/common";
import { ActionIcon, Button, Group, Input, Paper, SegmentedControl, Stack, TextInput, Tooltip } from "@mantine/core";
import { IconLanguage, IconPlus, IconTrash, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LocaleSelect } from "../../ui/pickers";
import { fallbackOf, newOption, newQuestion, textIn, withKind, withText } from "./questions-model";

interface QuestionsEditorProps {
  value: SurveyQuestion[];
  onChange: (questions: SurveyQuestion[]) => void;
  error?: string | undefined;
}

function QuestionCard({
  question: q,
  index,
  locale,
  onChange,
  onRemove,
}: {
  question: SurveyQuestion;
  index: number;
  locale: Locale;
  onChange: (q: SurveyQuestion) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const name = t("surveySettings.questionN", { n: index + 1 });
  return (
    <Paper withBorder p="sm" radius="md" data-testid="survey-question">
      <Stack gap="xs">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label={name}
            value={textIn(q.label, locale)}
            placeholder={fallbackOf(q.label)}
            onChange={(e) => onChange({ ...q, label: withText(q.label, locale, e.currentTarget.value) })}
            lang={locale}
            dir="auto"
            style={{ flex: 1 }}
            maxLength={300}
          />
          <Tooltip label={t("surveySettings.removeQuestion", { name })} withArrow>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t("surveySettings.removeQuestion", { name })}
              onClick={onRemove}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <SegmentedControl
          aria-label={t("surveySettings.kind", { name })}
          value={q.kind}
          onChange={(kind) => onChange(withKind(q, kind === "choice" ? "choice" : "text"))}
          data={[
            { value: "text", label: t("surveySettings.kindText") },
            { value: "choice", label: t("surveySettings.kindChoice") },
          ]}
          size="xs"
          w="fit-content"
        />
        {q.kind === "choice" && (
          <Stack gap={6} ps="md">
            {q.options.map((o, i) => {
              const optionName = t("surveySettings.optionN", { n: i + 1 });
              const setOption = (next: typeof o) =>
                onChange({ ...q, options: q.options.map((x) => (x.id === o.id ? next : x)) });
              return (
                <Group key={o.id} gap="xs" wrap="nowrap">
                  <TextInput
                    aria-label={`${name}: ${optionName}`}
                    placeholder={fallbackOf(o.label) || optionName}
                    value={textIn(o.label, locale)}
                    onChange={(e) => setOption({ ...o, label: withText(o.label, locale, e.currentTarget.value) })}
                    lang={locale}
                    dir="auto"
                    size="xs"
                    style={{ flex: 1 }}
                    maxLength={300}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t("surveySettings.removeOption", { name: optionName })}
                    disabled={q.options.length <= 2}
                    onClick={() => onChange({ ...q, options: q.options.filter((x) => x.id !== o.id) })}
                  >
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
              );
            })}
            {q.options.length < 10 && (
              <Button
                variant="subtle"
                size="xs"
                w="fit-content"
                leftSection={<IconPlus size={14} />}
                onClick={() => onChange({ ...q, options: [...q.options, newOption()] })}
              >
                {t("surveySettings.addOption")}
              </Button>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** The organisation's own questions, asked after the rating; their texts edited one language at a time. */
export function QuestionsEditor({ value, onChange, error }: QuestionsEditorProps) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<Locale>("en");
  return (
    <Input.Wrapper
      label={t("surveySettings.questions")}
      description={t("surveySettings.questionsIntro", { max: MAX_SURVEY_QUESTIONS })}
      error={error}
    >
      <Stack gap="sm" mt="xs">
        {value.length > 0 && (
          <LocaleSelect
            label={t("surveySettings.textsIn")}
            leftSection={<IconLanguage size={16} aria-hidden />}
            value={locale}
            onChange={setLocale}
            w={220}
            size="xs"
          />
        )}
        {value.map((q, i) => (
          <QuestionCard
            key={q.id}
            question={q}
            index={i}
            locale={locale}
            onChange={(next) => onChange(value.map((x) => (x.id === q.id ? next : x)))}
            onRemove={() => onChange(value.filter((x) => x.id !== q.id))}
          />
        ))}
        {value.length < MAX_SURVEY_QUESTIONS && (
          <Button
            variant="default"
            w="fit-content"
            leftSection={<IconPlus size={16} />}
            onClick={() => onChange([...value, newQuestion()])}
          >
            {t("surveySettings.addQuestion")}
          </Button>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
