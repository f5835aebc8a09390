import type { ImapMailbox } from "@frontline/common";
import { ActionIcon, Alert, Badge, Group, Switch, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { IconAlertTriangle, IconLock, IconLockOpen, IconPencil, IconTrash } from "@tabler/icons-react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { RelativeTime } from "../../ui/relative-time";
import { useFormatters } from "../../ui/use-formatters";
import { mailboxStatus, STATUS_COLORS } from "./mailbox-status";

interface MailboxTableProps {
  mailboxes: ImapMailbox[];
  /** The mailbox whose enabled switch is being saved. */
  togglingId: string | null;
  onToggle: (mailbox: ImapMailbox, enabled: boolean) => void;
  onEdit: (mailbox: ImapMailbox) => void;
  onRemove: (mailbox: ImapMailbox) => void;
}

const COLUMNS = 6;

/** One row per mailbox; a failing one gets a second row with the server's words, so it cannot be missed. */
export function MailboxTable({ mailboxes, togglingId, onToggle, onEdit, onRemove }: MailboxTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Table.ScrollContainer minWidth={860}>
      {/* No hover highlight: a failing mailbox is two rows, and lighting up half of it would mislead. */}
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("mail.mailbox")}</Table.Th>
            <Table.Th>{t("mail.folder")}</Table.Th>
            <Table.Th>{t("common.status")}</Table.Th>
            <Table.Th>{t("mail.lastPolled")}</Table.Th>
            <Table.Th>{t("mail.lastUid")}</Table.Th>
            <Table.Th w={150}>
              <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mailboxes.map((box) => {
            const status = mailboxStatus(box);
            const name = box.username;
            const errorId = `mailbox-error-${box.id}`;
            return (
              <Fragment key={box.id}>
                <Table.Tr
                  c={box.enabled ? undefined : "dimmed"}
                  aria-describedby={box.lastError ? errorId : undefined}
                  style={box.lastError ? { borderBottom: 0 } : undefined}
                >
                  <Table.Td>
                    {/* Inline and isolated, so an address reads left to right yet sits at the start in Arabic. */}
                    <Text size="sm" fw={500}>
                      <span dir="ltr">{name}</span>
                    </Text>
                    <Group gap={4} wrap="nowrap" c="dimmed">
                      {box.secure ? <IconLock size={14} aria-hidden /> : <IconLockOpen size={14} aria-hidden />}
                      <Text size="xs" dir="ltr" span>
                        {box.host}:{box.port}
                      </Text>
                      <Text size="xs" span>
                        · {box.secure ? t("mail.tls") : t("mail.noTls")}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <span dir="ltr">{box.folder}</span>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={STATUS_COLORS[status]} miw="max-content">
                      {t(`mail.status.${status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {box.lastPolledAt ? (
                      <RelativeTime iso={box.lastPolledAt} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t("mail.notYet")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{format.number(box.lastUid)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Tooltip label={t("mail.enabledNamed", { name })} withArrow>
                        <Switch
                          aria-label={t("mail.enabledNamed", { name })}
                          checked={box.enabled}
                          disabled={togglingId === box.id}
                          onChange={(e) => onToggle(box, e.currentTarget.checked)}
                        />
                      </Tooltip>
                      <Tooltip label={t("mail.editNamed", { name })} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t("mail.editNamed", { name })}
                          onClick={() => onEdit(box)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t("mail.removeNamed", { name })} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t("mail.removeNamed", { name })}
                          onClick={() => onRemove(box)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {box.lastError && (
                  <Table.Tr>
                    <Table.Td colSpan={COLUMNS} pt={0}>
                      <Alert
                        id={errorId}
                        color={box.enabled ? "red" : "gray"}
                        variant="light"
                        icon={<IconAlertTriangle size={18} />}
                        title={t("mail.lastError")}
                        p="xs"
                      >
                        <Text size="sm" style={{ wordBreak: "break-word" }}>
                          <span dir="ltr">{box.lastError}</span>
                        </Text>
                      </Alert>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
