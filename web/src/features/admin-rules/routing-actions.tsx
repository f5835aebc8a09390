import type { RuleAction } from "@frontline/common";
import { MultiSelect, Select, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { skillsQuery } from "../../api/queries";
import { languageOptions } from "../routing/language-names";
import { errorWithin, skillChoices } from "./rule-drafts";

// The language picker's value for "the ticket's own language" (null in the rule).
const OWN_LANGUAGE = "__own__";

interface FieldsProps<A> {
  action: A;
  onChange: (a: RuleAction) => void;
  errors: Record<string, string>;
  index: number;
}

/** Skills routing then looks for in whoever takes the ticket, added to those it already requires. */
export function RequireSkillsFields({
  action: a,
  onChange,
  errors,
  index,
}: FieldsProps<Extract<RuleAction, { type: "require_skills" }>>) {
  const { t } = useTranslation();
  const skills = useQuery(skillsQuery);
  return (
    <Stack gap={6} style={{ flex: 1 }}>
      <MultiSelect
        aria-label={t("routing.requirements.skills")}
        placeholder={a.value.length === 0 ? t("rules.skillsToAdd") : undefined}
        data={skillChoices(skills.data ?? [], a.value, t("rules.deletedSkill"))}
        value={a.value}
        onChange={(value) => onChange({ ...a, value })}
        error={errorWithin(errors, `${index}.value`)}
        nothingFoundMessage={t("routing.agentForm.noSkills")}
        searchable
        hidePickedOptions
      />
      <Text size="xs" c="dimmed">
        {t("rules.requireSkillsHint")}
      </Text>
    </Stack>
  );
}

/** The language whoever takes the ticket must speak: any routing knows, or the ticket's own. */
export function SetLanguageFields({
  action: a,
  onChange,
  errors,
  index,
}: FieldsProps<Extract<RuleAction, { type: "set_language" }>>) {
  const { t, i18n } = useTranslation();
  const languages = useMemo(() => languageOptions(i18n.language), [i18n.language]);
  return (
    <Select
      aria-label={t("routing.requirements.language")}
      style={{ flex: 1 }}
      data={[{ value: OWN_LANGUAGE, label: t("rules.ownLanguage") }, ...languages]}
      value={a.value ?? OWN_LANGUAGE}
      onChange={(v) => onChange({ ...a, value: !v || v === OWN_LANGUAGE ? null : v })}
      error={errors[`${index}.value`]}
      allowDeselect={false}
      searchable
    />
  );
}
