import type { View } from "@frontline/common";
import { ActionIcon, Badge, Button, Group, Loader, Menu, ScrollArea, Stack, Text } from "@mantine/core";
import {
  IconBookmark,
  IconBookmarkPlus,
  IconDots,
  IconPencil,
  IconRefresh,
  IconTrash,
  IconUsers,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { teamsQuery, viewCountsQuery, viewsQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { updateView } from "../../api/views";
import { notifyError, notifySuccess } from "../../ui/notify";
import { QueryError } from "../../ui/query-error";
import { RouterNavLink } from "../../ui/router-links";
import { useFormatters } from "../../ui/use-formatters";
import { useMe } from "../auth/use-me";
import { DeleteViewModal } from "./delete-view-modal";
import { canEditView, inboxSearchOf, matchesSavedView, type SavableView, savableView } from "./saved-views";
import { ViewFormModal } from "./view-form-modal";
import type { InboxSearch, ViewId } from "./views";

const ICON = { size: 16, stroke: 1.6 };

interface SavedViewListProps {
  /** The built-in view and the filters on screen now: what "Save as view" keeps. */
  view: ViewId;
  search: InboxSearch;
  /** A side list on wide screens, one scrolling row on a phone. */
  wide: boolean;
}

/** The person's saved views and their teams' shared ones, with counts; the owner can rename, re-share, update or delete. */
export function SavedViewList({ view, search, wide }: SavedViewListProps) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: "/inbox" });
  const views = useQuery(viewsQuery);
  const counts = useQuery(viewCountsQuery);
  const [editing, setEditing] = useState<View | "new" | null>(null);
  const [deleting, setDeleting] = useState<View | null>(null);
  const savable = savableView(view, search, me.id);
  const countOf = new Map((counts.data ?? []).map((c) => [c.id, c.count]));

  const refilter = useMutation({
    mutationFn: ({ saved, to }: { saved: View; to: SavableView }) => updateView(saved.id, to),
    onSuccess: (updated) => {
      notifySuccess(t("savedViews.filtersUpdated", { name: updated.name }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.views.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.viewCounts });
      void navigate({ search: inboxSearchOf(updated), replace: true });
    },
    onError: notifyError,
  });
  const updateFilters = (saved: View) => savable && refilter.mutate({ saved, to: savable });

  const items = (views.data ?? []).map((saved) => (
    <SavedViewItem
      key={saved.id}
      saved={saved}
      count={countOf.get(saved.id) ?? (counts.isPending || counts.isFetching ? undefined : null)}
      active={search.saved === saved.id}
      editable={canEditView(saved, me)}
      changed={!matchesSavedView(saved, savable, me.id)}
      canUpdate={savable !== null && !refilter.isPending}
      wide={wide}
      onEdit={() => setEditing(saved)}
      onUpdate={() => updateFilters(saved)}
      onDelete={() => setDeleting(saved)}
    />
  ));
  const saveButton = (
    <Button
      variant="subtle"
      size="xs"
      leftSection={<IconBookmarkPlus size={14} />}
      onClick={() => setEditing("new")}
      disabled={!savable}
      title={savable ? undefined : t("savedViews.nothingToSave")}
      style={{ flexShrink: 0, alignSelf: wide ? "flex-start" : undefined }}
    >
      {t("savedViews.saveAs")}
    </Button>
  );

  return (
    <nav aria-label={t("savedViews.title")}>
      {wide ? (
        <Stack gap={2}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" component="h2" m={0}>
            {t("savedViews.title")}
          </Text>
          {views.error && <QueryError error={views.error} onRetry={() => void views.refetch()} />}
          {views.isPending && <Loader size="xs" mx="sm" aria-label={t("common.loading")} />}
          {views.isSuccess && items.length === 0 && (
            <Text size="xs" c="dimmed" px="sm">
              {t("savedViews.empty")}
            </Text>
          )}
          {items}
          {saveButton}
        </Stack>
      ) : (
        <ScrollArea type="never" scrollbars="x">
          <Group gap={4} wrap="nowrap">
            {items}
            {saveButton}
          </Group>
        </ScrollArea>
      )}
      {editing && (
        <ViewFormModal
          view={editing === "new" ? null : editing}
          savable={savable}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            if (editing === "new") void navigate({ search: inboxSearchOf(saved) });
          }}
        />
      )}
      {deleting && (
        <DeleteViewModal
          view={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            // The filters stay on screen; only the mark of the deleted view goes.
            if (search.saved === deleting.id)
              void navigate({ search: ({ saved: _gone, ...rest }) => rest, replace: true });
          }}
        />
      )}
    </nav>
  );
}

interface SavedViewItemProps {
  saved: View;
  /** The count; `undefined` while it loads, `null` when it could not be loaded. */
  count: number | undefined | null;
  active: boolean;
  editable: boolean;
  /** The inbox shows something other than this view now. */
  changed: boolean;
  canUpdate: boolean;
  wide: boolean;
  onEdit: () => void;
  onUpdate: () => void;
  onDelete: () => void;
}

function SavedViewItem({ saved, count, active, editable, changed, canUpdate, wide, ...actions }: SavedViewItemProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const teams = useQuery(teamsQuery);
  const team = saved.teamId ? teams.data?.find((candidate) => candidate.id === saved.teamId) : undefined;

  return (
    <Stack gap={0} style={{ flexShrink: 0 }}>
      <Group gap={0} wrap="nowrap" align="flex-start">
        <RouterNavLink
          to="/inbox"
          search={inboxSearchOf(saved)}
          label={saved.name}
          description={saved.teamId ? t("savedViews.sharedWith", { team: team?.name ?? "…" }) : undefined}
          leftSection={saved.teamId ? <IconUsers {...ICON} /> : <IconBookmark {...ICON} />}
          active={active}
          activeOptions={{ exact: true }}
          aria-current={active ? "page" : undefined}
          // Names are the person's own words: in the side list they wrap rather than lose their end.
          noWrap={!wide}
          w={wide ? undefined : "auto"}
          style={wide ? { flex: 1, minWidth: 0 } : { flexShrink: 0 }}
          styles={{ body: { lineHeight: 1.3 }, section: { alignSelf: "flex-start" } }}
          rightSection={
            count === undefined ? (
              <Loader size={10} aria-hidden />
            ) : count === null ? null : (
              <Badge size="sm" variant={active ? "filled" : "light"} color="gray" miw="max-content">
                {format.number(count)}
              </Badge>
            )
          }
        />
        {editable && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t("savedViews.actionsFor", { name: saved.name })}
              >
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={14} />} onClick={actions.onEdit}>
                {t("savedViews.edit")}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconRefresh size={14} />}
                onClick={actions.onUpdate}
                disabled={!changed || !canUpdate}
              >
                {t("savedViews.updateFilters")}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={actions.onDelete}>
                {t("savedViews.delete")}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {active && changed && editable && wide && (
        <Group gap={4} ps={40} pe="xs" pb={4} wrap="wrap">
          <Text size="xs" c="dimmed">
            {t("savedViews.changed")}
          </Text>
          <Button variant="light" size="compact-xs" onClick={actions.onUpdate} disabled={!canUpdate}>
            {t("savedViews.saveChanges")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
