import type { Escalation, Me, Ticket } from "@frontline/common";
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconArrowBigUpLines } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ticketEscalationsQuery } from "../../api/queries";
import { RelativeTime } from "../../ui/relative-time";
import { EscalateModal } from "./escalate-modal";
import { EscalationActions } from "./escalation-actions";
import { isActive, LEVEL_COLORS, raisedByName, useLevelName, useReasonLabel } from "./escalation-labels";

/** The ticket header's "Escalate" button and its dialog. */
export function EscalateButton({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const closed = ticket.status === "closed" || ticket.mergedIntoId !== null || ticket.escalationLevel >= 3;
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="orange"
        leftSection={<IconArrowBigUpLines size={14} aria-hidden />}
        onClick={() => setOpen(true)}
        disabled={closed}
      >
        {t("escalations.escalate")}
      </Button>
      {open && <EscalateModal ticket={ticket} onClose={() => setOpen(false)} />}
    </>
  );
}

function OpenEscalation({ escalation: e, me }: { escalation: Escalation; me: Me }) {
  const { t } = useTranslation();
  const labelOf = useReasonLabel();
  const levelName = useLevelName();
  const by = raisedByName(e, t("escalations.system"), (name) => t("escalations.byRule", { name }));
  return (
    <Alert
      color={LEVEL_COLORS[e.level] ?? "grape"}
      icon={<IconArrowBigUpLines size={18} />}
      p="sm"
      data-testid="open-escalation"
      title={t("escalations.banner.raised", {
        level: e.level,
        role: levelName(e.level),
        reason: labelOf(e.reasonLabels, e.reason),
      })}
    >
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" span>
            {t("escalations.banner.by", { name: by })}
            {e.via ? ` ${t(`escalations.via.${e.via}`)}` : ""}
          </Text>
          <RelativeTime iso={e.createdAt} size="sm" c="dimmed" />
          {e.toUser && (
            <Text size="sm" span>
              · {t("escalations.banner.toUser", { name: e.toUser.name })}
            </Text>
          )}
          <Text size="sm" span fw={500}>
            · {e.takenBy ? t("escalations.banner.takenBy", { name: e.takenBy.name }) : t("escalations.banner.waiting")}
          </Text>
        </Group>
        {e.note && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }} dir="auto">
            {e.note}
          </Text>
        )}
        <EscalationActions escalation={e} me={me} />
      </Stack>
    </Alert>
  );
}

/** The ticket's escalations still open or taken, highest level first, with what the viewer may do. */
export function TicketEscalations({ ticket, me }: { ticket: Ticket; me: Me }) {
  const escalations = useQuery(ticketEscalationsQuery(ticket.id));
  const active = (escalations.data ?? []).filter(isActive).sort((a, b) => b.level - a.level);
  if (active.length === 0) return null;
  return (
    <Stack gap="xs">
      {active.map((e) => (
        <OpenEscalation key={e.id} escalation={e} me={me} />
      ))}
    </Stack>
  );
}
