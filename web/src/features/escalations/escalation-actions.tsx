import {
  deEscalateInput,
  ESCALATION_OUTCOMES,
  type Escalation,
  type EscalationOutcome,
  escalationRole,
  type Me,
  resolveEscalationInput,
  roleAtLeast,
} from "@frontline/common";
import { Button, Group, Select, Stack, Textarea } from "@mantine/core";
import { IconArrowBackUp, IconCheck, IconHandGrab } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { deEscalate, resolveEscalation, takeEscalation } from "../../api/escalations";
import { queryKeys } from "../../api/query-keys";
import { AppModal } from "../../ui/app-modal";
import { FormActions } from "../../ui/form-actions";
import { FormAlert } from "../../ui/form-alert";
import { notifyError, notifySuccess } from "../../ui/notify";
import { useForm } from "../../ui/use-form";

/** After any step: the queue, the report, the ticket's escalations and its level all move. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.escalations.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all }),
    ]);
}

/** Whether the signed-in person may act on this escalation now: their level, and not a colleague's. */
export function mayHandle(me: Me, e: Escalation): boolean {
  if (e.status === "resolved" || !roleAtLeast(me.role, escalationRole(e.level))) return false;
  return e.status === "open" || e.takenBy?.id === me.id;
}

function ResolveModal({ escalation, onClose }: { escalation: Escalation; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const form = useForm<{ outcome: string; note: string }>({ outcome: "", note: "" });
  const [pending, setPending] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate(resolveEscalationInput, {
      outcome: form.values.outcome,
      ...(form.values.note.trim() ? { note: form.values.note } : {}),
    });
    if (!input) return;
    setPending(true);
    try {
      await resolveEscalation(escalation.id, input);
      await refresh();
      notifySuccess(t("escalations.resolved", { number: escalation.ticketNumber }));
      onClose();
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }
  return (
    <AppModal opened onClose={onClose} title={t("escalations.resolveTitle", { number: escalation.ticketNumber })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={form.formError} />
          <Select
            label={t("escalations.outcomeLabel")}
            data={ESCALATION_OUTCOMES.map((o) => ({ value: o, label: t(`escalations.outcome.${o}`) }))}
            value={form.values.outcome || null}
            onChange={(v) => form.set("outcome", (v ?? "") as EscalationOutcome | "")}
            error={form.errors.outcome}
            required
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <Textarea
            label={t("escalations.resolutionNote")}
            description={t("escalations.resolutionNoteHint")}
            autosize
            minRows={3}
            maxRows={8}
            maxLength={5000}
            value={form.values.note}
            onChange={(e) => form.set("note", e.currentTarget.value)}
            error={form.errors.note}
          />
          <FormActions onCancel={onClose} pending={pending} submitLabel={t("escalations.resolve")} />
        </Stack>
      </form>
    </AppModal>
  );
}

function DeEscalateModal({ escalation, onClose }: { escalation: Escalation; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const form = useForm<{ coachingNote: string }>({ coachingNote: "" });
  const [pending, setPending] = useState(false);
  const name = escalation.createdBy.name;
  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate(deEscalateInput, form.values);
    if (!input) return;
    setPending(true);
    try {
      await deEscalate(escalation.id, input.coachingNote);
      await refresh();
      notifySuccess(t("escalations.deEscalated", { number: escalation.ticketNumber, name }));
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
      title={t("escalations.deEscalateTitle", { number: escalation.ticketNumber, name })}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={form.formError} />
          <Textarea
            label={t("escalations.coachingNote")}
            description={t("escalations.coachingNoteHint", { name })}
            autosize
            minRows={4}
            maxRows={10}
            maxLength={5000}
            required
            value={form.values.coachingNote}
            onChange={(e) => form.set("coachingNote", e.currentTarget.value)}
            error={form.errors.coachingNote}
            data-autofocus
          />
          <FormActions onCancel={onClose} pending={pending} submitLabel={t("escalations.deEscalate")} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** Take, resolve and hand back, as far as the signed-in person may. */
export function EscalationActions({ escalation, me, size = "xs" }: { escalation: Escalation; me: Me; size?: string }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [open, setOpen] = useState<"resolve" | "deEscalate" | null>(null);
  const take = useMutation({
    mutationFn: () => takeEscalation(escalation.id),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t("escalations.taken", { number: escalation.ticketNumber }));
    },
    onError: notifyError,
  });
  if (!mayHandle(me, escalation)) return null;
  return (
    <Group gap={6} wrap="wrap">
      {escalation.status === "open" && (
        <Button
          size={size}
          variant="light"
          leftSection={<IconHandGrab size={14} aria-hidden />}
          loading={take.isPending}
          onClick={() => take.mutate()}
        >
          {t("escalations.take")}
        </Button>
      )}
      <Button size={size} leftSection={<IconCheck size={14} aria-hidden />} onClick={() => setOpen("resolve")}>
        {t("escalations.resolve")}
      </Button>
      {escalation.createdBy.type === "user" && (
        <Button
          size={size}
          variant="default"
          leftSection={<IconArrowBackUp size={14} aria-hidden />}
          onClick={() => setOpen("deEscalate")}
        >
          {t("escalations.deEscalate")}
        </Button>
      )}
      {open === "resolve" && <ResolveModal escalation={escalation} onClose={() => setOpen(null)} />}
      {open === "deEscalate" && <DeEscalateModal escalation={escalation} onClose={() => setOpen(null)} />}
    </Group>
  );
}
