import { NOTIFY_GROUPS, PLACEHOLDERS, type RuleAction, roleAtLeast } from "@frontline/common";
import { Select, Stack, Text, Textarea } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { escalationReasonsQuery, everyoneQuery } from "../../api/queries";
import { useReasonLabel } from "../escalations/escalation-labels";

const NOBODY = "__nobody__";

interface FieldsProps<A> {
  action: A;
  onChange: (a: RuleAction) => void;
  errors: Record<string, string>;
  index: number;
}

function PlaceholderHint() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" dir="ltr" ta="start">
      {t("rules.placeholders", { list: PLACEHOLDERS.map((p) => `{{${p}}}`).join(" ") })}
    </Text>
  );
}

/** An automatic escalation: one of the organisation's active reasons, a note, and optionally a supervisor by name. */
export function EscalateFields({
  action: a,
  onChange,
  errors,
  index,
}: FieldsProps<Extract<RuleAction, { type: "escalate" }>>) {
  const { t } = useTranslation();
  const reasons = useQuery(escalationReasonsQuery);
  const everyone = useQuery(everyoneQuery);
  const labelOf = useReasonLabel();
  const reasonOptions = (reasons.data ?? [])
    .filter((r) => r.active || r.code === a.reason)
    .map((r) => ({ value: r.code, label: labelOf(r.labels, r.code) }));
  const handlers = (everyone.data ?? [])
    .filter((u) => u.active && roleAtLeast(u.role, "supervisor"))
    .map((u) => ({ value: u.id, label: `${u.name} · ${t(`roles.${u.role}`)}` }));
  return (
    <Stack gap={6} style={{ flex: 1 }}>
      <Select
        aria-label={t("rules.escalateReason")}
        placeholder={t("rules.escalateReason")}
        data={reasonOptions}
        value={a.reason || null}
        onChange={(v) => onChange({ ...a, reason: v ?? "" })}
        error={errors[`${index}.reason`]}
        searchable
      />
      <Select
        aria-label={t("rules.escalateTo")}
        data={[{ value: NOBODY, label: t("escalations.toUserPlaceholder") }, ...handlers]}
        value={a.toUserId ?? NOBODY}
        onChange={(v) => {
          const { toUserId: _drop, ...rest } = a;
          onChange(!v || v === NOBODY ? rest : { ...rest, toUserId: v });
        }}
        error={errors[`${index}.toUserId`]}
        allowDeselect={false}
        searchable
      />
      <Textarea
        aria-label={t("rules.escalateNote")}
        placeholder={t("rules.escalateNote")}
        autosize
        minRows={1}
        maxRows={6}
        value={a.note ?? ""}
        onChange={(e) => {
          const { note: _drop, ...rest } = a;
          const note = e.currentTarget.value;
          onChange(note.trim() ? { ...rest, note } : rest);
        }}
        error={errors[`${index}.note`]}
        styles={{ input: { unicodeBidi: "plaintext" } }}
      />
      <PlaceholderHint />
    </Stack>
  );
}

/** A notice in colleagues' bells: the assignee, the ticket's team, every supervisor and above, or one person. */
export function NotifyFields({
  action: a,
  onChange,
  errors,
  index,
}: FieldsProps<Extract<RuleAction, { type: "notify" }>>) {
  const { t } = useTranslation();
  const everyone = useQuery(everyoneQuery);
  const groups = NOTIFY_GROUPS.map((g) => ({ value: g, label: t(`rules.notifyTo.${g}`) }));
  const people = (everyone.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Stack gap={6} style={{ flex: 1 }}>
      <Select
        aria-label={t("rules.notifyRecipient")}
        data={[
          { group: t("rules.notifyGroups"), items: groups },
          { group: t("rules.notifyPeople"), items: people },
        ]}
        value={a.to}
        onChange={(v) => v && onChange({ ...a, to: v })}
        error={errors[`${index}.to`]}
        allowDeselect={false}
        searchable
      />
      <Textarea
        aria-label={t("rules.notifyText")}
        placeholder={t("rules.notifyText")}
        autosize
        minRows={2}
        maxRows={6}
        value={a.text}
        onChange={(e) => onChange({ ...a, text: e.currentTarget.value })}
        error={errors[`${index}.text`]}
        styles={{ input: { unicodeBidi: "plaintext" } }}
      />
      <PlaceholderHint />
    </Stack>
  );
}
