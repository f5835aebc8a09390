import type { Ticket } from "@frontline/common";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNow } from "../../ui/relative-time";
import { useFormatters } from "../../ui/use-formatters";
import { formatDuration, type SlaFlag, slaFlag } from "./sla-time";

const TONES: Record<SlaFlag["tone"], { color: string; variant: "filled" | "light" }> = {
  overdue: { color: "red", variant: "filled" },
  breached: { color: "red", variant: "light" },
  soon: { color: "orange", variant: "light" },
  later: { color: "gray", variant: "light" },
};

/**
 * The inbox's SLA flag: red once overdue or missed, orange within the hour, quiet otherwise, nothing
 * when no promise is counting. The exact due time is in its title.
 */
export function SlaDueBadge({ ticket }: { ticket: Pick<Ticket, "slaDueAt" | "slaBreached"> }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const now = useNow();
  const flag = slaFlag(ticket, now);
  if (!flag) return null;
  const due = ticket.slaDueAt ? format.dateTime(ticket.slaDueAt) : null;
  const duration = "minutes" in flag ? formatDuration(flag.minutes, i18n.language, "short") : "";
  const label =
    flag.tone === "overdue"
      ? t("sla.inbox.overdue", { duration })
      : flag.tone === "breached"
        ? t("sla.inbox.breached")
        : duration;
  const title =
    flag.tone === "overdue"
      ? t("sla.inbox.overdueSince", { time: due })
      : flag.tone === "breached"
        ? due
          ? t("sla.inbox.breachedNext", { time: due })
          : t("sla.inbox.breachedNone")
        : t("sla.inbox.dueIn", { duration, time: due });
  return (
    <Badge
      size="sm"
      {...TONES[flag.tone]}
      tt="none"
      miw="max-content"
      title={title}
      data-testid="sla-badge"
      data-tone={flag.tone}
    >
      {label}
    </Badge>
  );
}
