import { type Me, roleAtLeast, TICKET_CHANNELS, TICKET_PRIORITIES } from "@frontline/common";
import { Badge, Button, Collapse, Group, Paper, Select, Stack, Switch, TextInput, Tooltip } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconFilter, IconFilterOff, IconTag } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { companiesQuery, everyoneQuery, teamsQuery } from "../../api/queries";
import { languageOptions } from "../routing/language-names";
import { type DashboardSearch, normaliseTag, presetOf, SLICE_KEYS, sliceCount } from "./dashboard-search";
import { PeriodPicker } from "./period-picker";

interface FilterBarProps {
  me: Me;
  search: DashboardSearch;
  onChange: (patch: Partial<DashboardSearch>) => void;
}

/**
 * The period, the slice and business time. Agents have no team or agent to pick (the server shows
 * them their own work); supervisors pick among their own teams and those teams' people.
 */
export function FilterBar({ me, search, onChange }: FilterBarProps) {
  const { t, i18n } = useTranslation();
  const wide = useMediaQuery("(min-width: 62em)", true);
  const [opened, setOpened] = useState(false);
  const chooser = roleAtLeast(me.role, "supervisor");
  const everyone = roleAtLeast(me.role, "manager");
  const teams = useQuery({ ...teamsQuery, enabled: chooser });
  const users = useQuery({ ...everyoneQuery, enabled: chooser });
  const companies = useQuery(companiesQuery);
  const [tag, setTag] = useState(search.tag ?? "");
  const [tagError, setTagError] = useState(false);
  useEffect(() => setTag(search.tag ?? ""), [search.tag]);

  const myTeams = useMemo(
    () => (teams.data ?? []).filter((team) => everyone || me.teamIds.includes(team.id)),
    [teams.data, everyone, me.teamIds],
  );
  const people = useMemo(() => {
    const members = new Set(myTeams.flatMap((team) => team.memberIds));
    return (users.data ?? [])
      .filter((u) => u.active && (everyone || members.has(u.id)))
      .map((u) => ({ value: u.id, label: u.name }));
  }, [users.data, myTeams, everyone]);
  const languages = useMemo(() => languageOptions(i18n.language), [i18n.language]);

  function commitTag() {
    const value = tag.trim();
    const parsed = normaliseTag(value);
    setTagError(value !== "" && !parsed);
    if ((parsed ?? undefined) !== search.tag && (value === "" || parsed)) onChange({ tag: parsed ?? undefined });
  }

  const select = (key: "teamId" | "agentId" | "channel" | "priority" | "language" | "companyId", label: string) => ({
    "aria-label": label,
    placeholder: label,
    value: (search[key] as string | undefined) ?? null,
    onChange: (v: string | null) => onChange({ [key]: v ?? undefined }),
    clearable: true,
    w: 170,
  });

  const count = sliceCount(search);
  const controls = (
    <Group gap="xs" wrap="wrap" align="flex-start">
      {chooser && (
        <>
          <Select
            {...select("teamId", t("dashboard.filters.team"))}
            data={myTeams.map((x) => ({ value: x.id, label: x.name }))}
          />
          <Select {...select("agentId", t("dashboard.filters.agent"))} data={people} searchable />
        </>
      )}
      <Select
        {...select("channel", t("dashboard.filters.channel"))}
        data={TICKET_CHANNELS.map((c) => ({ value: c, label: t(`tickets.channel.${c}`) }))}
      />
      <Select
        {...select("priority", t("dashboard.filters.priority"))}
        data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))}
      />
      <TextInput
        aria-label={t("dashboard.filters.tag")}
        placeholder={t("dashboard.filters.tag")}
        leftSection={<IconTag size={14} aria-hidden />}
        value={tag}
        onChange={(e) => {
          setTag(e.currentTarget.value);
          setTagError(false);
        }}
        onBlur={commitTag}
        onKeyDown={(e) => e.key === "Enter" && commitTag()}
        error={tagError ? t("dashboard.filters.tagInvalid") : undefined}
        w={140}
      />
      <Select {...select("language", t("dashboard.filters.language"))} data={languages} searchable limit={50} />
      <Select
        {...select("companyId", t("dashboard.filters.company"))}
        data={(companies.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        searchable
        limit={100}
      />
      {count > 0 && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => onChange(Object.fromEntries(SLICE_KEYS.map((k) => [k, undefined])))}
        >
          {t("dashboard.filters.clear")}
        </Button>
      )}
    </Group>
  );

  const top = (
    <Group gap="md" wrap="wrap" justify="space-between" align="flex-start">
      <PeriodPicker preset={presetOf(search)} search={search} onChange={onChange} />
      <Group gap="sm" wrap="nowrap">
        <Tooltip label={t("dashboard.filters.businessHint")} withArrow multiline maw={260}>
          <Switch
            label={t("dashboard.filters.business")}
            checked={search.business === true}
            onChange={(e) => onChange({ business: e.currentTarget.checked ? true : undefined })}
            data-testid="business-hours"
          />
        </Tooltip>
        {!wide && (
          <Button
            variant="default"
            leftSection={<IconFilter size={16} />}
            rightSection={count > 0 ? <Badge size="sm">{count}</Badge> : null}
            onClick={() => setOpened((o) => !o)}
            aria-expanded={opened}
          >
            {t("dashboard.filters.label")}
          </Button>
        )}
      </Group>
    </Group>
  );

  return (
    <Paper withBorder radius="md" p="sm" data-testid="dashboard-filters">
      <Stack gap="xs">
        {top}
        {/* On a phone seven pickers would push the figures off the screen: they fold behind one button. */}
        {wide ? controls : <Collapse expanded={opened}>{controls}</Collapse>}
      </Stack>
    </Paper>
  );
}
