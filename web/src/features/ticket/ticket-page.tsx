import type { Message, Ticket } from "@frontline/common";
import { Alert, Grid, Loader, Stack } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconGitMerge } from "@tabler/icons-react";
import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { messagesQuery, ticketQuery } from "../../api/queries";
import { QueryError } from "../../ui/query-error";
import { RouterAnchor } from "../../ui/router-links";
import { useMe } from "../auth/use-me";
import { EscalateButton, TicketEscalations } from "../escalations/ticket-escalations";
import { RequirementsPanel } from "../routing/requirements-panel";
import { WorkspaceShortcuts } from "../shortcuts/shortcuts-help";
import { TicketSlaPanel } from "../sla/ticket-sla-panel";
import { Conversation } from "./conversation";
import { CustomerPanel } from "./customer-panel";
import { PropertiesPanel } from "./properties-panel";
import { ReplyBox, type ReplyBoxHandle } from "./reply-box";
import { TicketHeader } from "./ticket-header";
import { useTicketUpdate } from "./use-ticket-update";

const route = getRouteApi("/signed-in/tickets/$ticketId");

/** One ticket: the conversation and reply box, with its properties and its customer beside them. */
export function TicketPage() {
  const { t } = useTranslation();
  const { ticketId } = route.useParams();
  const ticket = useQuery(ticketQuery(ticketId));
  const messages = useQuery(messagesQuery(ticketId));
  useDocumentTitle(
    `${ticket.data ? `#${ticket.data.number} ${ticket.data.subject}` : t("ticket.title")} · ${t("app.name")}`,
  );

  if (ticket.error) return <QueryError error={ticket.error} onRetry={() => void ticket.refetch()} />;
  if (!ticket.data) return <Loader size="sm" aria-label={t("common.loading")} />;
  // Keyed by ticket: moving to another ticket (a timeline link) starts with fresh drafts and errors.
  return <TicketView key={ticketId} ticket={ticket.data} messages={messages} />;
}

function TicketView({ ticket, messages }: { ticket: Ticket; messages: UseQueryResult<Message[]> }) {
  const { t } = useTranslation();
  const updater = useTicketUpdate(ticket);
  const reply = useRef<ReplyBoxHandle>(null);
  const me = useMe();

  return (
    <Stack gap="md">
      <TicketHeader
        ticket={ticket}
        updater={updater}
        actions={
          <>
            <EscalateButton ticket={ticket} />
            <WorkspaceShortcuts
              page="ticket"
              bindings={{ r: () => reply.current?.focus("reply"), n: () => reply.current?.focus("note") }}
            />
          </>
        }
      />
      <TicketEscalations ticket={ticket} me={me} />
      {ticket.mergedIntoId && (
        <Alert color="gray" icon={<IconGitMerge size={18} />} p="xs">
          {t("ticket.merged")}{" "}
          <RouterAnchor to="/tickets/$ticketId" params={{ ticketId: ticket.mergedIntoId }} size="sm">
            {t("ticket.openMerged")}
          </RouterAnchor>
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {messages.error && <QueryError error={messages.error} onRetry={() => void messages.refetch()} />}
            {messages.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
            {messages.data && <Conversation messages={messages.data} />}
            <ReplyBox ref={reply} ticket={ticket} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <TicketSlaPanel ticket={ticket} />
            <PropertiesPanel ticket={ticket} updater={updater} />
            <RequirementsPanel ticket={ticket} />
            <CustomerPanel customerId={ticket.requesterId} ticketId={ticket.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
