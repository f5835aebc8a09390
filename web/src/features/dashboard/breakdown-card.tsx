import type { BreakdownRow, MetricDimension } from "@frontline/common";
import { Select } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Query } from "../../api/client";
import { metricsBreakdown } from "../../api/metrics";
import { queryKeys } from "../../api/query-keys";
import { AGENT_COLUMNS, GROUP_COLUMNS } from "./breakdown-columns";
import { BreakdownTable } from "./breakdown-table";
import { DashboardCard, Loaded, NoData } from "./dashboard-card";
import { ExportMenu } from "./export-menu";
import { REFRESH_MS } from "./refresh";
import { useBreakdownName } from "./use-breakdown-name";

interface BreakdownCardProps {
  title: string;
  by: MetricDimension;
  filter: Query;
  /** Narrows the dashboard to a row (that agent, that team, that channel…). */
  onChoose: (by: MetricDimension, row: BreakdownRow) => void;
  /** The dimensions a switch offers; none for a table of one dimension. */
  dimensions?: MetricDimension[];
  onDimension?: (by: MetricDimension) => void;
  testId: string;
}

/** A sortable table of the period's figures per agent, team or other dimension, with its export. */
export function BreakdownCard({ title, by, filter, onChoose, dimensions, onDimension, testId }: BreakdownCardProps) {
  const { t } = useTranslation();
  const nameOf = useBreakdownName(by);
  const query = { ...filter, by };
  const breakdown = useQuery({
    queryKey: queryKeys.metrics.of("breakdown", query),
    queryFn: ({ signal }) => metricsBreakdown(filter, by, signal),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  const dimensionLabel = t(`dashboard.table.dimension.${by}`);
  return (
    <DashboardCard
      title={title}
      testId={testId}
      actions={
        <>
          {dimensions && onDimension && (
            <Select
              size="xs"
              aria-label={t("dashboard.table.by")}
              data={dimensions.map((d) => ({ value: d, label: t(`dashboard.table.dimension.${d}`) }))}
              value={by}
              onChange={(v) => v && onDimension(v as MetricDimension)}
              allowDeselect={false}
              w={150}
              data-testid="breakdown-dimension"
            />
          )}
          <ExportMenu dataset="breakdown" query={query} what={title} />
        </>
      }
    >
      <Loaded query={breakdown} skeletonHeight={160}>
        {(data) =>
          data.rows.length === 0 ? (
            <NoData text={t("dashboard.empty")} height={80} />
          ) : (
            <BreakdownTable
              rows={data.rows}
              columns={by === "agent" ? AGENT_COLUMNS : GROUP_COLUMNS}
              nameOf={nameOf}
              nameLabel={dimensionLabel}
              onChoose={(row) => onChoose(by, row)}
              testId={`${testId}-table`}
            />
          )
        }
      </Loaded>
    </DashboardCard>
  );
}
