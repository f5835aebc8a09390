import { CloseButton, Group, Paper, Text } from "@mantine/core";
import { IconUser } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { customerQuery } from "../../api/queries";

/** Says whose tickets the list is narrowed to (a customer found by search), with a way back to everyone's. */
export function RequesterFilter({ customerId, onClear }: { customerId: string; onClear: () => void }) {
  const { t } = useTranslation();
  const customer = useQuery(customerQuery(customerId));
  const name = customer.data ? customer.data.name || customer.data.email || customer.data.phone || "" : "…";
  return (
    <Paper
      withBorder
      radius="xl"
      px="sm"
      py={2}
      bg="var(--mantine-primary-color-light)"
      style={{ alignSelf: "flex-start" }}
    >
      <Group gap={6} wrap="nowrap">
        <IconUser size={14} aria-hidden />
        <Text size="sm" role="status">
          {t("customerTickets.label", { name })}
        </Text>
        <CloseButton size="sm" aria-label={t("customerTickets.clear")} onClick={onClear} />
      </Group>
    </Paper>
  );
}
