import {
  createSlaPolicyInput,
  SLA_PAUSE_STATUSES,
  SLA_TARGETS,
  type SlaPolicy,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  updateSlaPolicyInput,
} from "@frontline/common";
import {
  Checkbox,
  Divider,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { companiesQuery, teamsQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { createSlaPolicy, updateSlaPolicy } from "../../api/sla";
import { AppModal } from "../../ui/app-modal";
import { FormActions } from "../../ui/form-actions";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { useForm } from "../../ui/use-form";
import { calendarsQuery } from "../admin-calendars/calendar-queries";
import { normaliseTag } from "../inbox/views";
import {
  candidateOf,
  changesOf,
  fieldOf,
  type LocalProblem,
  localProblems,
  type PolicyValues,
  valuesOf,
} from "./sla-policy-form";
import { TargetFields } from "./sla-target-fields";

// The calendar picker's value for "the ticket's own calendar" (no calendarId).
const TICKET_CALENDAR = "ticket";

const PROBLEM_KEYS: Record<LocalProblem, "sla.form.range" | "sla.form.warnRange" | "sla.form.needTarget"> = {
  range: "sla.form.range",
  warnRange: "sla.form.warnRange",
  needTarget: "sla.form.needTarget",
};

/** Add an SLA policy, or change one: its name, calendar, which tickets it covers, its targets and timing. */
export function SlaPolicyFormModal({ policy, onClose }: { policy: SlaPolicy | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const calendars = useQuery(calendarsQuery);
  const teams = useQuery(teamsQuery);
  const companies = useQuery(companiesQuery);
  const form = useForm<PolicyValues>(valuesOf(policy), { fieldOf });
  const [pending, setPending] = useState(false);
  const [checked, setChecked] = useState(false);
  const { values, errors, set } = form;
  const problems = checked ? localProblems(values) : {};
  const messageOf = (field: string) => {
    const problem = problems[field];
    return problem ? t(PROBLEM_KEYS[problem]) : errors[field];
  };

  async function save(): Promise<string | null> {
    setChecked(true);
    const local = Object.keys(localProblems(values)).length > 0;
    if (!policy) {
      const input = form.validate(createSlaPolicyInput, candidateOf(values));
      if (!input || local) return null;
      return t("sla.created", { name: (await createSlaPolicy(input)).name });
    }
    const patch = form.validate(updateSlaPolicyInput, changesOf(policy, values));
    if (!patch || local) return null;
    if (Object.keys(patch).length === 0) return "";
    return t("sla.updated", { name: (await updateSlaPolicy(policy.id, patch)).name });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    try {
      const message = await save();
      if (message === null) return;
      await queryClient.invalidateQueries({ queryKey: queryKeys.sla.policies });
      if (message) notifySuccess(message);
      onClose();
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }

  const calendarOptions = [
    { value: TICKET_CALENDAR, label: t("sla.form.calendarOfTicket") },
    ...(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name })),
  ];
  const picker = { clearable: true, searchable: true, comboboxProps: { withinPortal: true } } as const;
  const anyPlaceholder = (list: string[]) => (list.length ? undefined : t("sla.form.any"));

  return (
    <AppModal opened onClose={onClose} title={policy ? t("sla.edit") : t("sla.add")} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert error={form.formError} />
          <TextInput
            label={t("sla.form.name")}
            placeholder={t("sla.form.namePlaceholder")}
            required
            maxLength={120}
            value={values.name}
            onChange={(e) => set("name", e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <Select
            label={t("sla.form.calendar")}
            description={t("sla.form.calendarHint")}
            data={calendarOptions}
            value={values.calendarId ?? TICKET_CALENDAR}
            onChange={(v) => set("calendarId", !v || v === TICKET_CALENDAR ? null : v)}
            allowDeselect={false}
            error={errors.calendarId}
            comboboxProps={{ withinPortal: true }}
          />
          <Switch
            label={t("sla.form.active")}
            description={t("sla.form.activeHint")}
            checked={values.active}
            onChange={(e) => set("active", e.currentTarget.checked)}
          />

          <Divider />
          <Stack gap="xs" component="section" aria-labelledby="sla-form-conditions">
            <Title order={3} size="h6" id="sla-form-conditions">
              {t("sla.form.conditions")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("sla.form.conditionsHint")}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <MultiSelect
                {...picker}
                label={t("sla.form.priority")}
                placeholder={anyPlaceholder(values.priority)}
                data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))}
                value={values.priority}
                onChange={(v) => set("priority", v)}
                error={errors.priority}
              />
              <MultiSelect
                {...picker}
                label={t("sla.form.channel")}
                placeholder={anyPlaceholder(values.channel)}
                data={TICKET_CHANNELS.map((c) => ({ value: c, label: t(`tickets.channel.${c}`) }))}
                value={values.channel}
                onChange={(v) => set("channel", v)}
                error={errors.channel}
              />
              <TagsInput
                label={t("sla.form.tags")}
                description={t("sla.form.tagsHint")}
                placeholder={anyPlaceholder(values.tags)}
                value={values.tags}
                // Tags are stored trimmed and in lower case; one the server would refuse is dropped as typed.
                onChange={(tags) => set("tags", [...new Set(tags.map(normaliseTag).filter((x) => x !== null))])}
                error={errors.tags}
                clearable
                acceptValueOnBlur
                maxTags={20}
                comboboxProps={{ withinPortal: true }}
              />
              <MultiSelect
                {...picker}
                label={t("sla.form.teams")}
                placeholder={anyPlaceholder(values.teamId)}
                data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
                value={values.teamId}
                onChange={(v) => set("teamId", v)}
                error={errors.teamId}
              />
              <MultiSelect
                {...picker}
                label={t("sla.form.companies")}
                placeholder={anyPlaceholder(values.companyId)}
                data={(companies.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                value={values.companyId}
                onChange={(v) => set("companyId", v)}
                error={errors.companyId}
              />
            </SimpleGrid>
          </Stack>

          <Divider />
          <Stack gap="xs" component="section" aria-labelledby="sla-form-targets">
            <Title order={3} size="h6" id="sla-form-targets">
              {t("sla.form.targets")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("sla.form.targetsHint")}
            </Text>
            {SLA_TARGETS.map((name) => (
              <TargetFields
                key={name}
                name={name}
                draft={values[name]}
                onChange={(draft) => {
                  set(name, draft);
                  // A message about the targets as a whole ("switch one on") went stale with this change too.
                  set("targets", null);
                }}
                error={messageOf(name)}
              />
            ))}
            {messageOf("targets") && <Input.Error>{messageOf("targets")}</Input.Error>}
          </Stack>

          <Divider />
          <Group gap="xl" align="flex-start" wrap="wrap">
            <Checkbox.Group
              label={t("sla.form.pause")}
              description={t("sla.form.pauseHint")}
              value={values.pauseOn}
              onChange={(v) => set("pauseOn", v)}
              error={errors.pauseOn}
              maw={360}
            >
              <Group gap="md" mt={6}>
                {SLA_PAUSE_STATUSES.map((s) => (
                  <Checkbox key={s} value={s} label={t(`tickets.status.${s}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <NumberInput
              label={t("sla.form.warnBefore")}
              description={t("sla.form.warnBeforeHint")}
              value={values.warnBeforeMinutes}
              onChange={(v) => set("warnBeforeMinutes", v)}
              error={messageOf("warnBeforeMinutes")}
              min={0}
              max={10_080}
              allowDecimal={false}
              allowNegative={false}
              maw={320}
            />
          </Group>
          <FormActions onCancel={onClose} pending={pending} />
        </Stack>
      </form>
    </AppModal>
  );
}
