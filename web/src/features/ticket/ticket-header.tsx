import type { Ticket } from "@frontline/common";
import { ActionIcon, Group, Stack, Text, TextInput, Title, Tooltip, useDirection } from "@mantine/core";
import { IconArrowLeft, IconArrowRight, IconCheck, IconPencil, IconX } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { PriorityBadge, TicketStatusBadge } from "../../ui/badges";
import { RouterAnchor } from "../../ui/router-links";
import { useFormatters } from "../../ui/use-formatters";
import { EscalationLevelBadge } from "../escalations/level-badge";
import type { useTicketUpdate } from "./use-ticket-update";

interface TicketHeaderProps {
  ticket: Ticket;
  updater: ReturnType<typeof useTicketUpdate>;
  actions: ReactNode;
}

/** Number, subject (click the pencil to rename it in place), status and priority, and the way back. */
export function TicketHeader({ ticket, updater, actions }: TicketHeaderProps) {
  const { t } = useTranslation();
  const { dir } = useDirection();
  const format = useFormatters();
  const [draft, setDraft] = useState<string | null>(null);
  const [empty, setEmpty] = useState(false);
  const BackIcon = dir === "rtl" ? IconArrowRight : IconArrowLeft;

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (draft === null) return;
    const subject = draft.trim();
    if (!subject) {
      setEmpty(true);
      return;
    }
    if (subject === ticket.subject || (await updater.update({ subject }))) setDraft(null);
  }

  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap">
        <RouterAnchor to="/inbox" size="sm">
          <Group gap={4} wrap="nowrap" component="span">
            <BackIcon size={14} aria-hidden />
            {t("ticket.back")}
          </Group>
        </RouterAnchor>
        <Group gap="xs">{actions}</Group>
      </Group>
      {draft === null ? (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Title order={1} size="h3" style={{ overflowWrap: "anywhere" }}>
            <Text span c="dimmed" inherit me={8}>
              #{ticket.number}
            </Text>
            <span dir="auto">{ticket.subject}</span>
          </Title>
          <Tooltip label={t("ticket.editSubject")} withArrow>
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={4}
              aria-label={t("ticket.editSubject")}
              onClick={() => setDraft(ticket.subject)}
              disabled={ticket.mergedIntoId !== null}
            >
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ) : (
        <form onSubmit={(e) => void save(e)}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              aria-label={t("ticket.subject")}
              value={draft}
              onChange={(e) => {
                setDraft(e.currentTarget.value);
                setEmpty(false);
              }}
              onKeyDown={(e) => {
                if (e.key === "Escape") {
                  e.preventDefault();
                  setDraft(null);
                }
              }}
              error={empty ? t("validation.required") : updater.fieldErrors.subject}
              maxLength={300}
              size="md"
              style={{ flex: 1 }}
              data-autofocus
              autoFocus
            />
            <ActionIcon type="submit" size="lg" mt={2} aria-label={t("common.save")} loading={updater.pending}>
              <IconCheck size={18} />
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              mt={2}
              aria-label={t("common.cancel")}
              onClick={() => setDraft(null)}
            >
              <IconX size={18} />
            </ActionIcon>
          </Group>
        </form>
      )}
      <Group gap="xs">
        <TicketStatusBadge status={ticket.status} />
        <PriorityBadge priority={ticket.priority} />
        <EscalationLevelBadge level={ticket.escalationLevel} />
        <Text size="xs" c="dimmed">
          {t(`tickets.channel.${ticket.channel}`)} ·{" "}
          {t("ticket.createdAt", { time: format.dateTime(ticket.createdAt) })}
        </Text>
      </Group>
    </Stack>
  );
}
