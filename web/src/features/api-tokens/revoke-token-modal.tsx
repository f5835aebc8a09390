import type { ApiToken } from "@frontline/common";
import { Button, Group, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { revokeApiToken } from "../../api/api-tokens";
import { queryKeys } from "../../api/query-keys";
import { AppModal } from "../../ui/app-modal";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";

/** Asks before revoking: integrations using the token break immediately and for good. */
export function RevokeTokenModal({ token, onClose }: { token: ApiToken; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function revoke() {
    setPending(true);
    try {
      await revokeApiToken(token.id);
      await queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens });
      notifySuccess(t("tokens.revoked", { name: token.name }));
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <AppModal opened onClose={onClose} title={t("tokens.revokeTitle")}>
      <Stack gap="sm">
        <FormAlert error={error} />
        <Text size="sm">{t("tokens.revokeBody", { name: token.name })}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button color="red" loading={pending} onClick={() => void revoke()} data-autofocus>
            {t("tokens.revoke")}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
