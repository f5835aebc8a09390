import { createTicketInput, TICKET_PRIORITIES, type Ticket } from "@frontline/common";
import { Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys";
import { createTicket } from "../../api/tickets";
import { AppModal } from "../../ui/app-modal";
import { FormActions } from "../../ui/form-actions";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { useForm } from "../../ui/use-form";

interface NewTicketValues extends Record<string, unknown> {
  email: string;
  name: string;
  subject: string;
  body: string;
  priority: Ticket["priority"];
}

const EMPTY: NewTicketValues = { email: "", name: "", subject: "", body: "", priority: "normal" };

// The request nests requester and message; the form shows them flat.
const FIELD_OF: Record<string, string> = {
  "requester.email": "email",
  "requester.name": "name",
  requester: "email",
  "message.body": "body",
  message: "body",
};

function fieldOf(path: string): string {
  return FIELD_OF[path] ?? path.split(".")[0] ?? path;
}

/** Opens a ticket on a customer's behalf (a call, a walk-in); mounted fresh each time it opens. */
export function NewTicketModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<NewTicketValues>(EMPTY, { fieldOf });
  const [pending, setPending] = useState(false);
  const { values, errors, set } = form;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate(createTicketInput, {
      subject: values.subject,
      requester: { email: values.email, ...(values.name.trim() ? { name: values.name } : {}) },
      message: { body: values.body },
      priority: values.priority,
    });
    if (!input) return;
    setPending(true);
    try {
      const ticket = await createTicket(input);
      // Not awaited: lists and counts catch up in the background; the person need not wait for them.
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
      notifySuccess(t("newTicket.created", { number: ticket.number }));
      onClose();
      await navigate({ to: "/tickets/$ticketId", params: { ticketId: ticket.id } });
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <AppModal opened={opened} onClose={onClose} title={t("newTicket.title")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
            <TextInput
              label={t("newTicket.email")}
              type="email"
              required
              autoComplete="off"
              dir="ltr"
              value={values.email}
              onChange={(e) => set("email", e.currentTarget.value)}
              error={errors.email}
              data-autofocus
            />
            <TextInput
              label={t("newTicket.name")}
              autoComplete="off"
              value={values.name}
              onChange={(e) => set("name", e.currentTarget.value)}
              error={errors.name}
            />
          </SimpleGrid>
          <TextInput
            label={t("newTicket.subject")}
            required
            value={values.subject}
            onChange={(e) => set("subject", e.currentTarget.value)}
            error={errors.subject}
          />
          <Textarea
            label={t("newTicket.message")}
            description={t("newTicket.messageHint")}
            required
            autosize
            minRows={4}
            maxRows={12}
            value={values.body}
            onChange={(e) => set("body", e.currentTarget.value)}
            error={errors.body}
          />
          <Select
            label={t("newTicket.priority")}
            data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))}
            value={values.priority}
            onChange={(v) => v && set("priority", v as Ticket["priority"])}
            allowDeselect={false}
            w={{ base: "100%", sm: 200 }}
          />
          <FormActions onCancel={onClose} pending={pending} submitLabel={t("newTicket.submit")} />
        </Stack>
      </form>
    </AppModal>
  );
}
