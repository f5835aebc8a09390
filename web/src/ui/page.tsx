import { Group, Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface PageProps {
  title: string;
  /** Buttons shown beside the title, e.g. "Add user". */
  actions?: ReactNode;
  children: ReactNode;
}

/** The frame of every signed-in page: one heading, its actions, then the content. */
export function Page({ title, actions, children }: PageProps) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t("app.name")}`);
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Title order={1} size="h3">
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}
