import { Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "./app-modal";
import { FormAlert } from "./form-alert";

interface ConfirmModalProps {
  title: string;
  body: string;
  confirmLabel: string;
  /** Does the irreversible thing; a failure is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** Asks before something that cannot be undone; the red button is focused, Cancel is one key away. */
export function ConfirmModal({ title, body, confirmLabel, onConfirm, onClose }: ConfirmModalProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    setPending(true);
    try {
      await onConfirm();
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <AppModal opened onClose={onClose} title={title}>
      <Stack gap="sm">
        <FormAlert error={error} />
        <Text size="sm">{body}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button color="red" loading={pending} onClick={() => void confirm()} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
