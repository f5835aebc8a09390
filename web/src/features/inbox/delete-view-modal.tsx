import type { View } from "@frontline/common";
import { Button, Group, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys";
import { deleteView } from "../../api/views";
import { AppModal } from "../../ui/app-modal";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";

/** Asks before deleting: a shared view disappears for the whole team. */
export function DeleteViewModal({
  view,
  onClose,
  onDeleted,
}: {
  view: View;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function remove() {
    setPending(true);
    try {
      await deleteView(view.id);
      await queryClient.invalidateQueries({ queryKey: queryKeys.views.all });
      notifySuccess(t("savedViews.deleted", { name: view.name }));
      onDeleted();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <AppModal opened onClose={onClose} title={t("savedViews.deleteTitle")}>
      <Stack gap="sm">
        <FormAlert error={error} />
        <Text size="sm">
          {view.scope === "team"
            ? t("savedViews.deleteSharedBody", { name: view.name })
            : t("savedViews.deleteBody", { name: view.name })}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button color="red" loading={pending} onClick={() => void remove()} data-autofocus>
            {t("savedViews.deleteConfirm")}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
