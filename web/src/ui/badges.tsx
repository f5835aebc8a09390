import type { Role, Ticket, TicketStatus } from "@frontline/common";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const ROLE_COLORS: Record<Role, string> = {
  agent: "gray",
  supervisor: "blue",
  manager: "violet",
  admin: "red",
};

/** A role, coloured by privilege so admins stand out in a long list. */
export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={ROLE_COLORS[role]} miw="max-content">
      {t(`roles.${role}`)}
    </Badge>
  );
}

/** Active or deactivated. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="dot" color={active ? "teal" : "gray"} miw="max-content">
      {active ? t("common.active") : t("common.inactive")}
    </Badge>
  );
}

// Colours follow the usual help-desk reading: new and open need someone, pending waits on the customer.
const STATUS_COLORS: Record<TicketStatus, string> = {
  new: "yellow",
  open: "red",
  pending: "blue",
  on_hold: "dark",
  solved: "gray",
  closed: "gray",
};

/** A ticket's status. */
export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="sm"
      variant={status === "closed" ? "outline" : "filled"}
      color={STATUS_COLORS[status]}
      miw="max-content"
      autoContrast
    >
      {t(`tickets.status.${status}`)}
    </Badge>
  );
}

const PRIORITY_COLORS: Record<Ticket["priority"], string> = {
  low: "gray",
  normal: "blue",
  high: "orange",
  urgent: "red",
};

/** A ticket's priority; quiet for low and normal, loud for high and urgent. */
export function PriorityBadge({ priority }: { priority: Ticket["priority"] }) {
  const { t } = useTranslation();
  const loud = priority === "high" || priority === "urgent";
  return (
    <Badge size="sm" variant={loud ? "light" : "dot"} color={PRIORITY_COLORS[priority]} miw="max-content">
      {t(`tickets.priority.${priority}`)}
    </Badge>
  );
}
