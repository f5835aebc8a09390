import { Badge, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { LinkState } from "./use-wallboard-stream";

const COLORS: Record<LinkState, string> = { connecting: "gray", live: "teal", reconnecting: "orange", refused: "red" };

/** Whether what the board shows is live: the viewer must know when it may be stale. */
export function LinkBadge({ link, big }: { link: LinkState; big: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[link]}
      variant={link === "live" ? "dot" : "light"}
      size={big ? "xl" : "lg"}
      leftSection={link === "reconnecting" || link === "connecting" ? <Loader size={10} color="orange" /> : undefined}
      role="status"
      data-testid="wallboard-link"
      data-state={link}
    >
      {t(`wallboard.link.${link}`)}
    </Badge>
  );
}
