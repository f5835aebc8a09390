import type { EscalationReason } from "@frontline/common";
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { escalationReasonsQuery } from "../../api/queries";
import { Page } from "../../ui/page";
import { QueryError } from "../../ui/query-error";
import { useReasonLabel } from "../escalations/escalation-labels";
import { PhrasesPanel } from "./phrases-panel";
import { ReasonFormModal } from "./reason-form-modal";

function ReasonsTable({ reasons, onEdit }: { reasons: EscalationReason[]; onEdit: (r: EscalationReason) => void }) {
  const { t } = useTranslation();
  const labelOf = useReasonLabel();
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover data-testid="reasons-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("escalationSettings.label")}</Table.Th>
              <Table.Th>{t("escalationSettings.code")}</Table.Th>
              <Table.Th w={110}>{t("common.status")}</Table.Th>
              <Table.Th w={110} />
              <Table.Th w={48}>
                <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reasons.map((r) => {
              const name = labelOf(r.labels, r.code);
              return (
                <Table.Tr key={r.code}>
                  <Table.Td fw={500} c={r.active ? undefined : "dimmed"}>
                    {name}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" ff="monospace" dir="ltr">
                      {r.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="dot" color={r.active ? "teal" : "gray"} miw="max-content">
                      {r.active ? t("escalationSettings.active") : t("escalationSettings.retired")}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {r.builtIn ? t("escalationSettings.builtIn") : t("escalationSettings.custom")}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={t("escalationSettings.editNamed", { name })} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t("escalationSettings.editNamed", { name })}
                        onClick={() => onEdit(r)}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Admin → Escalations: the reasons agents pick from, and the phrases that ask for a supervisor. */
export function EscalationSettingsPage() {
  const { t } = useTranslation();
  const reasons = useQuery(escalationReasonsQuery);
  // `undefined`: closed; `null`: adding; a reason: editing it.
  const [editing, setEditing] = useState<EscalationReason | null | undefined>(undefined);
  return (
    <Page title={t("escalationSettings.title")}>
      <Stack gap="xl">
        <Stack gap="sm" component="section">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Stack gap={2}>
              <Title order={2} size="h4">
                {t("escalationSettings.reasons")}
              </Title>
              <Text size="sm" c="dimmed">
                {t("escalationSettings.reasonsIntro")}
              </Text>
            </Stack>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
              {t("escalationSettings.add")}
            </Button>
          </Group>
          {reasons.error && <QueryError error={reasons.error} onRetry={() => void reasons.refetch()} />}
          {reasons.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
          {reasons.data && <ReasonsTable reasons={reasons.data} onEdit={setEditing} />}
        </Stack>
        <Stack gap="sm" component="section">
          <Title order={2} size="h4">
            {t("escalationSettings.phrases")}
          </Title>
          <PhrasesPanel />
        </Stack>
      </Stack>
      {editing !== undefined && (
        <ReasonFormModal key={editing?.code ?? "new"} reason={editing} onClose={() => setEditing(undefined)} />
      )}
    </Page>
  );
}
