import {
  createReasonInput,
  type EscalationReason,
  LOCALES,
  type Locale,
  type UpdateReasonInput,
  updateReasonInput,
} from "@frontline/common";
import { Input, NumberInput, SimpleGrid, Stack, Switch, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { createReason, updateReason } from "../../api/escalations";
import { queryKeys } from "../../api/query-keys";
import { LANGUAGE_NAMES } from "../../i18n/languages";
import { AppModal } from "../../ui/app-modal";
import { FormActions } from "../../ui/form-actions";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { useForm } from "../../ui/use-form";
import { useReasonLabel } from "../escalations/escalation-labels";

interface ReasonValues extends Record<string, unknown> {
  code: string;
  labels: Record<Locale, string>;
  active: boolean;
  position: number | string;
}

/** Only the languages given: an empty field means "fall back to English". */
function givenLabels(labels: Record<Locale, string>): Partial<Record<Locale, string>> {
  return Object.fromEntries(LOCALES.flatMap((l) => (labels[l].trim() ? [[l, labels[l].trim()]] : [])));
}

function changes(reason: EscalationReason, v: ReasonValues): UpdateReasonInput {
  const patch: UpdateReasonInput = {};
  const labels = givenLabels(v.labels);
  if (JSON.stringify(labels) !== JSON.stringify(reason.labels)) patch.labels = labels;
  if (v.active !== reason.active) patch.active = v.active;
  if (Number(v.position) !== reason.position) patch.position = Number(v.position);
  return patch;
}

/** Add a reason, or relabel, move or retire one. Codes never change: past escalations name them. */
export function ReasonFormModal({ reason, onClose }: { reason: EscalationReason | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const labelOf = useReasonLabel();
  const form = useForm<ReasonValues>(
    {
      code: reason?.code ?? "",
      labels: Object.fromEntries(LOCALES.map((l) => [l, reason?.labels[l] ?? ""])) as Record<Locale, string>,
      active: reason?.active ?? true,
      position: reason?.position ?? "",
    },
    // "labels.de" shows under the German field, which the form knows as "labels".
    { fieldOf: (path) => (path.startsWith("labels") ? "labels" : (path.split(".")[0] ?? path)) },
  );
  const [pending, setPending] = useState(false);
  const { values, errors, set } = form;

  async function save(): Promise<string | null> {
    if (!reason) {
      const input = form.validate(createReasonInput, {
        code: values.code,
        labels: givenLabels(values.labels),
        active: values.active,
        ...(values.position === "" ? {} : { position: Number(values.position) }),
      });
      if (!input) return null;
      const made = await createReason(input);
      return t("escalationSettings.created", { name: labelOf(made.labels, made.code) });
    }
    const patch = form.validate(updateReasonInput, changes(reason, values));
    if (!patch) return null;
    if (Object.keys(patch).length === 0) return "";
    const saved = await updateReason(reason.code, patch);
    return t("escalationSettings.updated", { name: labelOf(saved.labels, saved.code) });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    try {
      const message = await save();
      if (message === null) return;
      await queryClient.invalidateQueries({ queryKey: queryKeys.escalations.reasons });
      if (message) notifySuccess(message);
      onClose();
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <AppModal
      opened
      onClose={onClose}
      title={reason ? t("escalationSettings.edit") : t("escalationSettings.add")}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={form.formError} />
          <TextInput
            label={t("escalationSettings.code")}
            description={t("escalationSettings.codeHint")}
            value={values.code}
            onChange={(e) => set("code", e.currentTarget.value)}
            error={errors.code}
            disabled={reason !== null}
            required
            dir="ltr"
            data-autofocus={reason ? undefined : true}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {LOCALES.map((l) => (
              <TextInput
                key={l}
                label={t("escalationSettings.labelIn", { language: LANGUAGE_NAMES[l] })}
                value={values.labels[l]}
                onChange={(e) => set("labels", { ...values.labels, [l]: e.currentTarget.value })}
                lang={l}
                dir={l === "ar" ? "rtl" : "ltr"}
                maxLength={100}
              />
            ))}
          </SimpleGrid>
          {errors.labels ? (
            <Input.Error>{errors.labels}</Input.Error>
          ) : (
            <Input.Description>{t("escalationSettings.labelsHint")}</Input.Description>
          )}
          <NumberInput
            label={t("escalationSettings.position")}
            value={values.position}
            onChange={(v) => set("position", v)}
            error={errors.position}
            min={0}
            max={10_000}
            allowDecimal={false}
            w={160}
          />
          <Switch
            label={t("escalationSettings.active")}
            checked={values.active}
            onChange={(e) => set("active", e.currentTarget.checked)}
          />
          <FormActions onCancel={onClose} pending={pending} />
        </Stack>
      </form>
    </AppModal>
  );
}
