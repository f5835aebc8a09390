import { Badge, Group, Loader, ScrollArea, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconCircleCheck, IconClockPause, IconInbox, IconList, IconUser, IconUserQuestion } from "@tabler/icons-react";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { RouterNavLink } from "../../ui/router-links";
import { useFormatters } from "../../ui/use-formatters";
import { SavedViewList } from "./saved-view-list";
import type { ViewCounts } from "./use-inbox-data";
import { countLabel, type InboxSearch, VIEW_IDS, type ViewId } from "./views";

const ICON = { size: 16, stroke: 1.6 };
const ICONS: Record<ViewId, ReactNode> = {
  mine: <IconUser {...ICON} />,
  unassigned: <IconUserQuestion {...ICON} />,
  open: <IconInbox {...ICON} />,
  pending: <IconClockPause {...ICON} />,
  solved: <IconCircleCheck {...ICON} />,
  all: <IconList {...ICON} />,
};

interface InboxViewsProps {
  current: ViewId;
  counts: ViewCounts;
  search: InboxSearch;
}

/**
 * The built-in views with their counts, then the saved ones; choosing a built-in view clears the
 * filters but keeps the sort. A side list on wide screens, one scrolling row on a phone.
 */
export function InboxViews({ current, counts, search }: InboxViewsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const wide = useMediaQuery("(min-width: 62em)", true);
  const nav = useRef<HTMLElement>(null);

  // In the phone's single row the current view may sit off screen; bring it in.
  useEffect(() => {
    if (!wide)
      nav.current?.querySelector(`[data-view="${current}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [wide, current]);

  const sort = search.sort;
  const links = VIEW_IDS.map((view) => {
    const count = counts[view];
    // While a saved view is open, its filters sit on "All": the saved view is the current one, not "All".
    const active = view === current && !search.saved;
    return (
      <RouterNavLink
        key={view}
        to="/inbox"
        search={sort ? { view, sort } : { view }}
        label={t(`inbox.views.${view}`)}
        leftSection={ICONS[view]}
        active={active}
        // The list decides which view is current; the router's loose match would also claim "All" under a saved view.
        activeOptions={{ exact: true }}
        aria-current={active ? "page" : undefined}
        data-view={view}
        noWrap
        w={wide ? undefined : "auto"}
        style={wide ? undefined : { flexShrink: 0 }}
        rightSection={
          count ? (
            <Badge size="sm" variant={active ? "filled" : "light"} color="gray" miw="max-content">
              {countLabel(count, format.number)}
            </Badge>
          ) : count === undefined ? (
            <Loader size={10} aria-hidden />
          ) : null
        }
      />
    );
  });

  return (
    <Stack gap={wide ? "md" : "xs"}>
      <nav aria-label={t("inbox.views.label")} ref={nav}>
        {wide ? (
          <Stack gap={2}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" component="h2" m={0}>
              {t("inbox.views.label")}
            </Text>
            {links}
          </Stack>
        ) : (
          <ScrollArea type="never" scrollbars="x">
            <Group gap={4} wrap="nowrap">
              {links}
            </Group>
          </ScrollArea>
        )}
      </nav>
      <SavedViewList view={current} search={search} wide={wide} />
    </Stack>
  );
}
