import { type RoutingAgent, updateRoutingAgentInput } from "@frontline/common";
import { Group, MultiSelect, NumberInput, Select, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { skillsQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { updateRoutingAgent } from "../../api/routing";
import { AppModal } from "../../ui/app-modal";
import { FormActions } from "../../ui/form-actions";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { useForm } from "../../ui/use-form";
import { languageName, languageOptions } from "./language-names";

interface AgentFormValues extends Record<string, unknown> {
  skills: { skillId: string; level: number | null }[];
  languages: string[];
  maxTickets: number | string;
  maxChats: number | string;
}

const LEVELS = ["1", "2", "3", "4", "5"] as const;

/** A person's skills (with levels), the languages they speak besides their profile's, and their capacity. */
export function AgentFormModal({ agent, onClose }: { agent: RoutingAgent; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const skills = useQuery(skillsQuery);
  const [pending, setPending] = useState(false);
  const form = useForm<AgentFormValues>(
    {
      skills: agent.skills.map((s) => ({ skillId: s.skillId, level: s.level })),
      languages: agent.languages,
      maxTickets: agent.capacity.tickets,
      maxChats: agent.capacity.chats,
    },
    // "skills.0.level" belongs under the skills picker.
    { fieldOf: (path) => path.split(".")[0] ?? path },
  );
  const { values, errors, set } = form;
  const names = useMemo(() => new Map((skills.data ?? []).map((s) => [s.id, s.name])), [skills.data]);
  const languages = useMemo(
    () => languageOptions(i18n.language).filter((o) => o.value !== agent.profileLocale),
    [i18n.language, agent.profileLocale],
  );

  function pickSkills(ids: string[]) {
    const kept = new Map(values.skills.map((s) => [s.skillId, s.level]));
    set(
      "skills",
      ids.map((skillId) => ({ skillId, level: kept.get(skillId) ?? null })),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate(updateRoutingAgentInput, {
      ...values,
      maxTickets: values.maxTickets === "" ? undefined : Number(values.maxTickets),
      maxChats: values.maxChats === "" ? undefined : Number(values.maxChats),
    });
    if (!input) return;
    setPending(true);
    try {
      await updateRoutingAgent(agent.userId, input);
      await queryClient.invalidateQueries({ queryKey: queryKeys.routing.all });
      notifySuccess(t("routing.agentForm.saved", { name: agent.name }));
      onClose();
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <AppModal opened onClose={onClose} title={t("routing.agentForm.title", { name: agent.name })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={form.formError} />
          <Group grow align="flex-start">
            <NumberInput
              label={t("routing.agentForm.maxTickets")}
              description={t("routing.agentForm.maxTicketsHint")}
              min={0}
              max={500}
              allowDecimal={false}
              value={values.maxTickets}
              onChange={(v) => set("maxTickets", v)}
              error={errors.maxTickets}
              data-autofocus
            />
            <NumberInput
              label={t("routing.agentForm.maxChats")}
              description={t("routing.agentForm.maxChatsHint")}
              min={0}
              max={20}
              allowDecimal={false}
              value={values.maxChats}
              onChange={(v) => set("maxChats", v)}
              error={errors.maxChats}
            />
          </Group>
          <MultiSelect
            label={t("routing.agentForm.skills")}
            placeholder={values.skills.length === 0 ? t("routing.agentForm.skillsPlaceholder") : undefined}
            data={(skills.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={values.skills.map((s) => s.skillId)}
            onChange={pickSkills}
            error={errors.skills}
            searchable
            hidePickedOptions
            nothingFoundMessage={t("routing.agentForm.noSkills")}
            disabled={skills.data?.length === 0}
            description={skills.data?.length === 0 ? t("routing.agentForm.noSkillsYet") : undefined}
          />
          {values.skills.map((s, index) => (
            <Group key={s.skillId} justify="space-between" wrap="nowrap" ps="sm">
              <Text size="sm">{names.get(s.skillId) ?? "…"}</Text>
              <Select
                aria-label={t("routing.agentForm.levelOf", { name: names.get(s.skillId) ?? "" })}
                data={[
                  { value: "", label: t("routing.agentForm.noLevel") },
                  ...LEVELS.map((l) => ({ value: l, label: t(`routing.level.${l}`) })),
                ]}
                value={s.level ? String(s.level) : ""}
                onChange={(v) =>
                  set(
                    "skills",
                    values.skills.map((k, i) => (i === index ? { ...k, level: v ? Number(v) : null } : k)),
                  )
                }
                allowDeselect={false}
                w={200}
                size="xs"
              />
            </Group>
          ))}
          <MultiSelect
            label={t("routing.agentForm.languages")}
            description={t("routing.agentForm.languagesHint", {
              language: languageName(agent.profileLocale, i18n.language),
            })}
            data={languages}
            value={values.languages}
            onChange={(v) => set("languages", v)}
            error={errors.languages}
            searchable
            hidePickedOptions
            maxDropdownHeight={240}
          />
          <FormActions onCancel={onClose} pending={pending} />
        </Stack>
      </form>
    </AppModal>
  );
}
