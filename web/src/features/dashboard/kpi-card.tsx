import { Group, Paper, Stack, Text } from "@mantine/core";
import { IconListDetails } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface KpiCardProps {
  label: string;
  value: string;
  /** The change against the previous period, if the figure has one. */
  badge?: ReactNode;
  /** Smaller figures under the main one, e.g. "p90 3 hr". */
  details?: { label: string; value: string }[];
  /** Opens the tickets behind the number. */
  onOpen?: () => void;
  testId: string;
}

/** One figure of the period; a card that counts tickets is a button that lists them. */
export function KpiCard({ label, value, badge, details, onOpen, testId }: KpiCardProps) {
  const { t } = useTranslation();
  const body = (
    <Stack gap={4}>
      <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" lineClamp={2}>
          {label}
        </Text>
        {onOpen && <IconListDetails size={14} aria-hidden style={{ flexShrink: 0, opacity: 0.6 }} />}
      </Group>
      <Group gap={6} wrap="wrap" justify="space-between" align="center">
        <Text fw={700} fz={22} lh={1.2} data-testid="kpi-value" style={{ whiteSpace: "nowrap" }}>
          {value}
        </Text>
        {badge}
      </Group>
      {details && details.length > 0 && (
        <Group gap="sm" wrap="wrap">
          {details.map((d) => (
            <Text key={d.label} size="xs" c="dimmed">
              {d.label}{" "}
              <Text span size="xs" fw={600} c="var(--mantine-color-text)">
                {d.value}
              </Text>
            </Text>
          ))}
        </Group>
      )}
    </Stack>
  );
  if (!onOpen) {
    return (
      <Paper withBorder radius="md" p="sm" data-testid={testId}>
        {body}
      </Paper>
    );
  }
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="button"
      type="button"
      onClick={onOpen}
      aria-label={t("dashboard.showTickets", { figure: `${label}: ${value}` })}
      data-testid={testId}
      style={{ textAlign: "start", cursor: "pointer", width: "100%", font: "inherit", color: "inherit" }}
    >
      {body}
    </Paper>
  );
}
