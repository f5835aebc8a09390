import { Group, Select, TextInput } from "@mantine/core";
import { IconCalendar } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../ui/use-formatters";
import type { DashboardSearch } from "./dashboard-search";
import { PERIOD_PRESETS, type PeriodPreset, rangeOf, validRange } from "./period";

interface PeriodPickerProps {
  preset: PeriodPreset;
  search: DashboardSearch;
  onChange: (patch: Partial<DashboardSearch>) => void;
}

/**
 * The period: a preset, or a custom range of two days. A switch to "custom" starts from the days
 * the previous preset covered; the range reaches the address bar only once it is valid.
 */
export function PeriodPicker({ preset, search, onChange }: PeriodPickerProps) {
  const { t } = useTranslation();
  const { timeZone } = useFormatters();
  const [from, setFrom] = useState(search.from ?? "");
  const [to, setTo] = useState(search.to ?? "");
  useEffect(() => {
    setFrom(search.from ?? "");
    setTo(search.to ?? "");
  }, [search.from, search.to]);
  const invalid = preset === "custom" && from !== "" && to !== "" && !validRange({ from, to });

  function choose(next: PeriodPreset) {
    if (next === "custom") {
      const range = rangeOf(preset, timeZone, Date.now());
      onChange({ period: "custom", from: range.from, to: range.to, interval: undefined });
    } else {
      onChange({ period: next, from: undefined, to: undefined, interval: undefined });
    }
  }

  function commit(nextFrom: string, nextTo: string) {
    if (validRange({ from: nextFrom, to: nextTo }))
      onChange({ period: "custom", from: nextFrom, to: nextTo, interval: undefined });
  }

  return (
    <Group gap="xs" wrap="wrap" align="flex-start">
      <Select
        aria-label={t("dashboard.period.label")}
        leftSection={<IconCalendar size={16} aria-hidden />}
        data={PERIOD_PRESETS.map((p) => ({ value: p, label: t(`dashboard.period.${p}`) }))}
        value={preset}
        onChange={(v) => v && choose(v as PeriodPreset)}
        allowDeselect={false}
        w={190}
        data-testid="period"
      />
      {preset === "custom" && (
        <>
          <TextInput
            type="date"
            aria-label={t("dashboard.period.from")}
            value={from}
            max={to || undefined}
            onChange={(e) => {
              setFrom(e.currentTarget.value);
              commit(e.currentTarget.value, to);
            }}
            error={invalid ? t("dashboard.period.invalid") : undefined}
            w={160}
          />
          <TextInput
            type="date"
            aria-label={t("dashboard.period.to")}
            value={to}
            min={from || undefined}
            onChange={(e) => {
              setTo(e.currentTarget.value);
              commit(from, e.currentTarget.value);
            }}
            w={160}
          />
        </>
      )}
    </Group>
  );
}
