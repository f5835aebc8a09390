import { type Locale, type UpdateMeInput, updateMeInput } from "@frontline/common";
import { Button, Group, Paper, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { meQuery } from "../../api/queries";
import { updateMe } from "../../api/session";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { Page } from "../../ui/page";
import { LocaleSelect, TimeZoneSelect } from "../../ui/pickers";
import { useForm } from "../../ui/use-form";
import { useMe } from "../auth/use-me";

/** Settings → Profile: one's own name, language and time zone (the zone every date is shown in). */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const form = useForm<{ name: string; locale: Locale; timeZone: string }>({
    name: me.name,
    locale: me.locale,
    timeZone: me.timeZone,
  });
  const [pending, setPending] = useState(false);
  const { values, errors, set } = form;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changed: UpdateMeInput = {};
    if (values.name !== me.name) changed.name = values.name;
    if (values.locale !== me.locale) changed.locale = values.locale;
    if (values.timeZone !== me.timeZone) changed.timeZone = values.timeZone;
    const input = form.validate(updateMeInput, changed);
    if (!input || Object.keys(input).length === 0) return;
    setPending(true);
    try {
      // The layout watches me.locale, so a new language applies as soon as the cache holds it.
      queryClient.setQueryData(meQuery.queryKey, await updateMe(input));
      notifySuccess(t("profile.saved"));
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <Page title={t("profile.title")}>
      <Paper withBorder p="md" radius="md" maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormAlert error={form.formError} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
              <TextInput
                label={t("profile.name")}
                required
                value={values.name}
                onChange={(e) => set("name", e.currentTarget.value)}
                error={errors.name}
              />
              <TextInput label={t("profile.email")} value={me.email} readOnly variant="filled" dir="ltr" />
              <TextInput label={t("profile.role")} value={t(`roles.${me.role}`)} readOnly variant="filled" />
              <TextInput label={t("profile.organisation")} value={me.orgName} readOnly variant="filled" />
              <LocaleSelect
                label={t("profile.locale")}
                value={values.locale}
                onChange={(v) => set("locale", v)}
                error={errors.locale}
              />
              <TimeZoneSelect
                label={t("profile.timeZone")}
                value={values.timeZone}
                onChange={(v) => set("timeZone", v)}
                error={errors.timeZone}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={pending}>
                {t("common.save")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
