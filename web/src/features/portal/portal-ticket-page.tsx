import { PORTAL_MAX_FILES, type PortalMessage, type PortalTicketDetail } from "@frontline/common";
import { Alert, Anchor, Box, Button, Center, Group, Loader, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconArrowBack, IconPaperclip, IconSend, IconUserShield } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Navigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiStatus } from "../../api/api-error";
import { askForSupervisor, getPortalTicket, portalKeys, replyOnPortalTicket } from "../../api/portal";
import { formatFileSize } from "../../ui/file-size";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { QueryError } from "../../ui/query-error";
import { RelativeTime } from "../../ui/relative-time";
import { RouterAnchor } from "../../ui/router-links";
import { useFormatters } from "../../ui/use-formatters";
import { MessageBody } from "../ticket/message-body";
import { FilesField } from "./files-field";
import { PortalStatusBadge } from "./portal-status-badge";
import { usePortalMe, usePortalSlug } from "./use-portal";

function PortalMessageItem({ message }: { message: PortalMessage }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const mine = message.from === "customer";
  return (
    <Box component="article" style={{ display: "flex", justifyContent: mine ? "flex-end" : "flex-start" }}>
      <Paper
        p="sm"
        radius="md"
        maw={{ base: "92%", sm: "80%" }}
        miw={{ base: "60%", sm: 280 }}
        withBorder
        bg={mine ? "blue.0" : "white"}
      >
        <Stack gap={6}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={600} truncate>
              {mine ? t("portal.ticket.you") : message.authorName}
            </Text>
            <RelativeTime iso={message.createdAt} size="xs" c="dimmed" style={{ flexShrink: 0 }} />
          </Group>
          <MessageBody text={message.bodyText} html={message.bodyHtml} />
          {message.attachments.length > 0 && (
            <Group gap="xs" aria-label={t("portal.ticket.files")}>
              {message.attachments.map((file) => (
                <Anchor key={file.id} href={file.url} size="xs" download={file.filename}>
                  <Group gap={4} wrap="nowrap">
                    <IconPaperclip size={12} aria-hidden />
                    <span dir="auto">{file.filename}</span>
                    <Text span size="xs" c="dimmed">
                      {formatFileSize(file.size, format.number)}
                    </Text>
                  </Group>
                </Anchor>
              ))}
            </Group>
          )}
        </Stack>
      </Paper>
    </Box>
  );
}

function ReplyForm({ slug, detail }: { slug: string; detail: PortalTicketDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [empty, setEmpty] = useState(false);
  const send = useMutation({
    mutationFn: () => replyOnPortalTicket(slug, detail.ticket.id, body, files),
    onSuccess: (next) => {
      setBody("");
      setFiles([]);
      queryClient.setQueryData(portalKeys.ticket(slug, detail.ticket.id), next);
      void queryClient.invalidateQueries({ queryKey: portalKeys.tickets(slug) });
      notifySuccess(t("portal.ticket.sent"));
    },
  });
  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim() === "") return setEmpty(true);
          setEmpty(false);
          send.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <FormAlert error={send.error} />
          <Textarea
            label={t("portal.ticket.reply")}
            placeholder={t("portal.ticket.replyPlaceholder")}
            autosize
            minRows={3}
            maxRows={12}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={empty ? t("validation.required") : undefined}
          />
          <FilesField files={files} onChange={setFiles} max={PORTAL_MAX_FILES} />
          <Button
            type="submit"
            loading={send.isPending}
            leftSection={<IconSend size={16} />}
            style={{ alignSelf: "start" }}
          >
            {t("portal.ticket.send")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** "Ask for a supervisor", or that one has been asked, while the request is open. */
function SupervisorRequest({ slug, detail }: { slug: string; detail: PortalTicketDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const ask = useMutation({
    mutationFn: () => askForSupervisor(slug, detail.ticket.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: portalKeys.ticket(slug, detail.ticket.id) });
      notifySuccess(t("supervisorRequest.asked"));
    },
  });
  if (detail.supervisorRequested) {
    return (
      <Alert color="blue" icon={<IconUserShield size={18} />} data-testid="supervisor-requested">
        {t("supervisorRequest.requested")}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="xs">
        <FormAlert error={ask.error} />
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 220 }}>
            {t("supervisorRequest.buttonHint")}
          </Text>
          <Button
            variant="light"
            leftSection={<IconUserShield size={16} aria-hidden />}
            loading={ask.isPending}
            onClick={() => ask.mutate()}
          >
            {t("supervisorRequest.button")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** One of the customer's requests: its conversation, and a reply with files while it is open. */
export function PortalTicketPage() {
  const { t } = useTranslation();
  const slug = usePortalSlug();
  const { ticketId } = useParams({ from: "/portal/$slug/tickets/$ticketId" });
  const me = usePortalMe(slug);
  const query = useQuery({
    queryKey: portalKeys.ticket(slug, ticketId),
    queryFn: () => getPortalTicket(slug, ticketId),
    enabled: Boolean(me.data),
    // A reply from the team shows up without a reload.
    refetchInterval: 30_000,
  });
  useDocumentTitle(query.data ? `#${query.data.ticket.number} ${query.data.ticket.subject}` : t("portal.title"));

  if (me.isSuccess && !me.data) return <Navigate to="/portal/$slug/sign-in" params={{ slug }} />;
  if (query.error) {
    return isApiStatus(query.error, 404) ? (
      <Alert color="gray">{t("portal.ticket.notFound")}</Alert>
    ) : (
      <QueryError error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  if (!query.data) {
    return (
      <Center p="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  const { ticket, messages } = query.data;
  return (
    <Stack gap="md">
      <RouterAnchor to="/portal/$slug" params={{ slug }} size="sm">
        <Group gap={4}>
          <IconArrowBack size={14} aria-hidden />
          {t("portal.requests.back")}
        </Group>
      </RouterAnchor>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h3" dir="auto">
          <Text span c="dimmed" inherit>
            #{ticket.number}{" "}
          </Text>
          {ticket.subject}
        </Title>
        <PortalStatusBadge status={ticket.status} />
      </Group>
      <Stack gap="sm">
        {messages.map((m) => (
          <PortalMessageItem key={m.id} message={m} />
        ))}
      </Stack>
      {ticket.mergedIntoNumber !== null ? (
        <Alert color="gray">{t("portal.ticket.merged", { number: ticket.mergedIntoNumber })}</Alert>
      ) : ticket.status === "closed" ? (
        <Alert color="gray">{t("portal.ticket.closed")}</Alert>
      ) : (
        <>
          <ReplyForm slug={slug} detail={query.data} />
          <SupervisorRequest slug={slug} detail={query.data} />
        </>
      )}
    </Stack>
  );
}
