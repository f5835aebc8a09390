import { TICKET_PRIORITIES, type Ticket, type TicketStatus } from "@frontline/common";
import { Divider, Paper, Select, Stack, TagsInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { everyoneQuery, teamsQuery } from "../../api/queries";
import { normaliseTag } from "../inbox/views";
import { CustomFieldsEditor } from "./custom-fields-editor";
import { statusPickerChoices } from "./reply-status";
import type { useTicketUpdate } from "./use-ticket-update";

interface PropertiesPanelProps {
  ticket: Ticket;
  updater: ReturnType<typeof useTicketUpdate>;
}

/** Status, priority, assignee, team, tags and custom fields; each change is saved at once. */
export function PropertiesPanel({ ticket, updater }: PropertiesPanelProps) {
  const { t } = useTranslation();
  const users = useQuery(everyoneQuery);
  const teams = useQuery(teamsQuery);
  const [tagError, setTagError] = useState(false);
  const { update, fieldErrors } = updater;
  const readOnly = ticket.mergedIntoId !== null;

  // An inactive assignee stays visible as the current value even though nobody new may be given them.
  const people = [
    { value: "none", label: t("tickets.unassigned") },
    ...(users.data ?? [])
      .filter((u) => u.active || u.id === ticket.assigneeId)
      .map((u) => ({ value: u.id, label: u.name })),
  ];
  const teamOptions = [
    { value: "none", label: t("tickets.noTeam") },
    ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
  ];

  function changeTags(tags: string[]) {
    const clean = tags.map(normaliseTag);
    if (clean.some((tag) => !tag)) {
      setTagError(true);
      return;
    }
    setTagError(false);
    void update({ tags: [...new Set(clean as string[])] });
  }

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={t("ticket.properties.title")}>
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t("ticket.properties.title")}
        </Title>
        <Select
          label={t("ticket.properties.status")}
          data={statusPickerChoices(ticket.status).map((s) => ({ value: s, label: t(`tickets.status.${s}`) }))}
          value={ticket.status}
          onChange={(v) => v && v !== ticket.status && void update({ status: v as TicketStatus })}
          allowDeselect={false}
          error={fieldErrors.status}
          disabled={readOnly || ticket.status === "closed"}
        />
        <Select
          label={t("ticket.properties.priority")}
          data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))}
          value={ticket.priority}
          onChange={(v) => v && v !== ticket.priority && void update({ priority: v as Ticket["priority"] })}
          allowDeselect={false}
          error={fieldErrors.priority}
          disabled={readOnly}
        />
        <Select
          label={t("ticket.properties.assignee")}
          data={people}
          value={ticket.assigneeId ?? "none"}
          onChange={(v) => {
            const next = !v || v === "none" ? null : v;
            if (next !== ticket.assigneeId) void update({ assigneeId: next });
          }}
          searchable
          allowDeselect={false}
          error={fieldErrors.assigneeId}
          disabled={readOnly}
        />
        <Select
          label={t("ticket.properties.team")}
          data={teamOptions}
          value={ticket.teamId ?? "none"}
          onChange={(v) => {
            const next = !v || v === "none" ? null : v;
            if (next !== ticket.teamId) void update({ teamId: next });
          }}
          allowDeselect={false}
          error={fieldErrors.teamId}
          disabled={readOnly}
        />
        <TagsInput
          label={t("ticket.properties.tags")}
          placeholder={t("ticket.properties.tagsPlaceholder")}
          value={ticket.tags}
          onChange={changeTags}
          clearable
          error={tagError ? t("inbox.filters.tagInvalid") : tagsError(fieldErrors)}
          disabled={readOnly}
        />
        <Divider />
        <CustomFieldsEditor ticket={ticket} updater={updater} readOnly={readOnly} />
      </Stack>
    </Paper>
  );
}

/** The server names a bad tag `tags.N`; any of them belongs under the one tags input. */
function tagsError(fieldErrors: Record<string, string>): string | undefined {
  const messages = Object.entries(fieldErrors)
    .filter(([key]) => key === "tags" || key.startsWith("tags."))
    .map(([, message]) => message);
  return messages.length > 0 ? messages.join(" ") : undefined;
}
