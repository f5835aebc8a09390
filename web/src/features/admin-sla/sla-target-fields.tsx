import type { SlaTargetName } from "@frontline/common";
import { Group, Input, NumberInput, Paper, SegmentedControl, Select, Stack, Switch } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DurationMode, TargetDraft } from "./sla-policy-form";

interface TargetFieldsProps {
  name: SlaTargetName;
  draft: TargetDraft;
  onChange: (draft: TargetDraft) => void;
  error: string | undefined;
}

/** One target of a policy: on or off, how long (hours and minutes, or days), and which clock counts it. */
export function TargetFields({ name, draft, onChange, error }: TargetFieldsProps) {
  const { t } = useTranslation();
  const target = t(`sla.target.${name}`);
  const change = (patch: Partial<TargetDraft>) => onChange({ ...draft, ...patch });
  const errorId = `sla-target-${name}-error`;
  const described = error ? { "aria-describedby": errorId, "aria-invalid": true } : {};

  return (
    <Paper withBorder radius="sm" p="sm" role="group" aria-label={target} data-testid={`target-${name}`}>
      <Stack gap="xs">
        <Switch label={target} fw={500} checked={draft.on} onChange={(e) => change({ on: e.currentTarget.checked })} />
        {draft.on && (
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t("sla.form.entered")}
              aria-label={t("sla.form.mode", { target })}
              data={[
                { value: "hours", label: t("sla.form.modeHours") },
                { value: "days", label: t("sla.form.modeDays") },
              ]}
              value={draft.mode}
              onChange={(mode) => mode && change({ mode: mode as DurationMode })}
              allowDeselect={false}
              w={190}
              comboboxProps={{ withinPortal: true }}
            />
            {draft.mode === "hours" ? (
              <>
                <NumberInput
                  label={t("sla.form.hours")}
                  aria-label={t("sla.form.hoursOf", { target })}
                  value={draft.hours}
                  onChange={(hours) => change({ hours })}
                  min={0}
                  max={8760}
                  allowDecimal={false}
                  allowNegative={false}
                  w={96}
                  {...described}
                />
                <NumberInput
                  label={t("sla.form.minutes")}
                  aria-label={t("sla.form.minutesOf", { target })}
                  value={draft.minutes}
                  onChange={(minutes) => change({ minutes })}
                  min={0}
                  max={59}
                  allowDecimal={false}
                  allowNegative={false}
                  w={96}
                  {...described}
                />
              </>
            ) : (
              <NumberInput
                label={t("sla.form.days")}
                aria-label={t("sla.form.daysOf", { target })}
                value={draft.days}
                onChange={(days) => change({ days })}
                min={1}
                max={365}
                allowDecimal={false}
                allowNegative={false}
                w={96}
                {...described}
              />
            )}
            <Stack gap={4}>
              <Input.Label component="span" size="sm">
                {t("sla.form.counted")}
              </Input.Label>
              <SegmentedControl
                aria-label={t("sla.form.basis", { target })}
                data={[
                  { value: "business", label: t("sla.form.business") },
                  { value: "calendar", label: t("sla.form.calendarTime") },
                ]}
                value={draft.businessTime ? "business" : "calendar"}
                onChange={(basis) => change({ businessTime: basis === "business" })}
              />
            </Stack>
          </Group>
        )}
        {error && <Input.Error id={errorId}>{error}</Input.Error>}
      </Stack>
    </Paper>
  );
}
