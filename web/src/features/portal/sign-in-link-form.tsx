import { portalSignInLinkInput } from "@frontline/common";
import { Alert, Button, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconMailForward } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { requestPortalLink } from "../../api/portal";
import { currentLocale } from "../../i18n/setup";
import { FormAlert } from "../../ui/form-alert";
import { useForm } from "../../ui/use-form";

/** "Email me a link": how a customer signs in, without a password to forget. */
export function SignInLinkForm({ slug, notice }: { slug: string; notice?: string }) {
  const { t } = useTranslation();
  const form = useForm({ email: "" });
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate(portalSignInLinkInput, { email: form.values.email });
    if (!input) return;
    setPending(true);
    try {
      await requestPortalLink(slug, input.email, currentLocale());
      setSentTo(input.email);
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="sign-in-link-title">
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4" id="sign-in-link-title">
              {t("portal.signIn.title")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("portal.signIn.intro")}
            </Text>
          </div>
          {notice && (
            <Alert color="orange" variant="light" role="alert" p="xs">
              <Text size="sm">{notice}</Text>
            </Alert>
          )}
          {sentTo ? (
            <Alert color="teal" variant="light" role="status" icon={<IconMailForward size={18} />}>
              <Text size="sm">{t("portal.signIn.checkInbox", { email: sentTo })}</Text>
            </Alert>
          ) : (
            <>
              <FormAlert error={form.formError} />
              <TextInput
                label={t("portal.signIn.email")}
                type="email"
                autoComplete="email"
                required
                dir="ltr"
                value={form.values.email}
                onChange={(e) => form.set("email", e.currentTarget.value)}
                error={form.errors.email}
              />
              <Button type="submit" variant="light" loading={pending} style={{ alignSelf: "start" }}>
                {t("portal.signIn.submit")}
              </Button>
            </>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
