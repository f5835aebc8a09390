import type { ImapMailbox } from "@frontline/common";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { removeMailbox } from "../../api/mailboxes";
import { queryKeys } from "../../api/query-keys";
import { ConfirmModal } from "../../ui/confirm-modal";
import { notifySuccess } from "../../ui/notify";

/** Asks before removing: Frontline stops reading the mailbox, and its password is forgotten. */
export function RemoveMailboxModal({ mailbox, onClose }: { mailbox: ImapMailbox; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const name = mailbox.username;
  return (
    <ConfirmModal
      title={t("mail.removeTitle")}
      body={t("mail.removeBody", { name, host: mailbox.host })}
      confirmLabel={t("mail.remove")}
      onClose={onClose}
      onConfirm={async () => {
        await removeMailbox(mailbox.id);
        await queryClient.invalidateQueries({ queryKey: queryKeys.mailboxes });
        notifySuccess(t("mail.removed", { name }));
      }}
    />
  );
}
