import type { SupervisorLink } from "@frontline/common";
import { Button, Center, Loader, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconAlertTriangle, IconCircleCheck, IconUserShield } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiStatus } from "../../api/api-error";
import { confirmSupervisorLink, previewSupervisorLink } from "../../api/portal";
import { isLocale } from "../../i18n/languages";
import { changeLocale } from "../../i18n/setup";
import { FormAlert } from "../../ui/form-alert";
import { QueryError } from "../../ui/query-error";
import { RouterAnchor } from "../../ui/router-links";
import { usePortalSlug } from "./use-portal";

const TOKEN = /(?:^#|&)token=([A-Za-z0-9_-]{20,200})/;
const LANG = /(?:^#|&)lang=([a-z]{2})/;

/**
 * The link's token and language from the address's fragment (never sent to a server). The token
 * leaves the address bar at once but stays in this history entry's state, so a reload still works.
 */
function takeLink(): { token: string | null; lang: string | null } {
  const saved = (window.history.state as { supervisorToken?: string } | null)?.supervisorToken ?? null;
  const token = TOKEN.exec(window.location.hash)?.[1] ?? saved;
  const lang = LANG.exec(window.location.hash)?.[1] ?? null;
  if (window.location.hash) {
    window.history.replaceState(
      { ...(window.history.state ?? {}), supervisorToken: token },
      "",
      window.location.pathname + window.location.search,
    );
  }
  return { token, lang };
}

function Card({
  icon,
  color,
  title,
  children,
}: {
  icon: ReactNode;
  color: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="xl" radius="md" maw={560} mx="auto" w="100%">
      <Stack align="center" gap="md" ta="center">
        <ThemeIcon size={48} radius="xl" variant="light" color={color}>
          {icon}
        </ThemeIcon>
        <Title order={2} size="h3">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * Where the "ask for a supervisor" link of a reply mail lands. Opening it changes nothing (mail
 * scanners open links): the customer confirms with a button, which is a POST.
 */
export function PortalSupervisorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("supervisorRequest.pageTitle"));
  const [{ token, lang }, setLink] = useState(takeLink);
  // Another mail's link opened in this tab changes only the fragment: the page stays, the link does not.
  useEffect(() => {
    const follow = () => window.location.hash && setLink(takeLink());
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);
  useEffect(() => {
    if (isLocale(lang)) void changeLocale(lang);
  }, [lang]);
  return <SupervisorLinkView key={token ?? "none"} token={token} />;
}

function SupervisorLinkView({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const slug = usePortalSlug();
  const link = useQuery({
    queryKey: ["portal", slug, "supervisor-link", token],
    queryFn: () => previewSupervisorLink(slug, token ?? ""),
    enabled: token !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const confirm = useMutation({ mutationFn: () => confirmSupervisorLink(slug, token ?? "") });
  const home = (
    <RouterAnchor to="/portal/$slug" params={{ slug }} size="sm">
      {t("supervisorRequest.newRequest")}
    </RouterAnchor>
  );

  const invalid = token === null || isApiStatus(link.error, 404) || isApiStatus(confirm.error, 404);
  if (invalid) {
    return (
      <Card icon={<IconAlertTriangle size={26} />} color="gray" title={t("supervisorRequest.invalidTitle")}>
        <Text size="sm">{t("supervisorRequest.invalidIntro")}</Text>
        {home}
      </Card>
    );
  }
  if (link.error) return <QueryError error={link.error} onRetry={() => void link.refetch()} />;
  if (!link.data) {
    return (
      <Center p="xl">
        <Stack align="center" gap="xs">
          <Loader />
          <Text size="sm">{t("supervisorRequest.checking")}</Text>
        </Stack>
      </Center>
    );
  }
  const { ticketNumber: number, state }: SupervisorLink = link.data;
  if (confirm.data || state === "requested") {
    const already = !confirm.data?.created && state === "requested";
    return (
      <Card
        icon={<IconCircleCheck size={26} />}
        color="teal"
        title={already ? t("supervisorRequest.alreadyTitle", { number }) : t("supervisorRequest.doneTitle", { number })}
      >
        <Text size="sm" data-testid="supervisor-request-done">
          {t("supervisorRequest.doneIntro")}
        </Text>
      </Card>
    );
  }
  if (state === "closed" || isApiStatus(confirm.error, 409)) {
    return (
      <Card icon={<IconAlertTriangle size={26} />} color="gray" title={t("supervisorRequest.closedTitle", { number })}>
        <Text size="sm">{t("supervisorRequest.closedIntro")}</Text>
        {home}
      </Card>
    );
  }
  return (
    <Card icon={<IconUserShield size={26} />} color="blue" title={t("supervisorRequest.confirmTitle", { number })}>
      <Text size="sm">{t("supervisorRequest.confirmIntro")}</Text>
      <FormAlert error={confirm.error} />
      <Button size="md" loading={confirm.isPending} onClick={() => confirm.mutate()}>
        {t("supervisorRequest.confirm")}
      </Button>
    </Card>
  );
}
