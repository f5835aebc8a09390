import type { ApiToken } from "@frontline/common";
import { Badge, Button, Code, EmptyState, Loader, Paper, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconKey, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiTokensQuery } from "../../api/queries";
import { Page } from "../../ui/page";
import { QueryError } from "../../ui/query-error";
import { useFormatters } from "../../ui/use-formatters";
import { CreateTokenModal } from "./create-token-modal";
import { RevokeTokenModal } from "./revoke-token-modal";
import { TokenSecretModal } from "./token-secret-modal";

function tokenStatus(token: ApiToken, t: TFunction): { label: string; color: string; usable: boolean } {
  if (token.revokedAt) return { label: t("tokens.statusRevoked"), color: "gray", usable: false };
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) {
    return { label: t("tokens.statusExpired"), color: "orange", usable: false };
  }
  return { label: t("tokens.statusActive"), color: "teal", usable: true };
}

/** Settings → API tokens: the signed-in person's own tokens; create, see once, revoke. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const tokens = useQuery(apiTokensQuery);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <Page
      title={t("tokens.title")}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t("tokens.create")}
        </Button>
      }
    >
      <Text size="sm" c="dimmed" maw={720}>
        {t("tokens.intro")}
      </Text>
      {tokens.error && <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
      {tokens.data && tokens.data.length === 0 && (
        <Paper withBorder p="xl" radius="md">
          <EmptyState icon={<IconKey size={28} />} withIndicatorBackground description={t("tokens.empty")} />
        </Paper>
      )}
      {tokens.data && tokens.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={820}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("tokens.name")}</Table.Th>
                  <Table.Th>{t("tokens.prefix")}</Table.Th>
                  <Table.Th>{t("tokens.createdAt")}</Table.Th>
                  <Table.Th>{t("tokens.lastUsed")}</Table.Th>
                  <Table.Th>{t("tokens.expires")}</Table.Th>
                  <Table.Th>{t("common.status")}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((token) => {
                  const status = tokenStatus(token, t);
                  return (
                    <Table.Tr key={token.id}>
                      <Table.Td fw={500}>{token.name}</Table.Td>
                      <Table.Td>
                        <Code fz="xs" dir="ltr">
                          {token.prefix}…
                        </Code>
                      </Table.Td>
                      <Table.Td>{format.dateTime(token.createdAt)}</Table.Td>
                      <Table.Td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t("common.never")}</Table.Td>
                      <Table.Td>{token.expiresAt ? format.date(token.expiresAt) : t("common.never")}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={status.color}>
                          {status.label}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="end">
                        {status.usable && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={t("tokens.revokeNamed", { name: token.name })}
                            onClick={() => setRevoking(token)}
                          >
                            {t("tokens.revoke")}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {creating && (
        <CreateTokenModal
          onClose={() => setCreating(false)}
          onCreated={(_name, value) => {
            setCreating(false);
            setSecret(value);
          }}
        />
      )}
      {secret && <TokenSecretModal secret={secret} onClose={() => setSecret(null)} />}
      {revoking && <RevokeTokenModal token={revoking} onClose={() => setRevoking(null)} />}
    </Page>
  );
}
