import type { Me, Team, User } from "@frontline/common";
import { ActionIcon, Badge, Group, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { LANGUAGE_NAMES } from "../../i18n/languages";
import { ActiveBadge, RoleBadge } from "../../ui/badges";

interface StaffTableProps {
  users: User[];
  teamsById: Map<string, Team>;
  me: Me;
  onEdit: (user: User) => void;
}

/** One row per staff member; wide, so it scrolls sideways on a phone rather than squeezing. */
export function StaffTable({ users, teamsById, me, onEdit }: StaffTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("staff.name")}</Table.Th>
            <Table.Th>{t("staff.email")}</Table.Th>
            <Table.Th>{t("staff.role")}</Table.Th>
            <Table.Th>{t("staff.teams")}</Table.Th>
            <Table.Th>{t("staff.locale")}</Table.Th>
            <Table.Th>{t("staff.timeZone")}</Table.Th>
            <Table.Th>{t("common.status")}</Table.Th>
            <Table.Th w={48}>
              <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} c={user.active ? undefined : "dimmed"}>
              <Table.Td>
                <Text size="sm" fw={500} span>
                  {user.name}
                </Text>
                {user.id === me.id && (
                  <Text size="xs" c="dimmed" span ms={6}>
                    ({t("staff.you")})
                  </Text>
                )}
              </Table.Td>
              <Table.Td dir="ltr" style={{ textAlign: "start" }}>
                {user.email}
              </Table.Td>
              <Table.Td>
                <RoleBadge role={user.role} />
              </Table.Td>
              <Table.Td>
                <TeamNames ids={user.teamIds} teamsById={teamsById} />
              </Table.Td>
              <Table.Td>{LANGUAGE_NAMES[user.locale]}</Table.Td>
              <Table.Td>{user.timeZone}</Table.Td>
              <Table.Td>
                <ActiveBadge active={user.active} />
              </Table.Td>
              <Table.Td>
                <Tooltip label={t("staff.editNamed", { name: user.name })} withArrow>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t("staff.editNamed", { name: user.name })}
                    onClick={() => onEdit(user)}
                  >
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TeamNames({ ids, teamsById }: { ids: string[]; teamsById: Map<string, Team> }) {
  const { t } = useTranslation();
  if (ids.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t("common.noTeams")}
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {ids.map((id) => (
        <Badge key={id} size="xs" variant="outline" color="gray" tt="none">
          {teamsById.get(id)?.name ?? "…"}
        </Badge>
      ))}
    </Group>
  );
}
