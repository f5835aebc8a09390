import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The footer of every form dialog: Cancel, then the submit button (Save unless told otherwise). */
export function FormActions({
  onCancel,
  pending,
  submitLabel,
}: {
  onCancel: () => void;
  pending: boolean;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="xs" mt="xs">
      <Button variant="default" onClick={onCancel}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" loading={pending}>
        {submitLabel ?? t("common.save")}
      </Button>
    </Group>
  );
}
