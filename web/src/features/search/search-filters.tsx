import { SEARCH_TYPES, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from "@frontline/common";
import { Button, Group, MultiSelect } from "@mantine/core";
import { IconFilterOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { splitCsv } from "../inbox/views";
import type { SearchFilterKey, SearchPageSearch } from "./search-params";

const csv = (values: string[]) => (values.length > 0 ? values.join(",") : undefined);

interface SearchFiltersProps {
  search: SearchPageSearch;
  onChange: (patch: Partial<SearchPageSearch>) => void;
}

/** What to look for and which tickets; each choice goes to the address bar with the words. */
export function SearchFilters({ search, onChange }: SearchFiltersProps) {
  const { t } = useTranslation();
  const filters: { key: SearchFilterKey; label: string; data: { value: string; label: string }[]; w: number }[] = [
    {
      key: "type",
      label: t("search.typeFilter"),
      data: SEARCH_TYPES.map((type) => ({ value: type, label: t(`search.types.${type}`) })),
      w: 220,
    },
    {
      key: "status",
      label: t("inbox.filters.status"),
      data: TICKET_STATUSES.map((s) => ({ value: s, label: t(`tickets.status.${s}`) })),
      w: 200,
    },
    {
      key: "priority",
      label: t("inbox.filters.priority"),
      data: TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) })),
      w: 180,
    },
    {
      key: "channel",
      label: t("inbox.filters.channel"),
      data: TICKET_CHANNELS.map((c) => ({ value: c, label: t(`tickets.channel.${c}`) })),
      w: 180,
    },
  ];
  const anySet = filters.some((filter) => search[filter.key] !== undefined);

  return (
    <Group gap="xs" wrap="wrap" align="flex-end">
      {filters.map((filter) => (
        <MultiSelect
          key={filter.key}
          aria-label={filter.label}
          placeholder={search[filter.key] ? undefined : filter.label}
          data={filter.data}
          value={splitCsv(search[filter.key])}
          onChange={(v) => onChange({ [filter.key]: csv(v) })}
          clearable
          w={filter.w}
        />
      ))}
      {anySet && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => onChange({ type: undefined, status: undefined, priority: undefined, channel: undefined })}
        >
          {t("inbox.filters.clear")}
        </Button>
      )}
    </Group>
  );
}
