import type { Locale } from "@frontline/common";
import { Box, Button, Center, Container, Group, Loader, Paper, Text, Title } from "@mantine/core";
import { IconLanguage, IconLifebuoy, IconLogout } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { Outlet } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { isApiStatus } from "../../api/api-error";
import { portalKeys, signOutOfPortal, updatePortalLocale } from "../../api/portal";
import { changeLocale, currentLocale } from "../../i18n/setup";
import { LocaleSelect } from "../../ui/pickers";
import { QueryError } from "../../ui/query-error";
import { RouterAnchor } from "../../ui/router-links";
import { usePortalMe, usePortalOrg, usePortalSlug } from "./use-portal";

/** The customer-facing frame: the organisation's name, the language, the customer's account. */
export function PortalLayout() {
  const { t } = useTranslation();
  const slug = usePortalSlug();
  const org = usePortalOrg(slug);
  const me = usePortalMe(slug);
  const queryClient = useQueryClient();

  // A signed-in customer's saved language wins, so the portal speaks as the mails they get do.
  useEffect(() => {
    if (me.data?.locale && me.data.locale !== currentLocale()) void changeLocale(me.data.locale);
  }, [me.data?.locale]);

  async function chooseLocale(locale: Locale) {
    await changeLocale(locale);
    if (me.data) {
      const saved = await updatePortalLocale(slug, locale).catch(() => null);
      // Only while still signed in: a sign-out may have come while this was on its way.
      if (saved) queryClient.setQueryData(portalKeys.me(slug), (current: unknown) => (current ? saved : current));
    }
  }

  async function signOut() {
    await signOutOfPortal(slug).catch(() => undefined);
    queryClient.removeQueries({ queryKey: portalKeys.tickets(slug) });
    queryClient.setQueryData(portalKeys.me(slug), null);
  }

  if (org.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (org.error) {
    return (
      <Center mih="100vh" p="md">
        {isApiStatus(org.error, 404) ? (
          <Text size="lg">{t("portal.notFound")}</Text>
        ) : (
          <QueryError error={org.error} onRetry={() => void org.refetch()} />
        )}
      </Center>
    );
  }

  return (
    <Box mih="100vh" bg="gray.0">
      <Paper component="header" radius={0} withBorder py="sm">
        <Container size="md">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <RouterAnchor to="/portal/$slug" params={{ slug }} underline="never" c="inherit">
              <Group gap="xs" wrap="nowrap">
                <IconLifebuoy size={26} aria-hidden />
                <Box>
                  <Title order={1} size="h4" lh={1.2}>
                    {org.data.name}
                  </Title>
                  <Text size="xs" c="dimmed">
                    {t("portal.title")}
                  </Text>
                </Box>
              </Group>
            </RouterAnchor>
            <Group gap="sm" wrap="wrap">
              <LocaleSelect
                aria-label={t("portal.language")}
                leftSection={<IconLanguage size={16} aria-hidden />}
                value={currentLocale()}
                onChange={(locale) => void chooseLocale(locale)}
                w={160}
                size="xs"
              />
              {me.data && (
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" c="dimmed" visibleFrom="xs" dir="ltr">
                    {me.data.email}
                  </Text>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconLogout size={14} />}
                    onClick={() => void signOut()}
                  >
                    {t("portal.signOut")}
                  </Button>
                </Group>
              )}
            </Group>
          </Group>
        </Container>
      </Paper>
      <Container size="md" py="lg" component="main" id="main">
        <Outlet />
      </Container>
    </Box>
  );
}
