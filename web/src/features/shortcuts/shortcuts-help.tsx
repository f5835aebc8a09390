import { ActionIcon, Group, Kbd, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { IconKeyboard } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../ui/app-modal";
import { type ShortcutBindings, useShortcuts } from "./use-shortcuts";

type HelpLabel =
  | "next"
  | "previous"
  | "openTicket"
  | "toggle"
  | "reply"
  | "note"
  | "leave"
  | "send"
  | "goInbox"
  | "search"
  | "help";

/** One line of the help: the keys (a sequence when more than one) and what they do. */
interface HelpLine {
  keys: string[];
  label: HelpLabel;
  /** Pressed together (Ctrl + Enter) rather than one after the other (g, then i). */
  chord?: boolean;
}

const INBOX: HelpLine[] = [
  { keys: ["j"], label: "next" },
  { keys: ["k"], label: "previous" },
  { keys: ["Enter"], label: "openTicket" },
  { keys: ["x"], label: "toggle" },
];

const TICKET: HelpLine[] = [
  { keys: ["r"], label: "reply" },
  { keys: ["n"], label: "note" },
  { keys: ["Ctrl", "Enter"], label: "send", chord: true },
  { keys: ["Esc"], label: "leave" },
  { keys: ["g", "i"], label: "goInbox" },
];

const EVERYWHERE: HelpLine[] = [
  { keys: ["/"], label: "search" },
  { keys: ["?"], label: "help" },
];

function Keys({ line }: { line: HelpLine }) {
  const { t } = useTranslation();
  return (
    // Key names are Latin whatever the language; keep them in reading order of the keyboard.
    <Group gap={4} wrap="nowrap" dir="ltr" justify="flex-start">
      {line.keys.map((key, i) => (
        <Fragment key={key}>
          {i > 0 && (
            <Text span size="xs" c="dimmed">
              {line.chord ? "+" : t("shortcuts.then")}
            </Text>
          )}
          <Kbd size="sm">{key}</Kbd>
        </Fragment>
      ))}
    </Group>
  );
}

function Section({ title, lines }: { title: string; lines: HelpLine[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {title}
      </Title>
      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.label}>
              <Table.Td w={140}>
                <Keys line={line} />
              </Table.Td>
              <Table.Td>{t(`shortcuts.${line.label}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/**
 * Registers a workspace page's shortcuts, plus "?" (this help) and "g i" (the inbox), and renders a
 * small button that opens the same help for people who do not know the "?" key yet.
 */
export function WorkspaceShortcuts({ page, bindings }: { page: "inbox" | "ticket"; bindings: ShortcutBindings }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  useShortcuts({
    ...bindings,
    "?": () => setOpened(true),
    "g i": () => void navigate({ to: "/inbox" }),
  });

  return (
    <>
      <Tooltip label={t("shortcuts.title")} withArrow>
        <ActionIcon variant="default" size="lg" aria-label={t("shortcuts.title")} onClick={() => setOpened(true)}>
          <IconKeyboard size={18} />
        </ActionIcon>
      </Tooltip>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t("shortcuts.title")} size="md">
        <Stack gap="md">
          {page === "inbox" ? (
            <Section title={t("shortcuts.inbox")} lines={INBOX} />
          ) : (
            <Section title={t("shortcuts.ticket")} lines={TICKET} />
          )}
          <Section title={t("shortcuts.everywhere")} lines={EVERYWHERE} />
          <Text size="xs" c="dimmed">
            {t("shortcuts.notWhileTyping")}
          </Text>
        </Stack>
      </AppModal>
    </>
  );
}
