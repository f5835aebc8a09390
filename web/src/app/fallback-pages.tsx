import { Button, Center, EmptyState, Group } from "@mantine/core";
import { IconAlertTriangle, IconMapOff } from "@tabler/icons-react";
import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error";
import { describeError } from "../ui/describe-error";
import { RouterAnchor } from "../ui/router-links";

/** Shown for an address that matches no route. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="md">
      <EmptyState
        icon={<IconMapOff size={32} />}
        withIndicatorBackground
        title={t("notFound.title")}
        description={t("notFound.description")}
      >
        <EmptyState.Actions>
          <RouterAnchor to="/inbox">{t("notFound.home")}</RouterAnchor>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}

/**
 * Shown when loading or rendering a page failed. A failed request (server down, 503) is described
 * in words and can be retried in place; anything else is a bug, and the way out is a reload.
 */
export function CrashPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  const fromApi = error instanceof ApiError;
  useEffect(() => {
    if (!fromApi) console.error(error);
  }, [error, fromApi]);

  function retry() {
    reset();
    void router.invalidate();
  }

  return (
    <Center mih="60vh" p="md">
      <EmptyState
        icon={<IconAlertTriangle size={32} />}
        variant="light"
        color="red"
        title={t("crash.title")}
        description={fromApi ? describeError(error, t).message : t("crash.description")}
      >
        <EmptyState.Actions>
          <Group>
            {fromApi ? (
              <Button onClick={retry}>{t("common.retry")}</Button>
            ) : (
              <Button onClick={() => window.location.reload()}>{t("crash.reload")}</Button>
            )}
          </Group>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}
