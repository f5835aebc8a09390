import type { PortalRequestResult } from "@frontline/common";
import { Alert, Button, Center, Grid, Loader, Stack, Text } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconCircleCheck } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { portalKeys } from "../../api/portal";
import { QueryError } from "../../ui/query-error";
import { MyRequests } from "./my-requests";
import { RequestForm } from "./request-form";
import { SignInLinkForm } from "./sign-in-link-form";
import { usePortalMe, usePortalOrg, usePortalSlug } from "./use-portal";

/** The portal's front page: a signed-in customer's requests, or the request form and the way to sign in. */
export function PortalHomePage() {
  const { t } = useTranslation();
  const slug = usePortalSlug();
  const org = usePortalOrg(slug);
  const me = usePortalMe(slug);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [sent, setSent] = useState<{ result: PortalRequestResult; email: string } | null>(null);
  const [writing, setWriting] = useState(false);
  useDocumentTitle(`${t("portal.title")} · ${org.data?.name ?? ""}`);

  if (me.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (me.error) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;

  if (me.data) {
    return (
      <Stack gap="lg">
        {writing ? (
          <RequestForm
            slug={slug}
            signedIn
            onSent={(result) => {
              setWriting(false);
              void queryClient.invalidateQueries({ queryKey: portalKeys.tickets(slug) });
              if (result.ticketId) {
                void navigate({ to: "/portal/$slug/tickets/$ticketId", params: { slug, ticketId: result.ticketId } });
              }
            }}
          />
        ) : (
          <MyRequests slug={slug} onNew={() => setWriting(true)} />
        )}
      </Stack>
    );
  }

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, sm: 7 }}>
        {sent ? (
          <Alert
            color="teal"
            variant="light"
            role="status"
            icon={<IconCircleCheck size={20} />}
            title={t("portal.sent.title")}
          >
            <Stack gap="xs">
              {sent.result.number !== null && (
                <Text size="sm">{t("portal.sent.number", { number: sent.result.number })}</Text>
              )}
              <Text size="sm">{t("portal.sent.mailed", { email: sent.email })}</Text>
              <Button variant="light" size="xs" onClick={() => setSent(null)} style={{ alignSelf: "start" }}>
                {t("portal.sent.another")}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <RequestForm slug={slug} signedIn={false} onSent={(result, email) => setSent({ result, email })} />
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <SignInLinkForm slug={slug} />
      </Grid.Col>
    </Grid>
  );
}
