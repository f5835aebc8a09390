import type { SetTicketRequirementsInput, Ticket } from "@frontline/common";
import { Loader, MultiSelect, Paper, Select, Stack, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/api-error";
import { requirementsQuery, skillsQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { setRequirements } from "../../api/routing";
import { notifyError } from "../../ui/notify";
import { QueryError } from "../../ui/query-error";
import { languageName, languageOptions } from "./language-names";

// The language picker's value for "follow the ticket's own language".
const TICKET_LANGUAGE = "ticket";

/** What routing looks for in whoever takes the ticket: skills, and a language; each change is saved at once. */
export function RequirementsPanel({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const requirements = useQuery(requirementsQuery(ticket.id));
  const skills = useQuery(skillsQuery);
  const save = useMutation({
    mutationFn: (input: SetTicketRequirementsInput) => setRequirements(ticket.id, input),
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.routing.requirements(ticket.id), next);
      // A waiting ticket may have gone to someone just now.
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.detail(ticket.id), exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.routing.all });
    },
    onError: notifyError,
  });
  const languages = useMemo(() => languageOptions(i18n.language), [i18n.language]);
  const readOnly = ticket.mergedIntoId !== null;
  const fields = save.error instanceof ApiError ? save.error.fields : {};

  if (requirements.error) return <QueryError error={requirements.error} onRetry={() => void requirements.refetch()} />;
  const current = requirements.data;
  const own = current?.ticketLanguage ? languageName(current.ticketLanguage, i18n.language) : null;

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={t("routing.requirements.title")}>
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t("routing.requirements.title")}
        </Title>
        {!current && <Loader size="sm" aria-label={t("common.loading")} />}
        {current && (
          <>
            <MultiSelect
              label={t("routing.requirements.skills")}
              placeholder={current.skillIds.length === 0 ? t("routing.requirements.noSkills") : undefined}
              data={(skills.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={current.skillIds}
              onChange={(skillIds) => save.mutate({ skillIds, language: current.language })}
              error={Object.entries(fields)
                .find(([k]) => k.startsWith("skillIds"))?.[1]
                ?.join(" ")}
              searchable
              hidePickedOptions
              disabled={readOnly || save.isPending}
              nothingFoundMessage={t("routing.agentForm.noSkills")}
              data-testid="required-skills"
            />
            <Select
              label={t("routing.requirements.language")}
              data={[
                {
                  value: TICKET_LANGUAGE,
                  label: own
                    ? t("routing.requirements.ticketLanguage", { language: own })
                    : t("routing.requirements.anyLanguage"),
                },
                ...languages,
              ]}
              value={current.language ?? TICKET_LANGUAGE}
              onChange={(v) =>
                save.mutate({ skillIds: current.skillIds, language: !v || v === TICKET_LANGUAGE ? null : v })
              }
              error={fields.language?.join(" ")}
              searchable
              allowDeselect={false}
              disabled={readOnly || save.isPending}
              data-testid="required-language"
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
