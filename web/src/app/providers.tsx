import { DirectionProvider, MantineProvider, useDirection } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { directionOf } from "../i18n/languages";
import { currentLocale } from "../i18n/setup";
import { theme } from "./theme";

/** Keeps Mantine's direction (and <html dir>) in step with the language, so Arabic flips the whole layout. */
function DirectionSync() {
  const { i18n } = useTranslation();
  const { dir, setDirection } = useDirection();
  const wanted = directionOf(i18n.language);
  useEffect(() => {
    if (dir !== wanted) setDirection(wanted);
  }, [dir, wanted, setDirection]);
  // Bottom corner on the reading-end side and narrow: toasts must not cover the header's account menu,
  // page actions, or the Save button of a centred modal.
  return <Notifications position={wanted === "rtl" ? "bottom-left" : "bottom-right"} limit={3} containerWidth={320} />;
}

/** Theme, direction, notifications and server-state cache for everything below. */
export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <DirectionProvider initialDirection={directionOf(currentLocale())} detectDirection={false}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <DirectionSync />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
