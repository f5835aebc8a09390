import type { PresenceStatus } from "@frontline/common";
import { Box } from "@mantine/core";

/** Green online, amber away, grey offline: the usual reading of a presence light. */
export const PRESENCE_COLORS: Record<PresenceStatus, string> = {
  online: "var(--mantine-color-teal-6)",
  away: "var(--mantine-color-yellow-5)",
  offline: "var(--mantine-color-gray-5)",
};

/** A presence as a coloured dot; the words go beside it (the dot alone is decoration). */
export function PresenceDot({ status, size = 10 }: { status: PresenceStatus; size?: number }) {
  return (
    <Box
      component="span"
      aria-hidden
      data-presence={status}
      style={{
        display: "inline-block",
        flexShrink: 0,
        width: size,
        height: size,
        borderRadius: "50%",
        background: PRESENCE_COLORS[status],
        boxShadow: status === "offline" ? "inset 0 0 0 2px var(--mantine-color-gray-3)" : undefined,
      }}
    />
  );
}
