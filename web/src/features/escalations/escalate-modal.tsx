import { createEscalationInput, escalationRole, roleAtLeast, type Ticket } from "@frontline/common";
import { Select, Stack, Text, Textarea } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { escalateTicket } from "../../api/escalations";
import { escalationReasonsQuery, everyoneQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { AppModal } from "../../ui/app-modal";
import { FormActions } from "../../ui/form-actions";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { useForm } from "../../ui/use-form";
import { useLevelName, useReasonLabel } from "./escalation-labels";

interface EscalateValues extends Record<string, unknown> {
  reason: string;
  note: string;
  toUserId: string;
}

/** Hand a ticket up: a reason, a note, and optionally the supervisor (or above) to hand it to by name. */
export function EscalateModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reasons = useQuery(escalationReasonsQuery);
  const everyone = useQuery(everyoneQuery);
  const labelOf = useReasonLabel();
  const levelName = useLevelName();
  const form = useForm<EscalateValues>({ reason: "", note: "", toUserId: "" });
  const [pending, setPending] = useState(false);
  const { values, errors, set } = form;
  // The level this escalation will get, and so who may be handed it.
  const level = Math.min(ticket.escalationLevel + 1, 3);
  const handlers = (everyone.data ?? [])
    .filter((u) => u.active && roleAtLeast(u.role, escalationRole(level)))
    .map((u) => ({ value: u.id, label: `${u.name} · ${t(`roles.${u.role}`)}` }));
  const reasonOptions = (reasons.data ?? [])
    .filter((r) => r.active)
    .map((r) => ({ value: r.code, label: labelOf(r.labels, r.code) }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate(createEscalationInput, {
      reason: values.reason,
      ...(values.note.trim() ? { note: values.note } : {}),
      ...(values.toUserId ? { toUserId: values.toUserId } : {}),
    });
    if (!input) return;
    setPending(true);
    try {
      const escalation = await escalateTicket(ticket.id, input);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.escalations.all }),
      ]);
      notifySuccess(t("escalations.escalated", { number: ticket.number, level: escalation.level }));
      onClose();
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <AppModal opened onClose={onClose} title={t("escalations.escalateTitle", { number: ticket.number })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={form.formError} />
          <Text size="sm" c="dimmed">
            {t("escalations.level", { level })} · {levelName(level)}
          </Text>
          <Select
            label={t("escalations.reason")}
            placeholder={t("escalations.reasonPlaceholder")}
            data={reasonOptions}
            value={values.reason || null}
            onChange={(v) => set("reason", v ?? "")}
            error={errors.reason}
            required
            searchable
            disabled={reasons.isPending}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <Textarea
            label={t("escalations.note")}
            placeholder={t("escalations.notePlaceholder")}
            autosize
            minRows={3}
            maxRows={8}
            maxLength={5000}
            value={values.note}
            onChange={(e) => set("note", e.currentTarget.value)}
            error={errors.note}
          />
          <Select
            label={t("escalations.toUser")}
            description={t("escalations.toUserHint")}
            placeholder={t("escalations.toUserPlaceholder")}
            data={handlers}
            value={values.toUserId || null}
            onChange={(v) => set("toUserId", v ?? "")}
            error={errors.toUserId}
            searchable
            clearable
            disabled={everyone.isPending}
            comboboxProps={{ withinPortal: true }}
          />
          <FormActions onCancel={onClose} pending={pending} submitLabel={t("escalations.submit")} />
        </Stack>
      </form>
    </AppModal>
  );
}
