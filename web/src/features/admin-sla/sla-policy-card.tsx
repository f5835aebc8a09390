import type { SlaPolicy } from "@frontline/common";
import { ActionIcon, Badge, Group, List, Menu, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconDots, IconPencil, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { type ConditionNames, conditionSummaries, targetSummaries, timingSummaries } from "./sla-summary";

interface SlaPolicyCardProps {
  policy: SlaPolicy;
  /** Where it stands in the order, from 0. */
  index: number;
  count: number;
  names: ConditionNames;
  /** The name of the policy's own calendar, when it has one. */
  calendarName: string | undefined;
  /** A reorder is on its way: the arrows wait for it. */
  moving: boolean;
  onMove: (step: -1 | 1) => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** One policy in words: its place in the order, which tickets it covers, what it promises, and when clocks stop. */
export function SlaPolicyCard(props: SlaPolicyCardProps) {
  const { policy, index, count, names, calendarName, moving, onMove, onEdit, onDelete } = props;
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const titleId = `sla-policy-${policy.id}`;
  const countsBusinessTime = Object.values(policy.targets).some((target) => target?.businessTime);
  const heading = (label: string) => (
    <Text size="xs" fw={600} c="dimmed" tt="uppercase">
      {label}
    </Text>
  );

  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={titleId} data-testid="sla-policy">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="nowrap" align="flex-start" miw={0}>
            <Badge
              size="lg"
              variant="light"
              color="gray"
              circle
              aria-label={t("sla.position", { n: index + 1 })}
              data-testid="sla-position"
            >
              {index + 1}
            </Badge>
            <Stack gap={2} miw={0}>
              <Group gap="xs" wrap="nowrap">
                <Title order={2} size="h5" id={titleId} lineClamp={1} dir="auto">
                  {policy.name}
                </Title>
                {!policy.active && (
                  <Badge size="sm" variant="outline" color="gray" miw="max-content">
                    {t("sla.off")}
                  </Badge>
                )}
              </Group>
              {countsBusinessTime && (
                <Text size="sm" c="dimmed">
                  {calendarName
                    ? t("sla.summary.calendarNamed", { name: calendarName })
                    : t("sla.summary.calendarOfTicket")}
                </Text>
              )}
            </Stack>
          </Group>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t("sla.moveUp", { name: policy.name })}
              disabled={index === 0 || moving}
              onClick={() => onMove(-1)}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t("sla.moveDown", { name: policy.name })}
              disabled={index === count - 1 || moving}
              onClick={() => onMove(1)}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={t("sla.actionsFor", { name: policy.name })}>
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
                  {t("sla.edit")}
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
                  {t("sla.delete")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Stack gap={4}>
            {heading(t("sla.appliesTo"))}
            <List size="sm" spacing={2} data-testid="sla-conditions">
              {conditionSummaries(policy, names, locale, t).map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Stack>
          <Stack gap={4}>
            {heading(t("sla.targets"))}
            <List size="sm" spacing={2} data-testid="sla-targets">
              {targetSummaries(policy, locale, t).map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Stack>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {timingSummaries(policy, locale, t).join(" · ")}
        </Text>
      </Stack>
    </Paper>
  );
}
