import { Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../ui/query-error";

interface DashboardCardProps {
  title: string;
  /** Switches and menus beside the title. */
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** One titled panel of the dashboard: a chart, a list or a table. */
export function DashboardCard({ title, actions, children, testId }: DashboardCardProps) {
  const id = `dashboard-${testId ?? title}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id} data-testid={testId} miw={0}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h5" id={id}>
            {title}
          </Title>
          {actions && (
            <Group gap="xs" wrap="wrap">
              {actions}
            </Group>
          )}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

interface LoadedProps<T> {
  query: UseQueryResult<T>;
  /** What stands in while the first answer is on its way. */
  skeletonHeight: number;
  children: (data: T) => ReactNode;
  /** A failure worth its own words (e.g. too many points); others go to the shared error. */
  renderError?: (error: unknown) => ReactNode | null;
}

/** A query's content once loaded, a skeleton until then, and the shared error with a retry. */
export function Loaded<T>({ query, skeletonHeight, children, renderError }: LoadedProps<T>) {
  if (query.error) {
    return renderError?.(query.error) ?? <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.data === undefined) return <Skeleton h={skeletonHeight} radius="sm" />;
  return <>{children(query.data)}</>;
}

/** Said where a chart or list would be when the period holds nothing for it. */
export function NoData({ text, height }: { text?: string; height?: number }) {
  const { t } = useTranslation();
  return (
    <Stack h={height} justify="center" align="center">
      <Text size="sm" c="dimmed" ta="center" data-testid="no-data">
        {text ?? t("dashboard.noData")}
      </Text>
    </Stack>
  );
}
