import type { Rule } from "@frontline/common";
import { Button, EmptyState, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { IconBolt, IconClockPlay, IconPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys";
import { deleteRule, listRules, reorderRules, updateRule } from "../../api/rules";
import { ConfirmModal } from "../../ui/confirm-modal";
import { notifyError, notifySuccess } from "../../ui/notify";
import { Page } from "../../ui/page";
import { QueryError } from "../../ui/query-error";
import { useMe } from "../auth/use-me";
import { RuleFormModal } from "./rule-form-modal";
import { RuleTable } from "./rule-table";

type Editing = Rule | { kind: Rule["kind"] };

/** Admin → Rules: triggers that act when something happens, automations that act on a schedule. */
export function RulesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = me.role === "admin";
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: queryKeys.rules, queryFn: ({ signal }) => listRules(signal) });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Rule | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function busy(rule: Rule, work: () => Promise<unknown>) {
    setBusyId(rule.id);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: queryKeys.rules });
    } catch (error) {
      notifyError(error);
    } finally {
      setBusyId(null);
    }
  }

  function section(kind: Rule["kind"]) {
    const list = (rules.data ?? []).filter((r) => r.kind === kind);
    const move = (rule: Rule, by: -1 | 1) =>
      busy(rule, () => {
        const ids = list.map((r) => r.id);
        const at = ids.indexOf(rule.id);
        [ids[at], ids[at + by]] = [ids[at + by]!, ids[at]!];
        return reorderRules(kind, ids);
      });
    return (
      <Stack gap="xs" component="section" aria-labelledby={`${kind}-title`}>
        <Group justify="space-between">
          <Group gap="xs">
            {kind === "trigger" ? <IconBolt size={18} aria-hidden /> : <IconClockPlay size={18} aria-hidden />}
            <Title order={2} size="h4" id={`${kind}-title`}>
              {t(kind === "trigger" ? "rules.triggers" : "rules.automations")}
            </Title>
          </Group>
          {canEdit && (
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ kind })}>
              {t(kind === "trigger" ? "rules.addTrigger" : "rules.addAutomation")}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed" maw={760}>
          {t(kind === "trigger" ? "rules.triggersIntro" : "rules.automationsIntro")}
        </Text>
        <Paper withBorder radius="md">
          {list.length === 0 ? (
            <EmptyState p="lg" description={t(kind === "trigger" ? "rules.emptyTriggers" : "rules.emptyAutomations")} />
          ) : (
            <RuleTable
              rules={list}
              canEdit={canEdit}
              busyId={busyId}
              onMove={(rule, by) => void move(rule, by)}
              onToggle={(rule, active) => void busy(rule, () => updateRule(rule.id, { active }))}
              onEdit={setEditing}
              onDelete={setDeleting}
            />
          )}
        </Paper>
      </Stack>
    );
  }

  return (
    <Page title={t("rules.title")}>
      {rules.error && <QueryError error={rules.error} onRetry={() => void rules.refetch()} />}
      {rules.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
      {rules.data && (
        <Stack gap="xl">
          {section("trigger")}
          {section("automation")}
        </Stack>
      )}
      {editing && (
        <RuleFormModal
          key={"id" in editing ? editing.id : editing.kind}
          rule={editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={t("rules.deleteTitle")}
          body={t("rules.deleteBody", { name: deleting.name })}
          confirmLabel={t("rules.deleteConfirm")}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteRule(deleting.id);
            await queryClient.invalidateQueries({ queryKey: queryKeys.rules });
            notifySuccess(t("rules.deleted", { name: deleting.name }));
          }}
        />
      )}
    </Page>
  );
}
