import type { PublicSurvey, SurveyAnswerInput } from "@frontline/common";
import { Box, Button, Center, Container, Group, Loader, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconAlertTriangle, IconHeartHandshake, IconLanguage } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiStatus } from "../../api/api-error";
import { answerSurvey, getSurvey } from "../../api/surveys";
import { changeLocale, currentLocale } from "../../i18n/setup";
import { LocaleSelect } from "../../ui/pickers";
import { QueryError } from "../../ui/query-error";
import { useFormatters } from "../../ui/use-formatters";
import { SurveyForm } from "./survey-form";
import { useRatingLabel } from "./survey-labels";

function Frame({ survey, children }: { survey?: PublicSurvey | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Paper component="header" radius={0} withBorder py="sm">
        <Container size={640}>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Box>
              <Title order={1} size="h4" lh={1.2}>
                {survey?.organization.name ?? t("surveys.pageTitle")}
              </Title>
              {survey && (
                <Text size="sm" c="dimmed">
                  {t("surveys.ticket", { number: survey.ticket.number })} <bdi>{survey.ticket.subject}</bdi>
                </Text>
              )}
            </Box>
            <LocaleSelect
              aria-label={t("surveys.language")}
              leftSection={<IconLanguage size={16} aria-hidden />}
              value={currentLocale()}
              onChange={(locale) => void changeLocale(locale)}
              w={150}
              size="xs"
            />
          </Group>
        </Container>
      </Paper>
      <Container size={640} py="lg" px={{ base: "xs", sm: "md" }} component="main" id="main">
        {children}
      </Container>
    </Box>
  );
}

function Notice({
  icon,
  color,
  title,
  children,
}: {
  icon: ReactNode;
  color: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="center" gap="md" ta="center">
        <ThemeIcon size={52} radius="xl" variant="light" color={color}>
          {icon}
        </ThemeIcon>
        <Title order={2} size="h3">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * The survey a mail's link opens, for a customer without an account. A rating link (`?rating=N`)
 * records that rating as the page opens: a POST from the page, since mail scanners that only fetch
 * the link must not rate anything. The customer may then say more, or change the answer later.
 */
export function SurveyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("surveys.pageTitle"));
  const { token } = useParams({ from: "/s/$token" });
  const { rating: linkRating } = useSearch({ from: "/s/$token" });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ratingLabel = useRatingLabel();
  const { date } = useFormatters();
  const key = ["survey", token];
  const survey = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => getSurvey(token, signal),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const store = (data: PublicSurvey) => queryClient.setQueryData(key, data);
  const quick = useMutation({ mutationFn: (rating: number) => answerSurvey(token, { rating }), onSuccess: store });
  const answer = useMutation({
    mutationFn: (input: SurveyAnswerInput) => answerSurvey(token, input),
    onSuccess: (data) => {
      store(data);
      setEditing(false);
    },
  });
  // `null` until the customer chooses: a survey answered before opens on its thank-you.
  const [editingChoice, setEditing] = useState<boolean | null>(null);
  const localeTaken = useRef(false);
  const linkPosted = useRef(false);

  // The page speaks the mail's language; the customer may still pick another.
  useEffect(() => {
    if (!survey.data || localeTaken.current) return;
    localeTaken.current = true;
    if (survey.data.locale !== currentLocale()) void changeLocale(survey.data.locale);
  }, [survey.data]);

  useEffect(() => {
    if (!survey.data || linkPosted.current || linkRating === undefined) return;
    linkPosted.current = true;
    quick.mutate(linkRating);
    // Out of the address bar, so a reload does not undo a rating changed since.
    void navigate({ to: "/s/$token", params: { token }, search: {}, replace: true });
  }, [survey.data, linkRating, quick, navigate, token]);

  const invalid = [survey.error, quick.error, answer.error].some((e) => isApiStatus(e, 404));
  if (invalid) {
    return (
      <Frame>
        <Notice icon={<IconAlertTriangle size={28} />} color="gray" title={t("surveys.invalidTitle")}>
          <Text>{t("surveys.invalidIntro")}</Text>
        </Notice>
      </Frame>
    );
  }
  if (survey.error) {
    return (
      <Frame>
        <QueryError error={survey.error} onRetry={() => void survey.refetch()} />
      </Frame>
    );
  }
  const waitingForLink = linkRating !== undefined && !quick.isError;
  if (!survey.data || quick.isPending || (waitingForLink && !quick.data)) {
    return (
      <Frame survey={survey.data}>
        <Center p="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      </Frame>
    );
  }
  const data = survey.data;
  const editing = editingChoice ?? (data.response === null || quick.data !== undefined);
  return (
    <Frame survey={data}>
      {editing || !data.response ? (
        <SurveyForm
          key={data.response?.updatedAt ?? "new"}
          survey={data}
          locale={currentLocale()}
          justRated={quick.data && editingChoice === null ? (quick.data.response?.rating ?? null) : null}
          pending={answer.isPending}
          error={answer.error ?? quick.error}
          onSubmit={(input) => answer.mutate(input)}
        />
      ) : (
        <Notice icon={<IconHeartHandshake size={28} />} color="teal" title={t("surveys.thanksTitle")}>
          <Text data-testid="survey-thanks">
            {t("surveys.yourRating", { rating: data.response.rating, label: ratingLabel(data.response.rating) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t("surveys.changeUntil", { date: date(data.expiresAt) })}
          </Text>
          <Button variant="light" size="md" onClick={() => setEditing(true)}>
            {t("surveys.change")}
          </Button>
        </Notice>
      )}
    </Frame>
  );
}
