import type { Rule } from "@frontline/common";
import { ActionIcon, Group, Switch, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { RelativeTime } from "../../ui/relative-time";

interface RuleTableProps {
  rules: Rule[];
  canEdit: boolean;
  busyId: string | null;
  onMove: (rule: Rule, by: -1 | 1) => void;
  onToggle: (rule: Rule, active: boolean) => void;
  onEdit: (rule: Rule) => void;
  onDelete: (rule: Rule) => void;
}

/** One kind's rules in the order they act, with what each does and when it last acted. */
export function RuleTable({ rules, canEdit, busyId, onMove, onToggle, onEdit, onDelete }: RuleTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {canEdit && (
              <Table.Th w={72}>
                <VisuallyHidden>{t("rules.order")}</VisuallyHidden>
              </Table.Th>
            )}
            <Table.Th>{t("rules.name")}</Table.Th>
            <Table.Th>{t("rules.when")}</Table.Th>
            <Table.Th>{t("rules.then")}</Table.Th>
            <Table.Th w={170}>{t("rules.lastFired")}</Table.Th>
            <Table.Th w={80}>{t("rules.active")}</Table.Th>
            {canEdit && (
              <Table.Th w={80}>
                <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule, i) => (
            <Table.Tr key={rule.id} data-testid={`rule-${rule.name}`}>
              {canEdit && (
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      disabled={i === 0 || busyId !== null}
                      aria-label={t("rules.moveUp", { name: rule.name })}
                      onClick={() => onMove(rule, -1)}
                    >
                      <IconArrowUp size={14} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      disabled={i === rules.length - 1 || busyId !== null}
                      aria-label={t("rules.moveDown", { name: rule.name })}
                      onClick={() => onMove(rule, 1)}
                    >
                      <IconArrowDown size={14} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              )}
              <Table.Td fw={500}>{rule.name}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {rule.kind === "trigger"
                    ? rule.events.map((e) => t(`rules.eventNames.${e}`)).join(", ")
                    : t("rules.automationWhen")}
                </Text>
                <Text size="xs" c="dimmed">
                  {rule.conditions.all.length + rule.conditions.any.length === 0
                    ? t("rules.always")
                    : t("rules.conditionCount", { count: rule.conditions.all.length + rule.conditions.any.length })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {rule.actions.map((a) => t(`rules.actionTypes.${a.type}`)).join(" · ")}
                </Text>
              </Table.Td>
              <Table.Td>
                {rule.lastFiredAt ? (
                  <>
                    <RelativeTime iso={rule.lastFiredAt} size="sm" />
                    <Text size="xs" c="dimmed">
                      {t("rules.firings", { count: rule.firings30d })}
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("common.never")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Switch
                  checked={rule.active}
                  disabled={!canEdit || busyId === rule.id}
                  onChange={(e) => onToggle(rule, e.currentTarget.checked)}
                  aria-label={t("rules.activeNamed", { name: rule.name })}
                />
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label={t("rules.edit", { name: rule.name })} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t("rules.edit", { name: rule.name })}
                        onClick={() => onEdit(rule)}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t("rules.delete", { name: rule.name })} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t("rules.delete", { name: rule.name })}
                        onClick={() => onDelete(rule)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
