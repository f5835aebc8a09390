import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCopy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../ui/app-modal";

/**
 * Shows a new token's secret, once. Closing needs an explicit click (no click-outside, no Escape),
 * because the secret cannot be shown again.
 */
export function TokenSecretModal({ secret, onClose }: { secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened
      onClose={onClose}
      title={t("tokens.createdTitle")}
      closeOnClickOutside={false}
      closeOnEscape={false}
      size="lg"
    >
      <Stack gap="sm">
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t("tokens.createdWarning")}
        </Alert>
        <Text size="sm" fw={500} id="new-token-label">
          {t("tokens.secretLabel")}
        </Text>
        <Code
          block
          aria-labelledby="new-token-label"
          data-testid="new-token"
          dir="ltr"
          style={{ wordBreak: "break-all" }}
        >
          {secret}
        </Code>
        <Group justify="space-between">
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? "light" : "filled"}
                color={copied ? "teal" : undefined}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                onClick={copy}
              >
                {copied ? t("tokens.copied") : t("tokens.copy")}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            {t("tokens.done")}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
