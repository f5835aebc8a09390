import { Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import i18next from "i18next";
import type { ReactNode } from "react";
import { describeError } from "./describe-error";

interface ToastOptions {
  color: string;
  message: ReactNode;
  title?: string;
  /** A fixed id keeps one toast for a repeated event (e.g. several requests failing with 401 at once). */
  id?: string;
  autoClose?: number;
}

// Every toast goes through here so its close button has a name in the reader's language.
function show({ id, ...options }: ToastOptions): void {
  notifications.show({
    ...options,
    ...(id ? { id } : {}),
    closeButtonProps: { "aria-label": i18next.t("common.close") },
  });
}

/** Shows a failure that has no form to sit in. */
export function notifyError(error: unknown): void {
  const { message, detail, requestId } = describeError(error, i18next.t);
  show({
    color: "red",
    title: i18next.t("errors.title"),
    message: (
      <Stack gap={2}>
        <Text size="sm">{message}</Text>
        {detail && <Text size="xs">{detail}</Text>}
        {requestId && (
          <Text size="xs" c="dimmed">
            {i18next.t("errors.requestId", { requestId })}
          </Text>
        )}
      </Stack>
    ),
  });
}

/** Confirms a completed action. */
export function notifySuccess(message: string): void {
  show({ color: "teal", message, autoClose: 3000 });
}

/** Warns about something the person should know but need not act on at once. */
export function notifyWarning(message: string, id?: string): void {
  show({ color: "yellow", message, ...(id ? { id } : {}) });
}
