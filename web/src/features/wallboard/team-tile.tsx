import type { WallboardTeam } from "@frontline/common";
import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { IconArrowBigUpLines } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../ui/use-formatters";
import { formatWait, waitedSince } from "./wait-time";

/** One big figure with its label (and what it counts, on hover); `tone` colours it when it calls for attention. */
export function Figure({
  label,
  hint,
  value,
  tone,
  testId,
  big,
}: {
  label: string;
  hint?: string;
  value: ReactNode;
  tone?: "orange" | "red" | undefined;
  testId?: string;
  big: boolean;
}) {
  const caption = (
    <Text size={big ? "lg" : "xs"} c="dimmed" fw={500} style={{ whiteSpace: "nowrap" }}>
      {label}
    </Text>
  );
  return (
    <Stack gap={0} data-testid={testId} data-tone={tone ?? "none"}>
      {hint ? (
        <Tooltip label={hint} multiline maw={280} withArrow>
          {caption}
        </Tooltip>
      ) : (
        caption
      )}
      <Text
        fz={big ? 64 : 28}
        fw={700}
        lh={1.15}
        c={tone}
        data-testid={testId ? `${testId}-value` : undefined}
        style={{ fontVariantNumeric: "tabular-nums" }}
      >
        {value}
      </Text>
    </Stack>
  );
}

/** A team's queue at a glance: what waits and for how long, what is about to be missed, what was. */
export function TeamTile({
  team,
  receivedAt,
  now,
  big,
}: {
  team: WallboardTeam;
  receivedAt: number;
  now: number;
  big: boolean;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const wait = (s: number | null) => (s === null ? "—" : formatWait(waitedSince(s, receivedAt, now), i18n.language));
  return (
    <Paper withBorder radius="md" p={big ? "lg" : "md"} data-testid="wallboard-team" data-team={team.name}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={2} size={big ? "h2" : "h4"}>
            {team.name}
          </Title>
          {team.escalationsWaiting > 0 && (
            <Badge
              color="grape"
              variant="light"
              size={big ? "xl" : "md"}
              leftSection={<IconArrowBigUpLines size={14} aria-hidden />}
            >
              {t("wallboard.escalationsBadge", { count: team.escalationsWaiting })}
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Figure big={big} label={t("wallboard.waiting")} value={format.number(team.waiting)} testId="team-waiting" />
          <Figure
            big={big}
            label={t("wallboard.oldestWait")}
            value={wait(team.oldestWaitSeconds)}
            testId="team-oldest"
          />
          <Figure
            big={big}
            label={t("wallboard.atRisk")}
            hint={t("wallboard.atRiskHint")}
            value={format.number(team.atRiskNextHour)}
            tone={team.atRiskNextHour > 0 ? "orange" : undefined}
            testId="team-at-risk"
          />
          <Figure
            big={big}
            label={t("wallboard.breached")}
            hint={t("wallboard.breachedHint")}
            value={format.number(team.breached)}
            tone={team.breached > 0 ? "red" : undefined}
            testId="team-breached"
          />
        </SimpleGrid>
        {team.channels.length > 0 && (
          <Table verticalSpacing={4} fz={big ? "md" : "sm"} aria-label={t("wallboard.byChannel", { team: team.name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("wallboard.channel")}</Table.Th>
                <Table.Th ta="end">{t("wallboard.waiting")}</Table.Th>
                <Table.Th ta="end">{t("wallboard.oldestWait")}</Table.Th>
                <Table.Th ta="end">{t("wallboard.atRisk")}</Table.Th>
                <Table.Th ta="end">{t("wallboard.breached")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody style={{ whiteSpace: "nowrap" }}>
              {team.channels.map((c) => (
                <Table.Tr key={c.channel} data-testid="team-channel" data-channel={c.channel}>
                  <Table.Td>{t(`tickets.channel.${c.channel}`)}</Table.Td>
                  <Table.Td ta="end">{format.number(c.waiting)}</Table.Td>
                  <Table.Td ta="end" style={{ fontVariantNumeric: "tabular-nums" }}>
                    {wait(c.oldestWaitSeconds)}
                  </Table.Td>
                  <Table.Td ta="end" c={c.atRiskNextHour > 0 ? "orange" : undefined}>
                    {format.number(c.atRiskNextHour)}
                  </Table.Td>
                  <Table.Td ta="end" c={c.breached > 0 ? "red" : undefined}>
                    {format.number(c.breached)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
