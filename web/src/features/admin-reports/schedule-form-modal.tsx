import {
  createReportScheduleInput,
  type Locale,
  REPORT_CADENCES,
  REPORT_DASHBOARDS,
  REPORT_PERIODS,
  type ReportSchedule,
  TICKET_CHANNELS,
  updateReportScheduleInput,
} from "@frontline/common";
import { MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { everyoneQuery, meQuery, teamsQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { createReportSchedule, updateReportSchedule } from "../../api/reports";
import { isLocale } from "../../i18n/languages";
import { AppModal } from "../../ui/app-modal";
import { FormActions } from "../../ui/form-actions";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { LocaleSelect, TimeZoneSelect } from "../../ui/pickers";
import { useForm } from "../../ui/use-form";
import { candidateOf, changesOf, fieldOf, type ScheduleValues, valuesOf } from "./schedule-form";
import { hourLabel, weekdayNames } from "./schedule-words";

const picker = { comboboxProps: { withinPortal: true }, allowDeselect: false } as const;

/** Add a scheduled report, or change one: what it shows, when it is sent, to whom and in which language. */
export function ScheduleFormModal({ schedule, onClose }: { schedule: ReportSchedule | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const me = useQuery({ ...meQuery, enabled: false }).data;
  const staff = useQuery(everyoneQuery);
  const teams = useQuery(teamsQuery);
  const reader: Locale = isLocale(i18n.language) ? i18n.language : "en";
  const form = useForm<ScheduleValues>(valuesOf(schedule, { locale: reader, timeZone: me?.timeZone ?? "UTC" }), {
    fieldOf,
  });
  const [pending, setPending] = useState(false);
  const { values, errors, set } = form;

  async function save(): Promise<string | null> {
    if (!schedule) {
      const input = form.validate(createReportScheduleInput, candidateOf(values));
      return input ? t("reports.created", { name: (await createReportSchedule(input)).name }) : null;
    }
    const patch = changesOf(schedule, values);
    if (Object.keys(patch).length === 0) return "";
    const valid = form.validate(updateReportScheduleInput, patch);
    return valid ? t("reports.updated", { name: (await updateReportSchedule(schedule.id, valid)).name }) : null;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    try {
      const message = await save();
      if (message === null) return;
      await queryClient.invalidateQueries({ queryKey: queryKeys.reportSchedules });
      if (message) notifySuccess(message);
      onClose();
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }

  const hours = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: hourLabel(h, reader) }));
  const days = weekdayNames(reader).map((label, i) => ({ value: String(i + 1), label }));
  const people = (staff.data ?? [])
    .filter((u) => u.active || values.recipientUserIds.includes(u.id))
    .map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` }));

  return (
    <AppModal opened onClose={onClose} title={schedule ? t("reports.edit") : t("reports.add")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert error={form.formError} />
          <TextInput
            label={t("reports.form.name")}
            placeholder={t("reports.form.namePlaceholder")}
            required
            maxLength={120}
            value={values.name}
            onChange={(e) => set("name", e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              {...picker}
              label={t("reports.form.dashboard")}
              description={t("reports.form.dashboardHint")}
              data={REPORT_DASHBOARDS.map((d) => ({ value: d, label: t(`reports.dashboard.${d}`) }))}
              value={values.dashboard}
              onChange={(v) => v && set("dashboard", v as ScheduleValues["dashboard"])}
              error={errors.dashboard}
            />
            <Select
              {...picker}
              label={t("reports.form.period")}
              data={REPORT_PERIODS.map((p) => ({ value: p, label: t(`reports.period.${p}`) }))}
              value={values.period}
              onChange={(v) => v && set("period", v as ScheduleValues["period"])}
              error={errors.period}
            />
            <Select
              {...picker}
              clearable
              allowDeselect
              label={t("reports.form.team")}
              placeholder={t("reports.form.anyTeam")}
              data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
              value={values.teamId}
              onChange={(v) => set("teamId", v)}
              error={errors.teamId}
              required={values.dashboard === "team"}
            />
            <Select
              {...picker}
              clearable
              allowDeselect
              label={t("reports.form.channel")}
              placeholder={t("reports.form.anyChannel")}
              data={TICKET_CHANNELS.map((c) => ({ value: c, label: t(`tickets.channel.${c}`) }))}
              value={values.channel}
              onChange={(v) => set("channel", v)}
              error={errors.channel}
            />
            <Select
              {...picker}
              label={t("reports.form.cadence")}
              data={REPORT_CADENCES.map((c) => ({ value: c, label: t(`reports.cadence.${c}`) }))}
              value={values.cadence}
              onChange={(v) => v && set("cadence", v as ScheduleValues["cadence"])}
              error={errors.cadence}
            />
            {values.cadence === "weekly" && (
              <Select
                {...picker}
                label={t("reports.form.weekday")}
                data={days}
                value={String(values.weekday)}
                onChange={(v) => v && set("weekday", Number(v))}
                error={errors.weekday}
              />
            )}
            {values.cadence === "monthly" && (
              <NumberInput
                label={t("reports.form.dayOfMonth")}
                description={t("reports.form.dayOfMonthHint")}
                min={1}
                max={31}
                value={values.dayOfMonth}
                onChange={(v) => set("dayOfMonth", Number(v) || 1)}
                error={errors.dayOfMonth}
              />
            )}
            <Select
              {...picker}
              label={t("reports.form.hour")}
              data={hours}
              value={String(values.hour)}
              onChange={(v) => v && set("hour", Number(v))}
              error={errors.hour}
            />
            <TimeZoneSelect
              label={t("reports.form.timeZone")}
              value={values.timeZone}
              onChange={(v) => set("timeZone", v)}
              error={errors.timeZone}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <MultiSelect
            label={t("reports.form.recipients")}
            description={t("reports.form.recipientsHint")}
            data={people}
            value={values.recipientUserIds}
            onChange={(v) => set("recipientUserIds", v)}
            error={errors.recipientUserIds}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <TagsInput
            label={t("reports.form.emails")}
            description={t("reports.form.emailsHint")}
            value={values.recipientEmails}
            onChange={(v) => set("recipientEmails", [...new Set(v.map((e) => e.trim().toLowerCase()).filter(Boolean))])}
            error={errors.recipientEmails}
            clearable
            acceptValueOnBlur
            maxTags={20}
            splitChars={[",", " ", ";"]}
          />
          <LocaleSelect
            label={t("reports.form.locale")}
            value={values.locale}
            onChange={(v) => set("locale", v)}
            error={errors.locale}
          />
          <Switch
            label={t("reports.form.active")}
            description={t("reports.form.activeHint")}
            checked={values.active}
            onChange={(e) => set("active", e.currentTarget.checked)}
          />
          <FormActions pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </AppModal>
  );
}
