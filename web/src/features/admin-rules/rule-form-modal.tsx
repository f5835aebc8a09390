import {
  createRuleInput,
  RULE_EVENTS,
  type Rule,
  type RuleAction,
  type RuleCondition,
  type RuleEvent,
} from "@frontline/common";
import { Divider, MultiSelect, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/api-error";
import { queryKeys } from "../../api/query-keys";
import { createRule, updateRule } from "../../api/rules";
import { AppModal } from "../../ui/app-modal";
import { FormActions } from "../../ui/form-actions";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { ActionList } from "./action-editor";
import { ConditionList } from "./condition-editor";
import { errorsByPath, freshAction } from "./rule-drafts";

interface Draft {
  name: string;
  active: boolean;
  events: RuleEvent[];
  all: RuleCondition[];
  any: RuleCondition[];
  actions: RuleAction[];
}

interface RuleFormModalProps {
  /** A rule to edit, or the kind of a new one. */
  rule: Rule | { kind: Rule["kind"] };
  onClose: () => void;
}

const draftOf = (rule: RuleFormModalProps["rule"]): Draft =>
  "id" in rule
    ? {
        name: rule.name,
        active: rule.active,
        events: rule.events,
        all: rule.conditions.all,
        any: rule.conditions.any,
        actions: rule.actions,
      }
    : {
        name: "",
        active: true,
        events: rule.kind === "trigger" ? ["ticket.created"] : [],
        all: [],
        any: [],
        actions: [freshAction("add_tags")],
      };

/** The errors of one part of the rule ("conditions.all"), by the path inside it. */
function within(errors: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === prefix) out[""] = message;
    else if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
  }
  return out;
}

/** Create or edit a trigger or an automation: when it runs, its conditions, its actions. */
export function RuleFormModal({ rule, onClose }: RuleFormModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const kind = rule.kind;
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      kind,
      name: draft.name,
      active: draft.active,
      ...(kind === "trigger" ? { events: draft.events } : {}),
      conditions: { all: draft.all, any: draft.any },
      actions: draft.actions,
    };
    const checked = createRuleInput.safeParse(input);
    if (!checked.success) {
      setErrors(
        errorsByPath(checked.error.issues, (issue) =>
          issue.code === "too_small" ? t("validation.required") : t("validation.invalid"),
        ),
      );
      return;
    }
    setErrors({});
    setFailure(null);
    setPending(true);
    try {
      const { kind: _k, ...changes } = checked.data;
      const saved = "id" in rule ? await updateRule(rule.id, changes) : await createRule(checked.data);
      await queryClient.invalidateQueries({ queryKey: queryKeys.rules });
      notifySuccess(t("rules.saved", { name: saved.name }));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.hasFieldErrors) {
        setErrors(Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, v.join(" ")])));
      } else setFailure(error);
    } finally {
      setPending(false);
    }
  }

  const title =
    "id" in rule ? t("rules.editTitle") : t(kind === "trigger" ? "rules.newTrigger" : "rules.newAutomation");
  return (
    <AppModal opened onClose={onClose} title={title} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={failure} />
          <TextInput
            label={t("rules.name")}
            required
            value={draft.name}
            onChange={(e) => set("name", e.currentTarget.value)}
            error={errors.name}
          />
          <Switch
            label={t("rules.active")}
            checked={draft.active}
            onChange={(e) => set("active", e.currentTarget.checked)}
          />
          {kind === "trigger" ? (
            <MultiSelect
              label={t("rules.events")}
              data={RULE_EVENTS.map((e) => ({ value: e, label: t(`rules.eventNames.${e}`) }))}
              value={draft.events}
              onChange={(v) => set("events", v as RuleEvent[])}
              error={errors.events ?? errors["events.0"]}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t("rules.automationWhen")}
            </Text>
          )}
          <Divider label={t("rules.if")} labelPosition="left" />
          <ConditionList
            label={t("rules.allOf")}
            conditions={draft.all}
            onChange={(v) => set("all", v)}
            errors={within(errors, "conditions.all")}
          />
          <ConditionList
            label={t("rules.anyOf")}
            conditions={draft.any}
            onChange={(v) => set("any", v)}
            errors={within(errors, "conditions.any")}
          />
          {draft.all.length + draft.any.length === 0 && (
            <Text size="xs" c="dimmed">
              {t(kind === "trigger" ? "rules.noConditions" : "rules.noConditionsAutomation")}
            </Text>
          )}
          <Divider label={t("rules.then")} labelPosition="left" />
          <ActionList actions={draft.actions} onChange={(v) => set("actions", v)} errors={within(errors, "actions")} />
          <FormActions onCancel={onClose} pending={pending} />
        </Stack>
      </form>
    </AppModal>
  );
}
