import {
  createImapMailboxInput,
  type ImapMailbox,
  type UpdateImapMailboxInput,
  updateImapMailboxInput,
} from "@frontline/common";
import { Alert, Group, NumberInput, SimpleGrid, Stack, Switch, TextInput } from "@mantine/core";
import { IconKey } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiStatus } from "../../api/api-error";
import { createMailbox, updateMailbox } from "../../api/mailboxes";
import { queryKeys } from "../../api/query-keys";
import { AppModal } from "../../ui/app-modal";
import { FormActions } from "../../ui/form-actions";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { PasswordField } from "../../ui/password-field";
import { useForm } from "../../ui/use-form";

interface MailboxFormValues extends Record<string, unknown> {
  host: string;
  /** NumberInput answers "" when emptied; the contract then says it is required. */
  port: number | string;
  secure: boolean;
  username: string;
  password: string;
  folder: string;
  enabled: boolean;
}

interface MailboxFormModalProps {
  /** `null` adds a mailbox; a mailbox edits it. */
  mailbox: ImapMailbox | null;
  onClose: () => void;
}

const IMAPS_PORT = 993;
const IMAP_PORT = 143;

function initialValues(box: ImapMailbox | null): MailboxFormValues {
  if (!box) {
    return { host: "", port: IMAPS_PORT, secure: true, username: "", password: "", folder: "INBOX", enabled: true };
  }
  const { host, port, secure, username, folder, enabled } = box;
  return { host, port, secure, username, password: "", folder, enabled };
}

/** Only what changed is sent; an empty password keeps the stored one. */
function changedFields(box: ImapMailbox, values: MailboxFormValues): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of ["host", "port", "secure", "username", "folder", "enabled"] as const) {
    if (values[key] !== box[key]) patch[key] = values[key];
  }
  if (values.password !== "") patch.password = values.password;
  return patch;
}

/** Add a mailbox Frontline polls over IMAP, or change one (a new password is optional). */
export function MailboxFormModal({ mailbox, onClose }: MailboxFormModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<MailboxFormValues>(initialValues(mailbox));
  const [pending, setPending] = useState(false);
  // A server without SECRETS_KEY cannot store passwords: that is for its operator, not a field to fix.
  const [noSecretsKey, setNoSecretsKey] = useState(false);
  const { values, errors, set } = form;

  async function save(): Promise<string | null> {
    if (!mailbox) {
      const { enabled: _enabled, ...fields } = values;
      const input = form.validate(createImapMailboxInput, fields);
      if (!input) return null;
      return t("mail.created", { name: (await createMailbox(input)).username });
    }
    const patch: UpdateImapMailboxInput | null = form.validate(updateImapMailboxInput, changedFields(mailbox, values));
    if (!patch) return null;
    if (Object.keys(patch).length === 0) return "";
    return t("mail.updated", { name: (await updateMailbox(mailbox.id, patch)).username });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setNoSecretsKey(false);
    try {
      const message = await save();
      if (message === null) return;
      await queryClient.invalidateQueries({ queryKey: queryKeys.mailboxes });
      if (message) notifySuccess(message);
      onClose();
    } catch (error) {
      if (isApiStatus(error, 503)) setNoSecretsKey(true);
      else form.showError(error);
    } finally {
      setPending(false);
    }
  }

  // The usual ports follow TLS, unless someone typed their own.
  function setSecure(secure: boolean) {
    set("secure", secure);
    if (values.port === (secure ? IMAP_PORT : IMAPS_PORT)) set("port", secure ? IMAPS_PORT : IMAP_PORT);
  }

  return (
    <AppModal opened onClose={onClose} title={mailbox ? t("mail.edit") : t("mail.add")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={form.formError} />
          {noSecretsKey && (
            <Alert color="red" variant="light" icon={<IconKey size={18} />} role="alert" p="xs">
              {t("mail.noSecretsKey")}
            </Alert>
          )}
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <TextInput
              flex={1}
              label={t("mail.host")}
              required
              autoComplete="off"
              dir="ltr"
              placeholder="imap.example.com"
              value={values.host}
              onChange={(e) => set("host", e.currentTarget.value)}
              error={errors.host}
              data-autofocus
            />
            <NumberInput
              w={110}
              label={t("mail.port")}
              required
              dir="ltr"
              min={1}
              max={65535}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              value={values.port}
              onChange={(v) => set("port", v)}
              error={errors.port}
            />
          </Group>
          <Switch
            label={t("mail.secure")}
            description={values.secure ? undefined : t("mail.secureHint")}
            checked={values.secure}
            onChange={(e) => setSecure(e.currentTarget.checked)}
            error={errors.secure}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
            <TextInput
              label={t("mail.username")}
              required
              autoComplete="off"
              dir="ltr"
              value={values.username}
              onChange={(e) => set("username", e.currentTarget.value)}
              error={errors.username}
            />
            <PasswordField
              label={t("mail.password")}
              required={!mailbox}
              description={mailbox ? t("mail.passwordKeep") : t("mail.passwordHint")}
              autoComplete="new-password"
              value={values.password}
              onChange={(e) => set("password", e.currentTarget.value)}
              error={errors.password}
            />
          </SimpleGrid>
          <TextInput
            label={t("mail.folder")}
            required
            dir="ltr"
            value={values.folder}
            onChange={(e) => set("folder", e.currentTarget.value)}
            error={errors.folder}
          />
          {mailbox && (
            <Switch
              label={t("mail.enabledLabel")}
              description={t("mail.enabledHint")}
              checked={values.enabled}
              onChange={(e) => set("enabled", e.currentTarget.checked)}
              error={errors.enabled}
            />
          )}
          <FormActions onCancel={onClose} pending={pending} />
        </Stack>
      </form>
    </AppModal>
  );
}
