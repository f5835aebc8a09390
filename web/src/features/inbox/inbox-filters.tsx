import {
  type Team,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  type TicketSort,
  type User,
} from "@frontline/common";
import { Badge, Button, Chip, Collapse, Group, MultiSelect, Select, Stack, TextInput } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconFilter, IconFilterOff, IconTag } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { RequesterFilter } from "./requester-filter";
import { activeFilterCount, type InboxSearch, normaliseTag, splitCsv } from "./views";

interface InboxFiltersProps {
  search: InboxSearch;
  onChange: (patch: Partial<InboxSearch>) => void;
  users: User[];
  teams: Team[];
}

const csv = (values: string[]) => (values.length > 0 ? values.join(",") : undefined);

/** Filters and sort; every choice goes to the address bar, so a filtered inbox can be bookmarked or shared. */
export function InboxFilters({ search, onChange, users, teams }: InboxFiltersProps) {
  const { t } = useTranslation();
  const [tag, setTag] = useState(search.tag ?? "");
  const [tagError, setTagError] = useState(false);
  const wide = useMediaQuery("(min-width: 62em)", true);
  const [opened, setOpened] = useState(false);
  useEffect(() => setTag(search.tag ?? ""), [search.tag]);

  function commitTag() {
    const value = tag.trim();
    const parsed = normaliseTag(value);
    setTagError(value !== "" && !parsed);
    if ((parsed ?? undefined) === search.tag) return;
    if (value === "" || parsed) onChange({ tag: parsed ?? undefined });
  }

  const people = [
    { value: "me", label: t("inbox.filters.me") },
    { value: "none", label: t("tickets.unassigned") },
    ...users.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
  ];
  const teamOptions = [
    { value: "none", label: t("tickets.noTeam") },
    ...teams.map((team) => ({ value: team.id, label: team.name })),
  ];

  const controls = (
    <Group gap="xs" wrap="wrap" align="flex-end">
      <MultiSelect
        aria-label={t("inbox.filters.status")}
        placeholder={search.status ? undefined : t("inbox.filters.status")}
        data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`tickets.status.${s}`) }))}
        value={splitCsv(search.status)}
        onChange={(v) => onChange({ status: csv(v) })}
        clearable
        w={200}
      />
      <MultiSelect
        aria-label={t("inbox.filters.priority")}
        placeholder={search.priority ? undefined : t("inbox.filters.priority")}
        data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))}
        value={splitCsv(search.priority)}
        onChange={(v) => onChange({ priority: csv(v) })}
        clearable
        w={180}
      />
      <Select
        aria-label={t("inbox.filters.assignee")}
        placeholder={t("inbox.filters.assignee")}
        data={people}
        value={search.assignee ?? null}
        onChange={(v) => onChange({ assignee: v ?? undefined })}
        searchable
        clearable
        w={170}
      />
      <Select
        aria-label={t("inbox.filters.team")}
        placeholder={t("inbox.filters.team")}
        data={teamOptions}
        value={search.team ?? null}
        onChange={(v) => onChange({ team: v ?? undefined })}
        clearable
        w={150}
      />
      <MultiSelect
        aria-label={t("inbox.filters.channel")}
        placeholder={search.channel ? undefined : t("inbox.filters.channel")}
        data={TICKET_CHANNELS.map((c) => ({ value: c, label: t(`tickets.channel.${c}`) }))}
        value={splitCsv(search.channel)}
        onChange={(v) => onChange({ channel: csv(v) })}
        clearable
        w={170}
      />
      <TextInput
        aria-label={t("inbox.filters.tag")}
        placeholder={t("inbox.filters.tag")}
        leftSection={<IconTag size={14} aria-hidden />}
        value={tag}
        onChange={(e) => {
          setTag(e.currentTarget.value);
          setTagError(false);
        }}
        onBlur={commitTag}
        onKeyDown={(e) => e.key === "Enter" && commitTag()}
        error={tagError ? t("inbox.filters.tagInvalid") : undefined}
        w={140}
      />
      <Chip
        checked={search.escalated === true}
        onChange={(checked) => onChange({ escalated: checked ? true : undefined })}
        variant="outline"
        color="orange"
      >
        {t("escalations.filterEscalated")}
      </Chip>
      <Select
        aria-label={t("inbox.sort.label")}
        data={TICKET_SORTS.map((s) => ({ value: s, label: t(`inbox.sort.${s}`) }))}
        value={search.sort ?? "updated_desc"}
        onChange={(v) => onChange({ sort: v && v !== "updated_desc" ? (v as TicketSort) : undefined })}
        allowDeselect={false}
        w={190}
      />
      {activeFilterCount(search) > 0 && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} />}
          onClick={() =>
            onChange({
              status: undefined,
              priority: undefined,
              assignee: undefined,
              team: undefined,
              channel: undefined,
              tag: undefined,
              requester: undefined,
              escalated: undefined,
            })
          }
        >
          {t("inbox.filters.clear")}
        </Button>
      )}
    </Group>
  );
  const requester = search.requester ? (
    <RequesterFilter customerId={search.requester} onClear={() => onChange({ requester: undefined })} />
  ) : null;
  if (wide)
    return requester ? (
      <Stack gap="xs">
        {requester}
        {controls}
      </Stack>
    ) : (
      controls
    );
  // On a phone seven inputs would push the list off the screen: they fold behind one button.
  const count = activeFilterCount(search);
  return (
    <Stack gap="xs">
      {requester}
      <Button
        variant="default"
        leftSection={<IconFilter size={16} />}
        rightSection={count > 0 ? <Badge size="sm">{count}</Badge> : null}
        onClick={() => setOpened((o) => !o)}
        aria-expanded={opened}
        style={{ alignSelf: "flex-start" }}
      >
        {t("inbox.filters.label")}
      </Button>
      <Collapse expanded={opened}>{controls}</Collapse>
    </Stack>
  );
}
