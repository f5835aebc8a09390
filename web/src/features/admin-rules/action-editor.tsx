import { LOCALES, PLACEHOLDERS, type RuleAction, TICKET_STATUSES } from "@frontline/common";
import { Accordion, ActionIcon, Button, Group, Paper, Select, Stack, TagsInput, Text, Textarea } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { everyoneQuery, teamsQuery } from "../../api/queries";
import { LANGUAGE_NAMES } from "../../i18n/languages";
import { EscalateFields, NotifyFields } from "./reach-actions";
import { RequireSkillsFields, SetLanguageFields } from "./routing-actions";
import { ACTION_TYPES, freshAction } from "./rule-drafts";

const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
const NONE = "__none__";

interface ActionListProps {
  actions: RuleAction[];
  onChange: (next: RuleAction[]) => void;
  /** Errors by path inside the list: "0.value", "1.body". */
  errors: Record<string, string>;
}

/** What a rule does, in order: an action type per row and its value. */
export function ActionList({ actions, onChange, errors }: ActionListProps) {
  const { t } = useTranslation();
  const set = (i: number, a: RuleAction) => onChange(actions.map((x, j) => (j === i ? a : x)));
  return (
    <Stack gap="xs">
      {actions.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; their place is it.
        <Paper key={i} withBorder p="xs" radius="sm">
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <Select
              aria-label={t("rules.actionType")}
              data={ACTION_TYPES.map((type) => ({ value: type, label: t(`rules.actionTypes.${type}`) }))}
              value={a.type}
              onChange={(type) => type && set(i, freshAction(type as RuleAction["type"]))}
              allowDeselect={false}
              w={210}
            />
            <ActionValue action={a} onChange={(next) => set(i, next)} errors={errors} index={i} />
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={4}
              aria-label={t("rules.removeAction")}
              onClick={() => onChange(actions.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      {errors[""] && (
        <Text size="xs" c="red">
          {errors[""]}
        </Text>
      )}
      <Button
        variant="subtle"
        size="xs"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...actions, freshAction("add_tags")])}
        style={{ alignSelf: "start" }}
      >
        {t("rules.addAction")}
      </Button>
    </Stack>
  );
}

function ActionValue({
  action: a,
  onChange,
  errors,
  index,
}: {
  action: RuleAction;
  onChange: (a: RuleAction) => void;
  errors: Record<string, string>;
  index: number;
}) {
  const { t } = useTranslation();
  const teams = useQuery(teamsQuery);
  const everyone = useQuery(everyoneQuery);
  const error = errors[`${index}.value`];
  const common = { "aria-label": t("rules.value"), style: { flex: 1 }, error };
  switch (a.type) {
    case "set_status":
      return (
        <Select
          {...common}
          data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`tickets.status.${s}`) }))}
          value={a.value}
          onChange={(v) => v && onChange({ ...a, value: v as typeof a.value })}
          allowDeselect={false}
        />
      );
    case "set_priority":
      return (
        <Select
          {...common}
          data={PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))}
          value={a.value}
          onChange={(v) => v && onChange({ ...a, value: v as typeof a.value })}
          allowDeselect={false}
        />
      );
    case "set_team":
    case "set_assignee": {
      const options =
        a.type === "set_team"
          ? (teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))
          : (everyone.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
      const none = a.type === "set_team" ? t("tickets.noTeam") : t("tickets.unassigned");
      return (
        <Select
          {...common}
          data={[{ value: NONE, label: none }, ...options]}
          value={a.value ?? NONE}
          onChange={(v) => onChange({ ...a, value: !v || v === NONE ? null : v })}
          allowDeselect={false}
          searchable
        />
      );
    }
    case "require_skills":
      return <RequireSkillsFields action={a} onChange={onChange} errors={errors} index={index} />;
    case "set_language":
      return <SetLanguageFields action={a} onChange={onChange} errors={errors} index={index} />;
    case "add_tags":
    case "remove_tags":
      return <TagsInput {...common} value={a.value} onChange={(value) => onChange({ ...a, value })} />;
    case "reply":
    case "add_note":
      return <TemplateFields action={a} onChange={onChange} errors={errors} index={index} />;
    case "escalate":
      return <EscalateFields action={a} onChange={onChange} errors={errors} index={index} />;
    case "notify":
      return <NotifyFields action={a} onChange={onChange} errors={errors} index={index} />;
  }
}

function TemplateFields({
  action: a,
  onChange,
  errors,
  index,
}: {
  action: Extract<RuleAction, { type: "reply" | "add_note" }>;
  onChange: (a: RuleAction) => void;
  errors: Record<string, string>;
  index: number;
}) {
  const { t } = useTranslation();
  const list = PLACEHOLDERS.map((p) => `{{${p}}}`).join(" ");
  return (
    <Stack gap={6} style={{ flex: 1 }}>
      <Textarea
        aria-label={t(a.type === "reply" ? "rules.replyText" : "rules.noteText")}
        placeholder={t(a.type === "reply" ? "rules.replyText" : "rules.noteText")}
        autosize
        minRows={2}
        maxRows={8}
        value={a.body}
        onChange={(e) => onChange({ ...a, body: e.currentTarget.value })}
        error={errors[`${index}.body`]}
        styles={{ input: { unicodeBidi: "plaintext" } }}
      />
      <Text size="xs" c="dimmed" dir="ltr" ta="start">
        {t("rules.placeholders", { list })}
      </Text>
      {a.type === "reply" && (
        <Accordion variant="contained" chevronPosition="left">
          <Accordion.Item value="translations">
            <Accordion.Control>
              <Text size="xs">{t("rules.translations")}</Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap={6}>
                {LOCALES.map((locale) => (
                  <Textarea
                    key={locale}
                    label={t("rules.translationFor", { language: LANGUAGE_NAMES[locale] })}
                    autosize
                    minRows={1}
                    maxRows={6}
                    dir={locale === "ar" ? "rtl" : "ltr"}
                    value={a.translations[locale] ?? ""}
                    error={errors[`${index}.translations.${locale}`]}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      const translations = { ...a.translations };
                      if (value.trim()) translations[locale] = value;
                      else delete translations[locale];
                      onChange({ ...a, translations });
                    }}
                  />
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
    </Stack>
  );
}
