import type { Ticket, TicketStatus } from "@frontline/common";
import { Box, Button, FileButton, Group, Kbd, Menu, Paper, Stack, Tabs, Text, Textarea } from "@mantine/core";
import { IconCheck, IconChevronDown, IconLock, IconMessage, IconPaperclip } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type ClipboardEvent,
  type KeyboardEvent,
  type Ref,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from "react";
import { flushSync } from "react-dom";
import { useTranslation } from "react-i18next";
import { everyoneQuery, meQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { addMessage } from "../../api/tickets";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { AttachmentList } from "./attachment-list";
import { MentionTextarea } from "./mention-textarea";
import { type ReplyKind, sendStatusChoices, statusToSend } from "./reply-status";
import { attachmentIdsOf, filesToAttachFromPaste, uploadsPending } from "./uploads";
import { useFileDrop } from "./use-file-drop";
import { useUploads } from "./use-uploads";

/** What the page's shortcuts may do with the reply box. */
export interface ReplyBoxHandle {
  focus(kind: ReplyKind): void;
}

interface ReplyBoxProps {
  ticket: Ticket;
  ref?: Ref<ReplyBoxHandle>;
}

/**
 * Public reply or internal note, each with its own draft and files, sent with the button or Ctrl+Enter.
 * Files are chosen with the button, dropped on the box or pasted, and upload at once.
 */
export function ReplyBox({ ticket, ref }: ReplyBoxProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ReplyKind>("reply");
  const [drafts, setDrafts] = useState<Record<ReplyKind, string>>({ reply: "", note: "" });
  const [chosen, setChosen] = useState<TicketStatus | null>(null);
  const [empty, setEmpty] = useState(false);
  const areas = { reply: useRef<HTMLTextAreaElement>(null), note: useRef<HTMLTextAreaElement>(null) };
  const uploads = useUploads();
  const resetFilePicker = useRef<() => void>(null);
  const colleagues = useColleagues();

  useImperativeHandle(ref, () => ({
    focus(next: ReplyKind) {
      // The panel may be hidden until this render: show it now, so the very next key lands in it.
      flushSync(() => setKind(next));
      areas[next].current?.focus();
    },
  }));

  const send = useMutation({
    mutationFn: (input: { kind: ReplyKind; body: string; status?: TicketStatus; attachmentIds: string[] }) =>
      addMessage(ticket.id, input),
    onSuccess: (message, input) => {
      setDrafts((current) => ({ ...current, [input.kind]: "" }));
      uploads.clear(input.kind);
      setChosen(null);
      notifySuccess(input.kind === "note" ? t("ticket.reply.noteAdded") : t("ticket.reply.sent"));
      queryClient.setQueryData(queryKeys.tickets.messages(ticket.id), (old: unknown) =>
        Array.isArray(old) ? [...old, message] : old,
      );
      // Not awaited: lists and counts catch up in the background; the person need not wait for them.
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
    },
  });

  const closed = ticket.status === "closed" || ticket.mergedIntoId !== null;
  const files = uploads.lists[kind];
  const waiting = uploadsPending(files);
  const drop = useFileDrop((dropped) => uploads.add(kind, dropped), !closed);
  const choices = sendStatusChoices(kind, ticket.status);
  const status = chosen && choices.includes(chosen) ? chosen : (choices[0] ?? null);

  const statusName = status ? t(`tickets.status.${status}`) : "";
  const changes = status !== null && status !== ticket.status;
  const sendLabel =
    kind === "reply"
      ? t("ticket.reply.sendAndSet", { status: statusName })
      : changes
        ? t("ticket.reply.addNoteAndSet", { status: statusName })
        : t("ticket.reply.addNote");

  function submit() {
    if (send.isPending || closed || waiting) return;
    const body = drafts[kind];
    // The contract's one rule a person can break here; anything else (a refused status) the server words.
    if (body.trim() === "") {
      setEmpty(true);
      areas[kind].current?.focus();
      return;
    }
    setEmpty(false);
    const next = statusToSend(kind, ticket.status, status);
    send.mutate({ kind, body, attachmentIds: attachmentIdsOf(files), ...(next ? { status: next } : {}) });
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const pasted = filesToAttachFromPaste(Array.from(event.clipboardData.types), Array.from(event.clipboardData.files));
    if (pasted.length === 0) return;
    event.preventDefault();
    uploads.add(kind, pasted);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.currentTarget.blur();
    }
  }

  function setDraft(which: ReplyKind, value: string) {
    setDrafts((current) => ({ ...current, [which]: value }));
    setEmpty(false);
  }

  function area(which: ReplyKind) {
    const shared = {
      autosize: true,
      minRows: 4,
      maxRows: 14,
      onKeyDown,
      onPaste,
      error: empty && kind === which ? t("ticket.reply.empty") : undefined,
      disabled: closed,
    } as const;
    // Each paragraph takes the direction of its own words (Arabic right to left, a quoted English line
    // left to right); Mantine would put a `dir` on the wrapper, where it sees no text and means LTR.
    const input = { unicodeBidi: "plaintext" } as const;
    if (which === "note") {
      // Only a note mentions colleagues: a reply goes to the customer.
      return (
        <MentionTextarea
          {...shared}
          ref={areas.note}
          aria-label={t("ticket.reply.noteLabel")}
          placeholder={t("ticket.reply.notePlaceholder")}
          value={drafts.note}
          onValueChange={(value) => setDraft("note", value)}
          people={colleagues}
          styles={{ input: { ...input, background: "var(--mantine-color-yellow-0)" } }}
        />
      );
    }
    return (
      <Textarea
        {...shared}
        ref={areas.reply}
        aria-label={t("ticket.reply.replyLabel")}
        placeholder={t("ticket.reply.replyPlaceholder")}
        value={drafts.reply}
        onChange={(e) => setDraft("reply", e.currentTarget.value)}
        styles={{ input }}
      />
    );
  }

  return (
    <Paper withBorder radius="md" p="sm" pos="relative" {...drop.handlers}>
      {drop.over && (
        <Box
          pos="absolute"
          inset={0}
          bg="var(--mantine-primary-color-light)"
          // Pointer events pass through, so leaving the box (not this layer) ends the drag.
          style={{
            zIndex: 2,
            pointerEvents: "none",
            border: "2px dashed var(--mantine-primary-color-filled)",
            borderRadius: "var(--mantine-radius-md)",
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
          }}
        >
          <Text fw={600}>{t("attachments.dropHere")}</Text>
        </Box>
      )}
      <Tabs value={kind} onChange={(v) => v && setKind(v as ReplyKind)} keepMounted>
        <Tabs.List mb="xs">
          <Tabs.Tab value="reply" leftSection={<IconMessage size={14} />}>
            {t("ticket.reply.publicTab")}
          </Tabs.Tab>
          <Tabs.Tab value="note" leftSection={<IconLock size={14} />} color="yellow">
            {t("ticket.reply.noteTab")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="reply">{area("reply")}</Tabs.Panel>
        <Tabs.Panel value="note">{area("note")}</Tabs.Panel>
      </Tabs>
      <Stack gap="xs" mt="xs">
        <AttachmentList uploads={files} onRemove={(key) => uploads.remove(kind, key)} />
        {closed && (
          <Text size="sm" c="dimmed">
            {ticket.mergedIntoId ? t("ticket.mergedNoReply") : t("ticket.reply.closed")}
          </Text>
        )}
        <FormAlert error={send.error} />
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="sm">
            <FileButton
              resetRef={resetFilePicker}
              multiple
              onChange={(chosen) => {
                uploads.add(kind, chosen);
                // The same file may be chosen again after it was removed.
                resetFilePicker.current?.();
              }}
              disabled={closed}
            >
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconPaperclip size={16} />} disabled={closed}>
                  {t("attachments.attach")}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed" visibleFrom={waiting ? undefined : "sm"}>
              {waiting ? (
                t("attachments.waiting")
              ) : (
                <>
                  <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> {t("ticket.reply.toSend")}
                  {kind === "note" && ` · ${t("mentions.hint")}`}
                </>
              )}
            </Text>
          </Group>
          <Button.Group ms="auto">
            <Button
              onClick={submit}
              loading={send.isPending}
              disabled={closed || waiting}
              color={kind === "note" ? "yellow" : undefined}
              autoContrast
            >
              {sendLabel}
            </Button>
            <Menu position="top-end" withinPortal>
              <Menu.Target>
                <Button
                  px={6}
                  disabled={closed || send.isPending}
                  color={kind === "note" ? "yellow" : undefined}
                  autoContrast
                  aria-label={t("ticket.reply.chooseStatus")}
                  style={{ borderInlineStart: "1px solid var(--mantine-color-body)" }}
                >
                  <IconChevronDown size={16} />
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t("ticket.reply.statusAfter")}</Menu.Label>
                {choices.map((s) => (
                  <Menu.Item
                    key={s}
                    onClick={() => setChosen(s)}
                    rightSection={s === status ? <IconCheck size={14} aria-hidden /> : null}
                    aria-current={s === status ? "true" : undefined}
                  >
                    {t(`tickets.status.${s}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </Button.Group>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Active colleagues other than the writer: whom a note can mention. */
function useColleagues() {
  const { data: everyone } = useQuery(everyoneQuery);
  const { data: me } = useQuery(meQuery);
  return useMemo(
    () =>
      (everyone ?? [])
        .filter((u) => u.active && u.id !== me?.id)
        .map((u) => ({ id: u.id, name: u.name, email: u.email })),
    [everyone, me?.id],
  );
}
