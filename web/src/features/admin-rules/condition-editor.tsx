import { RECENT_TICKETS_DAYS, RULE_FIELDS, type RuleCondition, type RuleField, takesDays } from "@frontline/common";
import { ActionIcon, Button, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { companiesQuery, escalationReasonsQuery, everyoneQuery, teamsQuery } from "../../api/queries";
import { useReasonLabel } from "../escalations/escalation-labels";
import { choicesOf, freshCondition, operatorsOf, valueInputOf, withOperator } from "./rule-drafts";
import { useValueLabel } from "./use-rule-labels";

interface ConditionListProps {
  label: string;
  conditions: RuleCondition[];
  onChange: (next: RuleCondition[]) => void;
  /** Errors by path inside this list: "0.value". */
  errors: Record<string, string>;
}

const FIELDS = Object.keys(RULE_FIELDS) as RuleField[];

/** One list of conditions ("all of" or "any of"): field, operator and value per row. */
export function ConditionList({ label, conditions, onChange, errors }: ConditionListProps) {
  const { t } = useTranslation();
  const set = (i: number, c: RuleCondition) => onChange(conditions.map((x, j) => (j === i ? c : x)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {conditions.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; their place is it.
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <Select
            aria-label={t("rules.field")}
            data={FIELDS.map((f) => ({ value: f, label: t(`rules.fields.${f}`) }))}
            value={c.field}
            onChange={(f) => f && set(i, freshCondition(f as RuleField))}
            allowDeselect={false}
            w={200}
            searchable
          />
          <Select
            aria-label={t("rules.operator")}
            data={operatorsOf(c.field).map((op) => ({ value: op, label: t(`rules.ops.${op}`) }))}
            value={c.op}
            onChange={(op) => op && set(i, withOperator(c, op))}
            allowDeselect={false}
            w={170}
            error={errors[`${i}.op`]}
          />
          <ValueField
            // A new field starts a new input: a searchable select would keep showing the old field's value.
            key={c.field}
            condition={c}
            onChange={(value) => set(i, { ...c, value })}
            error={errors[`${i}.value`]}
          />
          {takesDays(c.field) && (
            <NumberInput
              aria-label={t("rules.days")}
              leftSection={
                <Text size="xs" c="dimmed">
                  {t("rules.inLastDays")}
                </Text>
              }
              leftSectionWidth={72}
              rightSection={
                <Text size="xs" c="dimmed">
                  {t("rules.daysUnit")}
                </Text>
              }
              rightSectionWidth={44}
              value={c.days ?? RECENT_TICKETS_DAYS.default}
              onChange={(v) => set(i, { ...c, days: Number(v) || RECENT_TICKETS_DAYS.default })}
              min={RECENT_TICKETS_DAYS.min}
              max={RECENT_TICKETS_DAYS.max}
              allowDecimal={false}
              w={170}
              error={errors[`${i}.days`]}
            />
          )}
          <ActionIcon
            variant="subtle"
            color="gray"
            mt={4}
            aria-label={t("rules.removeCondition")}
            onClick={() => onChange(conditions.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="xs"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...conditions, freshCondition()])}
        style={{ alignSelf: "start" }}
      >
        {t("rules.addCondition")}
      </Button>
    </Stack>
  );
}

function ValueField({
  condition: c,
  onChange,
  error,
}: {
  condition: RuleCondition;
  onChange: (value: RuleCondition["value"]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const valueLabel = useValueLabel();
  const teams = useQuery(teamsQuery);
  const everyone = useQuery(everyoneQuery);
  const input = valueInputOf(c.field, c.op);
  const companies = useQuery({ ...companiesQuery, enabled: input === "company" });
  const reasons = useQuery({ ...escalationReasonsQuery, enabled: input === "reason" || input === "reasons" });
  const reasonLabel = useReasonLabel();
  const common = { "aria-label": t("rules.value"), error, style: { flex: 1 }, miw: 160 };
  const choices = choicesOf(c.field).map((v) => ({ value: v, label: valueLabel(c.field, v) }));
  switch (input) {
    case "none":
      return <div style={{ flex: 1 }} />;
    case "number":
      return (
        <NumberInput
          {...common}
          value={typeof c.value === "number" ? c.value : 0}
          onChange={(v) => onChange(Number(v) || 0)}
          min={0}
        />
      );
    case "choice":
      return (
        <Select
          {...common}
          data={choices}
          value={typeof c.value === "string" ? c.value : null}
          onChange={(v) => onChange(v ?? "")}
          allowDeselect={false}
        />
      );
    case "choices":
      return (
        <MultiSelect {...common} data={choices} value={Array.isArray(c.value) ? c.value : []} onChange={onChange} />
      );
    case "team":
    case "person":
    case "company":
    case "reason":
    case "reasons": {
      const byInput = {
        team: () => (teams.data ?? []).map((x) => ({ value: x.id, label: x.name })),
        company: () => (companies.data ?? []).map((x) => ({ value: x.id, label: x.name })),
        reason: () => (reasons.data ?? []).map((r) => ({ value: r.code, label: reasonLabel(r.labels, r.code) })),
        person: () => (everyone.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
      };
      const options = byInput[input === "reasons" ? "reason" : input]();
      return c.op === "one_of" || c.op === "none_of" ? (
        <MultiSelect
          {...common}
          data={options}
          value={Array.isArray(c.value) ? c.value : []}
          onChange={onChange}
          searchable
        />
      ) : (
        <Select
          {...common}
          data={options}
          value={typeof c.value === "string" ? c.value : null}
          onChange={(v) => onChange(v ?? "")}
          searchable
        />
      );
    }
    default:
      return (
        <TextInput
          {...common}
          value={typeof c.value === "string" ? c.value : ""}
          onChange={(e) => onChange(e.currentTarget.value)}
          dir="auto"
        />
      );
  }
}
