import { loginInput } from "@frontline/common";
import { Box, Button, Center, Group, Paper, Stack, Text, TextInput, ThemeIcon, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconHeadset, IconLanguage } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter, useSearch } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { meQuery } from "../../api/queries";
import { signIn } from "../../api/session";
import { changeLocale, currentLocale } from "../../i18n/setup";
import { FormAlert } from "../../ui/form-alert";
import { PasswordField } from "../../ui/password-field";
import { LocaleSelect } from "../../ui/pickers";
import { useForm } from "../../ui/use-form";

/** The sign-in page; the language can be chosen here too, before anyone is known. */
export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("auth.title")} · ${t("app.name")}`);
  const search = useSearch({ from: "/login" });
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm({ email: "", password: "" });
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate(loginInput, form.values);
    if (!input) return;
    setPending(true);
    try {
      const me = await signIn(input);
      queryClient.setQueryData(meQuery.queryKey, me);
      // history.push accepts the stored path as is; it was checked to be same-site when the page loaded.
      router.history.push(search.redirect ?? "/inbox");
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Box w="100%" maw={380}>
        <Group gap="xs" justify="center" mb="md">
          <ThemeIcon size={36} radius="sm" aria-hidden>
            <IconHeadset size={22} />
          </ThemeIcon>
          <Stack gap={0}>
            <Title order={1} size="h2">
              {t("app.name")}
            </Title>
            <Text size="xs" c="dimmed">
              {t("app.tagline")}
            </Text>
          </Stack>
        </Group>
        <Paper withBorder shadow="xs" p="lg" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t("auth.title")}
              </Title>
              <FormAlert error={form.formError} />
              <TextInput
                label={t("auth.email")}
                type="email"
                autoComplete="username"
                required
                value={form.values.email}
                onChange={(e) => form.set("email", e.currentTarget.value)}
                error={form.errors.email}
                dir="ltr"
              />
              <PasswordField
                label={t("auth.password")}
                autoComplete="current-password"
                required
                value={form.values.password}
                onChange={(e) => form.set("password", e.currentTarget.value)}
                error={form.errors.password}
              />
              <Button type="submit" loading={pending} fullWidth mt="xs">
                {t("auth.submit")}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Group justify="center" mt="md">
          <LocaleSelect
            label={t("auth.language")}
            leftSection={<IconLanguage size={16} aria-hidden />}
            value={currentLocale()}
            onChange={(locale) => void changeLocale(locale)}
            w={220}
            size="xs"
          />
        </Group>
      </Box>
    </Center>
  );
}
