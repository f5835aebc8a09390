import type { Team, Ticket, User } from "@frontline/common";
import { Checkbox, Group, Stack, Table, Text } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { PriorityBadge, TicketStatusBadge } from "../../ui/badges";
import { RelativeTime } from "../../ui/relative-time";
import { RouterAnchor } from "../../ui/router-links";
import { EscalationLevelBadge } from "../escalations/level-badge";
import { SlaDueBadge } from "../sla/sla-due-badge";

interface TicketTableProps {
  tickets: Ticket[];
  /** The row the keyboard cursor (j/k) is on, or -1. */
  cursor: number;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (select: boolean) => void;
  onCursor: (index: number) => void;
  requesterNames: Map<string, string>;
  usersById: Map<string, User>;
  teamsById: Map<string, Team>;
  /** Phone width: subject and status only, with the rest folded into the subject's second line. */
  compact: boolean;
}

/** The inbox list: one dense row per ticket; wide, so it scrolls sideways on a phone. */
export function TicketTable(props: TicketTableProps) {
  const { tickets, cursor, selected, onToggle, onToggleAll, onCursor, compact } = props;
  const { t } = useTranslation();
  const cursorRow = useRef<HTMLTableRowElement>(null);
  const allSelected = tickets.length > 0 && tickets.every((ticket) => selected.has(ticket.id));
  const someSelected = !allSelected && tickets.some((ticket) => selected.has(ticket.id));

  // The cursor carries keyboard focus to its row's link: Enter then opens it like any link, and a
  // screen reader reads the ticket it lands on.
  useEffect(() => {
    if (cursor < 0) return;
    const row = cursorRow.current;
    row?.scrollIntoView({ block: "nearest" });
    const link = row?.querySelector("a");
    if (link && document.activeElement !== link) link.focus({ preventScroll: true });
  }, [cursor]);

  return (
    <Table.ScrollContainer minWidth={compact ? 0 : 700}>
      <Table highlightOnHover stickyHeader layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox
                size="xs"
                aria-label={t("inbox.selectAll")}
                checked={allSelected}
                indeterminate={someSelected}
                onChange={(e) => onToggleAll(e.currentTarget.checked)}
              />
            </Table.Th>
            {!compact && <Table.Th w={56}>{t("inbox.columns.number")}</Table.Th>}
            <Table.Th>{t("inbox.columns.subject")}</Table.Th>
            <Table.Th w={100}>{t("inbox.columns.status")}</Table.Th>
            {!compact && <WideHeaders />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tickets.map((ticket, index) => (
            <Row
              key={ticket.id}
              {...props}
              ticket={ticket}
              atCursor={index === cursor}
              rowRef={index === cursor ? cursorRow : undefined}
              onFocusRow={() => onCursor(index)}
              checked={selected.has(ticket.id)}
              onCheck={() => onToggle(ticket.id)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function WideHeaders() {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th w={90}>{t("inbox.columns.priority")}</Table.Th>
      {/* Two lines per cell like the subject: the table fits beside the views at 1280 px. */}
      <Table.Th w={150}>
        {t("inbox.columns.assignee")}
        <Text span size="xs" c="dimmed" fw={400} display="block">
          {t("inbox.columns.team")}
        </Text>
      </Table.Th>
      <Table.Th w={92}>{t("inbox.columns.updated")}</Table.Th>
      <Table.Th w={108}>{t("inbox.columns.sla")}</Table.Th>
    </>
  );
}

interface RowProps extends TicketTableProps {
  ticket: Ticket;
  atCursor: boolean;
  rowRef: React.Ref<HTMLTableRowElement> | undefined;
  onFocusRow: () => void;
  checked: boolean;
  onCheck: () => void;
}

function Row({
  ticket,
  atCursor,
  rowRef,
  onFocusRow,
  checked,
  onCheck,
  requesterNames,
  usersById,
  teamsById,
  compact,
}: RowProps) {
  const { t } = useTranslation();
  const requester = requesterNames.get(ticket.requesterId);
  const assignee = ticket.assigneeId ? usersById.get(ticket.assigneeId) : undefined;
  const team = ticket.teamId ? teamsById.get(ticket.teamId) : undefined;
  return (
    <Table.Tr
      ref={rowRef}
      aria-selected={atCursor}
      // Tabbing to a row's link moves the keyboard cursor there too, so j/k continue from it.
      onFocusCapture={onFocusRow}
      bg={atCursor ? "var(--mantine-primary-color-light)" : checked ? "var(--mantine-color-gray-light)" : undefined}
    >
      {/* The cursor's marker sits on the reading-start edge, so it mirrors in Arabic. */}
      <Table.Td
        style={{
          borderInlineStart: `3px solid ${atCursor ? "var(--mantine-primary-color-filled)" : "transparent"}`,
        }}
      >
        <Checkbox
          size="xs"
          aria-label={t("inbox.selectTicket", { number: ticket.number })}
          checked={checked}
          onChange={onCheck}
        />
      </Table.Td>
      {!compact && <Table.Td c="dimmed">#{ticket.number}</Table.Td>}
      <Table.Td>
        <Stack gap={0}>
          <Group gap={6} wrap="nowrap" miw={0}>
            {ticket.escalationLevel > 0 && (
              <span style={{ flexShrink: 0, display: "inline-flex" }}>
                <EscalationLevelBadge level={ticket.escalationLevel} compact />
              </span>
            )}
            <RouterAnchor
              to="/tickets/$ticketId"
              params={{ ticketId: ticket.id }}
              fw={ticket.status === "new" ? 700 : 500}
              size="sm"
              c="var(--mantine-color-text)"
              truncate
              dir="auto"
              miw={0}
            >
              {ticket.subject}
            </RouterAnchor>
          </Group>
          {compact ? (
            <Group gap={4} wrap="nowrap" c="dimmed">
              <Text size="xs" style={{ flexShrink: 0 }}>
                #{ticket.number}
              </Text>
              <Text size="xs" truncate dir="auto">
                {requester ?? "…"}
              </Text>
              <RelativeTime iso={ticket.updatedAt} size="xs" short style={{ flexShrink: 0 }} ms="auto" />
            </Group>
          ) : (
            <Text size="xs" c="dimmed" truncate dir="auto">
              {requester ?? "…"}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        {compact ? (
          <Stack gap={4} align="flex-start">
            <TicketStatusBadge status={ticket.status} />
            <SlaDueBadge ticket={ticket} />
          </Stack>
        ) : (
          <TicketStatusBadge status={ticket.status} />
        )}
      </Table.Td>
      {!compact && (
        <>
          <Table.Td>
            <PriorityBadge priority={ticket.priority} />
          </Table.Td>
          <Table.Td>
            <Text size="sm" truncate c={assignee ? undefined : "dimmed"}>
              {ticket.assigneeId ? (assignee?.name ?? "…") : t("tickets.unassigned")}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {ticket.teamId ? (team?.name ?? "…") : t("tickets.noTeam")}
            </Text>
          </Table.Td>
          <Table.Td>
            <RelativeTime iso={ticket.updatedAt} c="dimmed" short />
          </Table.Td>
          <Table.Td>
            <SlaDueBadge ticket={ticket} />
          </Table.Td>
        </>
      )}
    </Table.Tr>
  );
}
