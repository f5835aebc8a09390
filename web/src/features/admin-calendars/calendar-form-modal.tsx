import {
  type BusinessCalendar,
  createBusinessCalendarInput,
  type UpdateBusinessCalendarInput,
  updateBusinessCalendarInput,
} from "@frontline/common";
import { Divider, Stack, TagsInput, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { createCalendar, updateCalendar } from "../../api/calendars";
import { queryKeys } from "../../api/query-keys";
import { timeZoneOptions } from "../../i18n/format";
import { AppModal } from "../../ui/app-modal";
import { FormActions } from "../../ui/form-actions";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { TimeZoneSelect } from "../../ui/pickers";
import { useForm } from "../../ui/use-form";
import { ClosedDatesEditor } from "./closed-dates-editor";
import { HolidaySourceFields } from "./holiday-source-fields";
import { NextClosedDays } from "./next-closed-days";
import {
  type ClosedDateRow,
  closedDateProblems,
  defaultWeek,
  hoursProblems,
  intervalsOf,
  type Week,
  weekOf,
} from "./weekly-hours";
import { WeeklyHoursEditor } from "./weekly-hours-editor";

interface CalendarFormValues extends Record<string, unknown> {
  name: string;
  timeZone: string;
  week: Week;
  holidays: ClosedDateRow[];
  holidayCountry: string | null;
  holidayRegion: string | null;
  customerRegions: string[];
}

interface CalendarFormModalProps {
  /** `null` creates a calendar; a calendar edits it. */
  calendar: BusinessCalendar | null;
  onClose: () => void;
}

function initialValues(calendar: BusinessCalendar | null, browserZone: string): CalendarFormValues {
  return {
    name: calendar?.name ?? "",
    timeZone: calendar?.timeZone ?? browserZone,
    week: calendar ? weekOf(calendar.hours) : defaultWeek(),
    holidays: calendar?.holidays ?? [],
    holidayCountry: calendar?.holidayCountry ?? null,
    holidayRegion: calendar?.holidayRegion ?? null,
    customerRegions: calendar?.customerRegions ?? [],
  };
}

/** The body the contract checks: the editor's days become the API's flat list of intervals. */
function candidateOf(values: CalendarFormValues) {
  const { week, ...rest } = values;
  return { ...rest, hours: intervalsOf(week).hours };
}

/** Only what changed is sent. */
function changedFields(calendar: BusinessCalendar, values: CalendarFormValues): Record<string, unknown> {
  const next = candidateOf(values);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(calendar[key])) patch[key] = next[key];
  }
  // A region is only meaningful with its country: send both when either changed.
  if ("holidayRegion" in patch || "holidayCountry" in patch) {
    patch.holidayCountry = next.holidayCountry;
    patch.holidayRegion = next.holidayRegion;
  }
  return patch;
}

// Server fields name nested places ("hours.3.open"); the form shows them on the editor they belong to.
const fieldOf = (path: string) => (path.startsWith("hours") ? "week" : (path.split(".")[0] ?? path));

/** Create a calendar, or change one: hours by weekday, public holidays, own closed days, regions served. */
export function CalendarFormModal({ calendar, onClose }: CalendarFormModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const form = useForm<CalendarFormValues>(initialValues(calendar, browserZone), { fieldOf });
  const [pending, setPending] = useState(false);
  const [checked, setChecked] = useState(false);
  const { values, errors, set } = form;
  const hourProblems = checked ? hoursProblems(values.week) : {};
  const dateProblems = checked ? closedDateProblems(values.holidays) : {};
  const regionSuggestions = useMemo(() => {
    const zones = timeZoneOptions().filter((zone) => zone.includes("/"));
    const areas = [...new Set(zones.map((zone) => `${zone.split("/")[0]}/*`))];
    return [...areas, ...zones];
  }, []);

  async function save(): Promise<string | null> {
    setChecked(true);
    const local =
      Object.keys(hoursProblems(values.week)).length + Object.keys(closedDateProblems(values.holidays)).length;
    if (!calendar) {
      const input = form.validate(createBusinessCalendarInput, candidateOf(values));
      if (!input || local) return null;
      return t("calendars.created", { name: (await createCalendar(input)).name });
    }
    const patch: UpdateBusinessCalendarInput | null = form.validate(
      updateBusinessCalendarInput,
      changedFields(calendar, values),
    );
    if (!patch || local) return null;
    if (Object.keys(patch).length === 0) return "";
    return t("calendars.updated", { name: (await updateCalendar(calendar.id, patch)).name });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    try {
      const message = await save();
      if (message === null) return;
      await queryClient.invalidateQueries({ queryKey: queryKeys.calendars.all });
      if (message) notifySuccess(message);
      onClose();
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <AppModal opened onClose={onClose} title={calendar ? t("calendars.edit") : t("calendars.add")} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert error={form.formError} />
          <TextInput
            label={t("calendars.name")}
            required
            maxLength={100}
            value={values.name}
            onChange={(e) => set("name", e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <TimeZoneSelect
            label={t("calendars.timeZone")}
            description={t("calendars.timeZoneHint")}
            value={values.timeZone}
            onChange={(zone) => set("timeZone", zone)}
            error={errors.timeZone}
          />
          <WeeklyHoursEditor
            week={values.week}
            onChange={(week) => set("week", week)}
            problems={hourProblems}
            error={Object.keys(hourProblems).length ? undefined : errors.week}
          />
          <Divider />
          <HolidaySourceFields
            country={values.holidayCountry}
            region={values.holidayRegion}
            onChange={(country, region) => {
              set("holidayCountry", country);
              set("holidayRegion", region);
            }}
            countryError={errors.holidayCountry}
            regionError={errors.holidayRegion}
          />
          <ClosedDatesEditor
            rows={values.holidays}
            onChange={(rows) => set("holidays", rows)}
            problems={dateProblems}
            error={Object.keys(dateProblems).length ? undefined : errors.holidays}
          />
          <TagsInput
            label={t("calendars.customerRegions")}
            description={t("calendars.customerRegionsHint")}
            placeholder={values.customerRegions.length ? undefined : t("calendars.customerRegionsPlaceholder")}
            data={regionSuggestions}
            value={values.customerRegions}
            onChange={(regions) => set("customerRegions", regions)}
            error={errors.customerRegions}
            limit={50}
            clearable
            acceptValueOnBlur
            dir="ltr"
            comboboxProps={{ withinPortal: true }}
          />
          {calendar && (
            <Stack gap={6} component="section" aria-labelledby="form-next-closed">
              <Title order={3} size="h6" id="form-next-closed">
                {t("calendars.nextClosed")}
              </Title>
              <NextClosedDays calendarId={calendar.id} timeZone={calendar.timeZone} limit={8} />
            </Stack>
          )}
          <FormActions onCancel={onClose} pending={pending} />
        </Stack>
      </form>
    </AppModal>
  );
}
