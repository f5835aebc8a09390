import type { PortalStatus } from "@frontline/common";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

// What the customer should notice first: a request waiting on them.
const COLORS: Record<PortalStatus, string> = {
  open: "blue",
  awaiting_reply: "orange",
  solved: "teal",
  closed: "gray",
};

/** A request's status as its customer reads it. */
export function PortalStatusBadge({ status }: { status: PortalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={COLORS[status]} miw="max-content">
      {t(`portal.status.${status}`)}
    </Badge>
  );
}
