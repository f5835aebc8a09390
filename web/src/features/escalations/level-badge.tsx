import { Badge, Tooltip } from "@mantine/core";
import { IconArrowBigUpLines } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { LEVEL_COLORS } from "./escalation-labels";

/** A ticket's escalation level; nothing at level 0. `compact` shows "L1" with the words on hover. */
export function EscalationLevelBadge({ level, compact }: { level: number; compact?: boolean }) {
  const { t } = useTranslation();
  if (level <= 0) return null;
  const badge = (
    <Badge
      size="sm"
      variant="light"
      color={LEVEL_COLORS[level] ?? "grape"}
      leftSection={<IconArrowBigUpLines size={12} aria-hidden />}
      miw="max-content"
      data-testid="escalation-level"
      aria-label={t("escalations.levelTooltip", { level })}
    >
      {compact ? t("escalations.levelShort", { level }) : t("escalations.level", { level })}
    </Badge>
  );
  return compact ? (
    <Tooltip label={t("escalations.levelTooltip", { level })} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
