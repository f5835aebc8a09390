import type { Role } from "@frontline/common";
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
