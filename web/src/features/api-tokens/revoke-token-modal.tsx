import type { ApiToken } from "@frontline/common";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { revokeApiToken } from "../../api/api-tokens";
import { queryKeys } from "../../api/query-keys";
import { ConfirmModal } from "../../ui/confirm-modal";
import { notifySuccess } from "../../ui/notify";

/** Asks before revoking: integrations using the token break immediately and for good. */
export function RevokeTokenModal({ token, onClose }: { token: ApiToken; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <ConfirmModal
      title={t("tokens.revokeTitle")}
      body={t("tokens.revokeBody", { name: token.name })}
      confirmLabel={t("tokens.revoke")}
      onClose={onClose}
      onConfirm={async () => {
        await revokeApiToken(token.id);
        await queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens });
        notifySuccess(t("tokens.revoked", { name: token.name }));
      }}
    />
  );
}
