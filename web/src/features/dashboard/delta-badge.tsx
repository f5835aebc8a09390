import { Badge, Tooltip } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconEqual } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../ui/use-formatters";
import { type Delta, TONE_COLORS } from "./deltas";
import type { FigureFormat } from "./kpi-definitions";

const ICONS = { up: IconArrowUp, down: IconArrowDown, same: IconEqual };

interface DeltaBadgeProps {
  delta: Delta;
  format: FigureFormat;
  /** The previous period's value, written out, and its dates. */
  previous: string;
  previousRange: string;
}

/** The change against the previous period: an arrow, coloured by whether it is good news, the size of the change, and the previous value on hover. */
export function DeltaBadge({ delta, format, previous, previousRange }: DeltaBadgeProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const Icon = ICONS[delta.direction];
  let change = "";
  if (delta.change !== null && delta.direction !== "same") {
    const size = Math.abs(delta.change);
    if (format === "percent") change = t("dashboard.delta.points", { value: f.decimal(size * 100, 1) });
    else if (format === "score") change = f.decimal(size, 1);
    else change = f.percent(size, 0);
  }
  const said =
    delta.direction === "same"
      ? t("dashboard.delta.same")
      : delta.change === null
        ? t("dashboard.delta.fromZero")
        : t(`dashboard.delta.${delta.direction}`, { change });
  const before = t("dashboard.delta.previous", { range: previousRange, value: previous });
  return (
    <Tooltip label={`${said}. ${before}`} withArrow multiline maw={280}>
      <Badge
        size="sm"
        variant="light"
        color={TONE_COLORS[delta.tone]}
        leftSection={<Icon size={12} aria-hidden />}
        aria-label={`${said}. ${before}`}
        data-testid="delta"
        data-tone={delta.tone}
        data-direction={delta.direction}
        style={{ flexShrink: 0 }}
      >
        {change || (delta.direction === "same" ? f.number(0) : null)}
      </Badge>
    </Tooltip>
  );
}
