import { AppShell, Burger, Group, Text, ThemeIcon } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconHeadset } from "@tabler/icons-react";
import { Outlet, useRouterState } from "@tanstack/react-router";
import { Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../features/auth/use-me";
import { NotificationBell } from "../features/notifications/notification-bell";
import { PresenceSwitch } from "../features/routing/presence-switch";
import { HeaderSearch } from "../features/search/header-search";
import { changeLocale, currentLocale } from "../i18n/setup";
import { Navigation } from "./navigation";
import { UserMenu } from "./user-menu";

/** The signed-in frame: header with product and account, navbar by role, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [navOpen, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  // The profile's language wins once signed in, so a person sees the same language on every device.
  useEffect(() => {
    if (me.locale !== currentLocale()) void changeLocale(me.locale);
  }, [me.locale]);

  // On a phone the navbar covers the page; close it once a link has been followed.
  useEffect(() => {
    if (pathname) close();
  }, [pathname, close]);

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 248, breakpoint: "sm", collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Burger opened={navOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.toggle")} />
            <ThemeIcon size={28} radius="sm" aria-hidden>
              <IconHeadset size={18} />
            </ThemeIcon>
            <Text fw={700} size="lg" visibleFrom="xs">
              {t("app.name")}
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="md" truncate maw={200}>
              {me.orgName}
            </Text>
          </Group>
          <HeaderSearch />
          <Group gap="xs" wrap="nowrap">
            <PresenceSwitch />
            <NotificationBell />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" data-testid="nav" aria-label={t("nav.main")}>
        <Navigation me={me} />
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Suspense>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
