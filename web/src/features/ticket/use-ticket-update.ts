import type { Ticket, UpdateTicketInput } from "@frontline/common";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "../../api/api-error";
import { queryKeys } from "../../api/query-keys";
import { updateTicket } from "../../api/tickets";
import { notifyError } from "../../ui/notify";

/**
 * Changes a ticket and keeps every view of it in step. A refusal that names fields (a status move
 * that is not allowed, a bad custom field) is kept per field for the inputs; anything else is a toast.
 */
export function useTicketUpdate(ticket: Ticket) {
  const queryClient = useQueryClient();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (input: UpdateTicketInput) => updateTicket(ticket.id, input),
    onMutate: (input) => {
      // The message described the old value of these fields; it goes as they are sent again.
      setFieldErrors((current) => {
        const next = { ...current };
        for (const key of Object.keys(current)) {
          const root = key.split(".")[0] ?? key;
          if (root in input) delete next[key];
        }
        return next;
      });
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.tickets.detail(ticket.id), updated);
      // Not awaited: lists and counts catch up in the background; the person need not wait for them.
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.hasFieldErrors) {
        setFieldErrors((current) => ({
          ...current,
          ...Object.fromEntries(Object.entries(error.fields).map(([key, messages]) => [key, messages.join(" ")])),
        }));
      } else {
        notifyError(error);
      }
    },
  });
  return {
    update: (input: UpdateTicketInput) => mutation.mutateAsync(input).catch(() => null),
    pending: mutation.isPending,
    fieldErrors,
  };
}
