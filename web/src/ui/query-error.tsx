import { Alert, Button, Group, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { describeError } from "./describe-error";

/** A failed load, shown where the data would have been, with a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { message, detail, requestId } = describeError(error, t);
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" title={t("errors.title")}>
      <Text size="sm">{message}</Text>
      {detail && <Text size="sm">{detail}</Text>}
      {requestId && (
        <Text size="xs" c="dimmed">
          {t("errors.requestId", { requestId })}
        </Text>
      )}
      {onRetry && (
        <Group mt="xs">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
