import type { Mentionable, Message } from "@frontline/common";
import { Anchor, Badge, Box, Group, Paper, Stack, Text } from "@mantine/core";
import { IconLock, IconPaperclip } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { everyoneQuery, meQuery } from "../../api/queries";
import { formatFileSize } from "../../ui/file-size";
import { RelativeTime } from "../../ui/relative-time";
import { useFormatters } from "../../ui/use-formatters";
import { MessageBody } from "./message-body";

/** Customer messages sit on the reading-start side, staff on the reading-end side; logical, so Arabic mirrors. */
function sideOf(message: Message): "start" | "end" {
  return message.kind === "inbound" || message.author.type === "customer" ? "start" : "end";
}

const BACKGROUND: Record<Message["kind"], string> = {
  inbound: "var(--mantine-color-gray-light)",
  reply: "var(--mantine-color-blue-light)",
  note: "var(--mantine-color-yellow-1)",
};

/** A message's mentions with the colleagues' addresses where known, so `@email` mentions light up too. */
function useMentionables(message: Message): Mentionable[] {
  const { data: everyone } = useQuery(everyoneQuery);
  return useMemo(() => {
    const emails = new Map((everyone ?? []).map((u) => [u.id, u.email]));
    return message.mentions.map((m) => ({ ...m, email: emails.get(m.id) }));
  }, [message.mentions, everyone]);
}

function MessageItem({ message }: { message: Message }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const side = sideOf(message);
  const mentions = useMentionables(message);
  const { data: me } = useQuery(meQuery);
  const note = message.kind === "note";
  return (
    <Box
      component="article"
      aria-label={t(`ticket.kinds.${message.kind}`)}
      style={{ display: "flex", justifyContent: side === "start" ? "flex-start" : "flex-end" }}
    >
      <Paper
        p="sm"
        radius="md"
        maw={{ base: "92%", sm: "80%" }}
        miw={{ base: "60%", sm: 280 }}
        bg={BACKGROUND[message.kind]}
        withBorder={note}
        style={note ? { borderColor: "var(--mantine-color-yellow-5)" } : undefined}
      >
        <Stack gap={6}>
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <Group gap={6} wrap="nowrap" miw={0}>
              <Text size="sm" fw={600} truncate>
                {message.author.name}
              </Text>
              {note && (
                <Badge size="xs" color="yellow" variant="filled" leftSection={<IconLock size={10} />} autoContrast>
                  {t("ticket.kinds.note")}
                </Badge>
              )}
            </Group>
            <RelativeTime iso={message.createdAt} size="xs" c="dimmed" style={{ flexShrink: 0 }} />
          </Group>
          <MessageBody text={message.bodyText} html={message.bodyHtml} mentions={mentions} meId={me?.id} />
          {message.attachments.length > 0 && (
            <Stack
              component="ul"
              gap={2}
              aria-label={t("ticket.attachments")}
              p={0}
              m={0}
              style={{ listStyle: "none" }}
            >
              {message.attachments.map((file) => (
                <Group component="li" key={file.id} gap={4} wrap="nowrap">
                  <IconPaperclip size={14} aria-hidden />
                  {/* Same origin, so the session goes along; the server always answers as a download. */}
                  <Anchor
                    href={file.url}
                    download={file.filename}
                    size="xs"
                    truncate
                    dir="auto"
                    aria-label={t("attachments.download", { name: file.filename })}
                  >
                    {file.filename}
                  </Anchor>
                  <Text size="xs" c="dimmed" dir="ltr" style={{ flexShrink: 0 }}>
                    {formatFileSize(file.size, format.number)}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      </Paper>
    </Box>
  );
}

/** The conversation, oldest first; a message arriving while it is open is scrolled into view. */
export function Conversation({ messages }: { messages: Message[] }) {
  const { t } = useTranslation();
  const end = useRef<HTMLDivElement>(null);
  const seen = useRef<number | null>(null);

  useEffect(() => {
    if (seen.current !== null && messages.length > seen.current) end.current?.scrollIntoView({ block: "nearest" });
    seen.current = messages.length;
  }, [messages.length]);

  if (messages.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("ticket.noMessages")}
      </Text>
    );
  }
  return (
    <Stack gap="sm" component="section" aria-label={t("ticket.conversation")}>
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} />
      ))}
      <div ref={end} />
    </Stack>
  );
}
