import type { ImapMailbox } from "@frontline/common";
import { Anchor, Button, Code, EmptyState, Group, Loader, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconAt, IconInbox, IconLifebuoy, IconMailPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { updateMailbox } from "../../api/mailboxes";
import { mailboxesQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { notifyError, notifySuccess } from "../../ui/notify";
import { Page } from "../../ui/page";
import { QueryError } from "../../ui/query-error";
import { useMe } from "../auth/use-me";
import { MailboxFormModal } from "./mailbox-form-modal";
import { MailboxTable } from "./mailbox-table";
import { RemoveMailboxModal } from "./remove-mailbox-modal";

/**
 * Admin → Mail: the ways customers' words come in — the support address, the customer portal's web
 * form, and the IMAP mailboxes Frontline polls.
 */
export function MailPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const mailboxes = useQuery(mailboxesQuery);
  // `undefined`: closed; `null`: adding; a mailbox: editing it.
  const [editing, setEditing] = useState<ImapMailbox | null | undefined>(undefined);
  const [removing, setRemoving] = useState<ImapMailbox | null>(null);
  const [togglingId, setTogglingId] = useState<string | null>(null);
  const portalUrl = `${window.location.origin}/portal/${me.orgSlug}`;

  async function toggle(box: ImapMailbox, enabled: boolean) {
    setTogglingId(box.id);
    try {
      await updateMailbox(box.id, { enabled });
      await queryClient.invalidateQueries({ queryKey: queryKeys.mailboxes });
      notifySuccess(t(enabled ? "mail.nowEnabled" : "mail.nowDisabled", { name: box.username }));
    } catch (error) {
      notifyError(error);
    } finally {
      setTogglingId(null);
    }
  }

  return (
    <Page
      title={t("mail.title")}
      actions={
        <Button leftSection={<IconMailPlus size={16} />} onClick={() => setEditing(null)}>
          {t("mail.add")}
        </Button>
      }
    >
      <Text size="sm" c="dimmed" maw={720}>
        {t("mail.intro")}
      </Text>

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="support-address-title">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" size={36} radius="md" aria-hidden>
            <IconAt size={20} />
          </ThemeIcon>
          <Stack gap={4}>
            <Title order={2} size="h5" id="support-address-title">
              {t("mail.supportTitle")}
            </Title>
            {me.orgSupportEmail ? (
              <>
                <Code fz="sm" dir="ltr" w="fit-content" data-testid="support-address">
                  {me.orgSupportEmail}
                </Code>
                <Text size="sm" c="dimmed">
                  {t("mail.supportBody")}
                </Text>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t("mail.supportNone")}
              </Text>
            )}
          </Stack>
        </Group>
      </Paper>

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="portal-title">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" size={36} radius="md" aria-hidden>
            <IconLifebuoy size={20} />
          </ThemeIcon>
          <Stack gap={4}>
            <Title order={2} size="h5" id="portal-title">
              {t("mail.portalTitle")}
            </Title>
            <Anchor href={portalUrl} target="_blank" rel="noopener" size="sm" dir="ltr" w="fit-content">
              {portalUrl}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t("mail.portalBody")}
            </Text>
          </Stack>
        </Group>
      </Paper>

      <Stack gap="xs" component="section" aria-labelledby="mailboxes-title">
        <Title order={2} size="h5" id="mailboxes-title">
          {t("mail.mailboxesTitle")}
        </Title>
        <Text size="sm" c="dimmed" maw={720}>
          {t("mail.mailboxesBody")}
        </Text>
        {mailboxes.error && <QueryError error={mailboxes.error} onRetry={() => void mailboxes.refetch()} />}
        {mailboxes.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
        {mailboxes.data && mailboxes.data.length === 0 && (
          <Paper withBorder p="xl" radius="md">
            <EmptyState icon={<IconInbox size={28} />} withIndicatorBackground description={t("mail.empty")} />
          </Paper>
        )}
        {mailboxes.data && mailboxes.data.length > 0 && (
          <Paper withBorder radius="md">
            <MailboxTable
              mailboxes={mailboxes.data}
              togglingId={togglingId}
              onToggle={(box, enabled) => void toggle(box, enabled)}
              onEdit={setEditing}
              onRemove={setRemoving}
            />
          </Paper>
        )}
      </Stack>

      {editing !== undefined && (
        <MailboxFormModal key={editing?.id ?? "new"} mailbox={editing} onClose={() => setEditing(undefined)} />
      )}
      {removing && <RemoveMailboxModal mailbox={removing} onClose={() => setRemoving(null)} />}
    </Page>
  );
}
