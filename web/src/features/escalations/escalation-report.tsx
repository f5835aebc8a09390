import type { EscalationReport as Report } from "@frontline/common";
import { Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { escalationReport } from "../../api/escalations";
import { escalationReasonsQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { QueryError } from "../../ui/query-error";
import { useFormatters } from "../../ui/use-formatters";
import { formatMinutes, useReasonLabel } from "./escalation-labels";

function Duration({ label, figures }: { label: string; figures: Report["timeToTake"] }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Group gap="lg" mt={4} wrap="nowrap">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t("escalations.report.median")}
          </Text>
          <Text fw={700} size="lg" data-testid="report-median">
            {formatMinutes(figures.median, i18n.language)}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t("escalations.report.p90")}
          </Text>
          <Text fw={700} size="lg">
            {formatMinutes(figures.p90, i18n.language)}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

function Counts({ title, rows }: { title: string; rows: { label: string; count: number }[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
        {title}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("escalations.report.noData")}
        </Text>
      ) : (
        <Stack gap={2}>
          {rows.map((r) => (
            <Group key={r.label} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" truncate>
                {r.label}
              </Text>
              <Text size="sm" fw={600}>
                {format.number(r.count)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** The periods a supervisor may look back over, in days. */
const PERIODS = [7, 30, 90] as const;

/** Recent escalations (7, 30 or 90 days): how many, how fast they were taken and resolved, and why. */
export function EscalationReport() {
  const { t } = useTranslation();
  const format = useFormatters();
  const labelOf = useReasonLabel();
  const [days, setDays] = useState<number>(30);
  const reasons = useQuery(escalationReasonsQuery);
  const report = useQuery({
    // Keyed by the period, not its instants: the window slides with each refetch.
    queryKey: queryKeys.escalations.report({ days: String(days) }),
    queryFn: ({ signal }) => escalationReport({ from: new Date(Date.now() - days * 86_400_000).toISOString() }, signal),
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });
  if (report.error) return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <Loader size="sm" aria-label={t("common.loading")} />;
  const r = report.data;
  const labels = new Map((reasons.data ?? []).map((x) => [x.code, x.labels]));
  return (
    <Stack gap="xs" component="section" aria-labelledby="escalation-report-title" data-testid="escalation-report">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h5" id="escalation-report-title">
          {t("escalations.report.title", { count: days })}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={t("escalations.report.period")}
          value={String(days)}
          onChange={(v) => setDays(Number(v))}
          data={PERIODS.map((d) => ({ value: String(d), label: t("escalations.report.days", { count: d }) }))}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Paper withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t("escalations.report.total")}
          </Text>
          <Text fw={700} size="xl" mt={4} data-testid="report-total">
            {format.number(r.total)}
          </Text>
        </Paper>
        <Duration label={t("escalations.report.timeToTake")} figures={r.timeToTake} />
        <Duration label={t("escalations.report.timeToResolve")} figures={r.timeToResolve} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Counts
          title={t("escalations.report.byReason")}
          rows={r.byReason.map((x) => ({ label: labelOf(labels.get(x.reason) ?? {}, x.reason), count: x.count }))}
        />
        <Counts
          title={t("escalations.report.byType")}
          rows={r.byType.map((x) => ({ label: t(`escalations.type.${x.type}`), count: x.count }))}
        />
        <Counts
          title={t("escalations.report.byOutcome")}
          rows={r.byOutcome.map((x) => ({ label: t(`escalations.outcome.${x.outcome}`), count: x.count }))}
        />
      </SimpleGrid>
    </Stack>
  );
}
