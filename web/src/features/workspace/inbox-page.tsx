import { EmptyState, Paper, Stack, Text } from "@mantine/core";
import { IconInbox } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Page } from "../../ui/page";
import { useMe } from "../auth/use-me";
import { MyTeamsLine } from "./my-teams";

/**
 * The agent workspace. Conversations do not exist in Frontline yet, so this says so plainly,
 * with who is signed in and which teams their work would come from; no sample data.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t("inbox.title")}>
      <Paper withBorder p="xl" radius="md">
        <EmptyState
          icon={<IconInbox size={28} />}
          withIndicatorBackground
          title={t("inbox.emptyTitle")}
          description={t("inbox.emptyDescription")}
        >
          <Stack gap={6} align="center" mt="sm">
            <Text size="sm">{[me.name, t(`roles.${me.role}`), me.orgName].join(" · ")}</Text>
            <MyTeamsLine me={me} />
          </Stack>
        </EmptyState>
      </Paper>
    </Page>
  );
}
