import type { SlaState, Ticket, TicketSlaTarget } from "@frontline/common";
import { Badge, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ticketSlaQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { QueryError } from "../../ui/query-error";
import { useNow } from "../../ui/relative-time";
import { useFormatters } from "../../ui/use-formatters";
import { countdown, DUE_SOON_MINUTES, formatDuration } from "./sla-time";

const STATE_COLORS: Record<SlaState, string> = {
  active: "blue",
  paused: "gray",
  met: "teal",
  breached: "red",
};

/** Where a target stands. */
function SlaStateBadge({ state }: { state: SlaState }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={STATE_COLORS[state]} miw="max-content" data-testid="sla-state">
      {t(`sla.state.${state}`)}
    </Badge>
  );
}

/** One target: its name and state, when it falls due or was settled, and how long is left. */
function TargetLine({ target, now }: { target: TicketSlaTarget; now: number }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const left = target.state === "active" && target.dueAt ? countdown(target.dueAt, now) : null;
  const basis = target.businessTime ? t("sla.panel.business") : t("sla.panel.calendarTime");

  let when: string;
  if (target.state === "met" && target.metAt) when = t("sla.panel.metAt", { time: format.dateTime(target.metAt) });
  else if (target.state === "breached" && target.breachedAt)
    when = t("sla.panel.breachedAt", { time: format.dateTime(target.breachedAt) });
  else if (target.state === "paused")
    when = t("sla.panel.pausedLeft", {
      duration: formatDuration(Math.max(0, target.remainingMinutes ?? 0), i18n.language, "short"),
    });
  else if (target.dueAt) when = t("sla.panel.due", { time: format.dateTime(target.dueAt) });
  else when = t("sla.panel.noDueTime");

  return (
    <Stack gap={2} component="li" data-testid="sla-target" data-target={target.target}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>
          {t(`sla.target.${target.target}`)}
        </Text>
        <SlaStateBadge state={target.state} />
      </Group>
      <Text size="xs" c="dimmed">
        {when} · {basis}
      </Text>
      {left && (
        <Text
          size="sm"
          fw={500}
          c={left.overdue ? "red" : left.minutes <= DUE_SOON_MINUTES ? "orange" : undefined}
          data-testid="sla-countdown"
        >
          {t(left.overdue ? "sla.panel.overdueBy" : "sla.panel.dueIn", {
            duration: formatDuration(left.minutes, i18n.language, "short"),
          })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The ticket's SLA promises with a live countdown (the shared half-minute clock, no refetching). The
 * targets are read again whenever the ticket's poll shows it changed: a colleague's reply, a status
 * move, a breach recorded by the server.
 */
export function TicketSlaPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sla = useQuery(ticketSlaQuery(ticket.id));
  const now = useNow();
  const version = [ticket.updatedAt, ticket.lastMessageAt, ticket.slaDueAt, ticket.slaBreached].join("|");
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void queryClient.invalidateQueries({ queryKey: queryKeys.sla.ofTicket(ticket.id), exact: true });
  }, [version, queryClient, ticket.id]);

  const policies = [...new Set((sla.data ?? []).map((target) => target.policyName))];
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="ticket-sla-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="ticket-sla-title">
          {t("sla.panel.title")}
        </Title>
        {sla.error && <QueryError error={sla.error} onRetry={() => void sla.refetch()} />}
        {sla.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
        {sla.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("sla.panel.none")}
          </Text>
        )}
        {sla.data && sla.data.length > 0 && (
          <>
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
              {sla.data.map((target) => (
                <TargetLine key={target.target} target={target} now={now} />
              ))}
            </Stack>
            <Text size="xs" c="dimmed" dir="auto">
              {t("sla.panel.policy", { name: policies.join(", ") })}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
