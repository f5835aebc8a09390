import { ROLES, type Role, type User } from "@frontline/common";
import { Button, Group, Loader, Paper, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch, IconUserPlus } from "@tabler/icons-react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { teamsQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { listUsers, type UserFilters } from "../../api/users";
import { Page } from "../../ui/page";
import { isRole } from "../../ui/pickers";
import { QueryError } from "../../ui/query-error";
import { useFormatters } from "../../ui/use-formatters";
import { useMe } from "../auth/use-me";
import { StaffTable } from "./staff-table";
import { UserFormModal } from "./user-form-modal";

type StatusFilter = "all" | "true" | "false";

/** Admin → Staff: everyone who can sign in, with search, filters, and add/edit. */
export function StaffPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<StatusFilter>("all");
  // `undefined`: closed; `null`: adding; a user: editing that user.
  const [editing, setEditing] = useState<User | null | undefined>(undefined);

  const filters: UserFilters = { q, role: role ?? undefined, active: status === "all" ? undefined : status };
  const users = useInfiniteQuery({
    queryKey: queryKeys.users.list(filters),
    queryFn: ({ pageParam, signal }) => listUsers(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const teams = useQuery(teamsQuery);
  const teamsById = useMemo(() => new Map((teams.data ?? []).map((team) => [team.id, team])), [teams.data]);
  const rows = users.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Page
      title={t("staff.title")}
      actions={
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing(null)}>
          {t("staff.add")}
        </Button>
      }
    >
      <Group gap="xs" wrap="wrap">
        <TextInput
          aria-label={t("staff.search")}
          placeholder={t("staff.searchPlaceholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          w={260}
        />
        <Select
          aria-label={t("staff.roleFilter")}
          placeholder={t("staff.allRoles")}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={(v) => setRole(isRole(v) ? v : null)}
          clearable
          w={180}
        />
        <SegmentedControl
          aria-label={t("staff.statusFilter")}
          size="sm"
          value={status}
          onChange={(v) => setStatus(v as StatusFilter)}
          data={[
            { value: "all", label: t("common.all") },
            { value: "true", label: t("common.active") },
            { value: "false", label: t("common.inactive") },
          ]}
        />
        {users.isFetching && !users.isFetchingNextPage && <Loader size="xs" aria-label={t("common.loading")} />}
      </Group>

      {users.error && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      {users.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
      {users.isSuccess && rows.length === 0 && (
        <Text c="dimmed" size="sm">
          {t("staff.empty")}
        </Text>
      )}
      {rows.length > 0 && (
        <Stack gap="xs">
          <Paper withBorder radius="md">
            <StaffTable users={rows} teamsById={teamsById} me={me} onEdit={setEditing} />
          </Paper>
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t("common.shownCount", { shown: format.number(rows.length) })}
            </Text>
            {users.hasNextPage && (
              <Button
                variant="default"
                size="xs"
                loading={users.isFetchingNextPage}
                onClick={() => void users.fetchNextPage()}
              >
                {t("common.loadMore")}
              </Button>
            )}
          </Group>
        </Stack>
      )}

      {editing !== undefined && (
        <UserFormModal key={editing?.id ?? "new"} user={editing} me={me} opened onClose={() => setEditing(undefined)} />
      )}
    </Page>
  );
}
