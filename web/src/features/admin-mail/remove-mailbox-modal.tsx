import type { ImapMailbox } from "@frontline/common";
import { Button, Group, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { removeMailbox } from "../../api/mailboxes";
import { queryKeys } from "../../api/query-keys";
import { AppModal } from "../../ui/app-modal";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";

/** Asks before removing: Frontline stops reading the mailbox, and its password is forgotten. */
export function RemoveMailboxModal({ mailbox, onClose }: { mailbox: ImapMailbox; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = mailbox.username;

  async function remove() {
    setPending(true);
    try {
      await removeMailbox(mailbox.id);
      await queryClient.invalidateQueries({ queryKey: queryKeys.mailboxes });
      notifySuccess(t("mail.removed", { name }));
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <AppModal opened onClose={onClose} title={t("mail.removeTitle")}>
      <Stack gap="sm">
        <FormAlert error={error} />
        <Text size="sm">{t("mail.removeBody", { name, host: mailbox.host })}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button color="red" loading={pending} onClick={() => void remove()} data-autofocus>
            {t("mail.remove")}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
