import { Center, Loader, Stack, Text } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiStatus } from "../../api/api-error";
import { portalKeys, signInToPortal } from "../../api/portal";
import { QueryError } from "../../ui/query-error";
import { SignInLinkForm } from "./sign-in-link-form";
import { usePortalSlug } from "./use-portal";

/** The token of a mailed link, which rides in the address's fragment (never sent to any server). */
function takeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]{20,200})/.exec(window.location.hash);
  if (!match) return null;
  // Out of the address bar and the history at once: the link works only once anyway.
  window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
  return match[1] ?? null;
}

/** Where a mailed link lands: it signs the customer in and opens their request; or asks for a new link. */
export function PortalSignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("portal.signIn.pageTitle"));
  const slug = usePortalSlug();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [token] = useState(takeToken);
  const [failure, setFailure] = useState<unknown>(null);
  const started = useRef(false);

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    signInToPortal(slug, token)
      .then(async ({ customer, ticketId }) => {
        // Whatever was cached belonged to nobody or to whoever was signed in before. The layout's
        // first "who is signed in" may still be on its way: its "nobody" must not land after this.
        queryClient.removeQueries({ queryKey: portalKeys.tickets(slug) });
        await queryClient.cancelQueries({ queryKey: portalKeys.me(slug) });
        queryClient.setQueryData(portalKeys.me(slug), customer);
        await (ticketId
          ? navigate({ to: "/portal/$slug/tickets/$ticketId", params: { slug, ticketId }, replace: true })
          : navigate({ to: "/portal/$slug", params: { slug }, replace: true }));
      })
      .catch(setFailure);
  }, [token, slug, navigate, queryClient]);

  if (token && !failure) {
    return (
      <Center p="xl">
        <Stack align="center" gap="xs">
          <Loader />
          <Text size="sm">{t("portal.signIn.signingIn")}</Text>
        </Stack>
      </Center>
    );
  }
  const expired = isApiStatus(failure, 401);
  return (
    <Stack maw={480} mx="auto">
      {failure !== null && !expired && <QueryError error={failure} />}
      <SignInLinkForm slug={slug} {...(expired ? { notice: t("portal.signIn.expired") } : {})} />
    </Stack>
  );
}
