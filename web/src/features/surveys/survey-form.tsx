import {
  type Locale,
  localizedText,
  type PublicSurvey,
  SURVEY_RATINGS,
  type SurveyAnswerInput,
  type SurveyQuestion,
} from "@frontline/common";
import { Alert, Button, Paper, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../ui/form-alert";
import { ScorePicker } from "./score-picker";
import { useRatingLabel } from "./survey-labels";

const NPS_SCORES = Array.from({ length: 11 }, (_, i) => ({ value: i }));

function Question({
  question,
  locale,
  value,
  onChange,
}: {
  question: SurveyQuestion;
  locale: Locale;
  value: string;
  onChange: (value: string) => void;
}) {
  // The organisation's own words may be in another language than the page (English under Arabic).
  const label = <bdi>{localizedText(question.label, locale)}</bdi>;
  if (question.kind === "text") {
    return (
      <Textarea
        label={label}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
        size="md"
      />
    );
  }
  return (
    <Radio.Group label={label} value={value || null} onChange={onChange} size="md">
      <Stack gap="sm" mt="xs">
        {question.options.map((o) => (
          <Radio key={o.id} value={o.id} label={<bdi>{localizedText(o.label, locale)}</bdi>} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

interface SurveyFormProps {
  survey: PublicSurvey;
  locale: Locale;
  /** The rating a mail's link just recorded, to say so. */
  justRated: number | null;
  pending: boolean;
  error: unknown;
  onSubmit: (answer: SurveyAnswerInput) => void;
}

/** The whole survey: the rating, NPS when asked, the organisation's questions and a comment. */
export function SurveyForm({ survey, locale, justRated, pending, error, onSubmit }: SurveyFormProps) {
  const { t } = useTranslation();
  const ratingLabel = useRatingLabel();
  const previous = survey.response;
  const [rating, setRating] = useState<number | null>(previous?.rating ?? null);
  const [nps, setNps] = useState<number | null>(previous?.nps ?? null);
  const [answers, setAnswers] = useState<Record<string, string>>(previous?.answers ?? {});
  const [comment, setComment] = useState(previous?.comment ?? "");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (rating === null) return;
    onSubmit({
      rating,
      comment: comment.trim() || null,
      answers,
      ...(survey.nps ? { nps } : {}),
    });
  }

  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "xl" }} component="form" onSubmit={submit}>
      <Stack gap="xl">
        <Title order={2} size="h3">
          {t("surveys.pageTitle")}
        </Title>
        {justRated !== null && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={20} />} data-testid="survey-rating-saved">
            {t("surveys.ratingSaved", { rating: justRated, label: ratingLabel(justRated) })}
          </Alert>
        )}
        <ScorePicker
          label={t("surveys.ratingQuestion")}
          choices={SURVEY_RATINGS.map((r) => ({ value: r, label: ratingLabel(r) }))}
          value={rating}
          onChange={setRating}
          cols={{ base: 5, sm: 5 }}
          ends={[ratingLabel(1), ratingLabel(5)]}
          endsOnPhonesOnly
          testId="survey-rating"
        />
        {survey.nps && (
          <ScorePicker
            label={t("surveys.npsQuestion", { org: survey.organization.name })}
            choices={NPS_SCORES}
            value={nps}
            onChange={setNps}
            cols={{ base: 6, sm: 11 }}
            ends={[t("surveys.npsLow"), t("surveys.npsHigh")]}
            testId="survey-nps"
          />
        )}
        {survey.questions.map((q) => (
          <Question
            key={q.id}
            question={q}
            locale={locale}
            value={answers[q.id] ?? ""}
            onChange={(value) => setAnswers((current) => ({ ...current, [q.id]: value }))}
          />
        ))}
        <Textarea
          label={t("surveys.comment")}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={5000}
          size="md"
        />
        <FormAlert error={error} />
        <Stack gap={4}>
          <Button type="submit" size="lg" loading={pending} disabled={rating === null} fullWidth>
            {t("surveys.send")}
          </Button>
          {rating === null && (
            <Text size="sm" c="dimmed" ta="center">
              {t("surveys.chooseRating")}
            </Text>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
