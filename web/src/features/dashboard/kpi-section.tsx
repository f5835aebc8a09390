import type { DrillSet, MetricsSummary } from "@frontline/common";
import { SimpleGrid, Skeleton, Stack, Title } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../ui/query-error";
import { useFormatters } from "../../ui/use-formatters";
import { DeltaBadge } from "./delta-badge";
import { deltaOf } from "./deltas";
import { KpiCard } from "./kpi-card";
import { backlogDetails, changeKindOf, KPI_GROUPS, type KpiDetail } from "./kpi-definitions";
import { useFigureFormat } from "./use-figure-format";

const GRID = { base: 2, md: 4 } as const;

interface KpiSectionProps {
  summary: UseQueryResult<MetricsSummary>;
  /** Opens the tickets behind a card's number. */
  onDrill: (set: DrillSet, figure: string) => void;
}

/** The period's figures as cards in four groups, each against the previous period. */
export function KpiSection({ summary, onDrill }: KpiSectionProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const write = useFigureFormat();
  if (summary.error) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  const detailsOf = (list: KpiDetail[]) =>
    list.map((d) => ({
      label: t(`dashboard.detail.${d.label}` as "dashboard.detail.p90"),
      value: write(d.format, d.value),
    }));

  return (
    <Stack gap="md">
      {KPI_GROUPS.map((group) => (
        <Stack key={group.id} gap="xs" component="section" aria-labelledby={`kpi-${group.id}`}>
          <Title order={2} size="h6" c="dimmed" id={`kpi-${group.id}`}>
            {t(`dashboard.groups.${group.id}` as "dashboard.groups.volume")}
          </Title>
          <SimpleGrid cols={GRID} spacing="xs">
            {group.cards.map((card) => {
              const label = t(`dashboard.kpi.${card.id}` as "dashboard.kpi.created");
              if (!s) return <Skeleton key={card.id} h={92} radius="md" />;
              const now = card.value(s);
              const before = card.value(s.previous);
              const delta = deltaOf(now, before, card.better, changeKindOf(card.format));
              const value = write(card.format, now);
              return (
                <KpiCard
                  key={card.id}
                  testId={`kpi-${card.id}`}
                  label={label}
                  value={value}
                  badge={
                    delta && (
                      <DeltaBadge
                        delta={delta}
                        format={card.format}
                        previous={write(card.format, before)}
                        previousRange={f.dateRange(s.previous.from, s.previous.to)}
                      />
                    )
                  }
                  details={card.details ? detailsOf(card.details(s)) : undefined}
                  onOpen={card.drill ? () => onDrill(card.drill!, label) : undefined}
                />
              );
            })}
            {group.id === "volume" &&
              (s ? (
                <KpiCard
                  testId="kpi-backlog"
                  label={t("dashboard.kpi.backlog")}
                  value={write("count", s.backlog.open)}
                  details={detailsOf(backlogDetails(s.backlog))}
                  onOpen={() => onDrill("backlog", t("dashboard.kpi.backlog"))}
                />
              ) : (
                <Skeleton h={92} radius="md" />
              ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}
