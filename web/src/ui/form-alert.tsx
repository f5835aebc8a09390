import { Alert, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { describeError } from "./describe-error";

/** The error of a form that belongs to no single field (a conflict, a refusal, the network). */
export function FormAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const { message, detail, requestId } = describeError(error, t);
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" p="xs">
      <Text size="sm">{message}</Text>
      {detail && <Text size="sm">{detail}</Text>}
      {requestId && (
        <Text size="xs" c="dimmed">
          {t("errors.requestId", { requestId })}
        </Text>
      )}
    </Alert>
  );
}
