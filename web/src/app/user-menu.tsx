import type { Locale, Me } from "@frontline/common";
import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconCheck, IconChevronDown, IconLanguage, IconLogout, IconUserCircle } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate, useRouter } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { meQuery } from "../api/queries";
import { updateMe } from "../api/session";
import { LANGUAGE_OPTIONS } from "../i18n/languages";
import { changeLocale } from "../i18n/setup";
import { notifyError, notifyWarning } from "../ui/notify";
import { signOutAndLeave } from "./session-end";

/** The header's account menu: who is signed in, the language, and signing out. */
export function UserMenu({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const router = useRouter();
  const navigate = useNavigate();

  async function switchLanguage(locale: Locale) {
    // The interface changes at once; saving to the profile follows, so the choice travels to other devices.
    await changeLocale(locale);
    try {
      queryClient.setQueryData(meQuery.queryKey, await updateMe({ locale }));
    } catch {
      notifyWarning(t("userMenu.languageSaveFailed"));
    }
  }

  async function signOut() {
    try {
      await signOutAndLeave(router, queryClient);
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" aria-label={`${t("userMenu.open")}: ${me.name}`} px={4} py={2}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={28} radius="xl" name={me.name} color="initials" />
            <Text size="sm" fw={500} visibleFrom="sm" truncate maw={180}>
              {me.name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("userMenu.signedInAs", { email: me.email })}</Menu.Label>
        <Menu.Item
          leftSection={<IconUserCircle size={16} />}
          onClick={() => void navigate({ to: "/settings/profile" })}
        >
          {t("userMenu.profile")}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>
          <Group gap={6}>
            <IconLanguage size={14} aria-hidden />
            {t("userMenu.language")}
          </Group>
        </Menu.Label>
        {LANGUAGE_OPTIONS.map((option) => {
          const selected = i18n.language === option.value;
          return (
            <Menu.Item
              key={option.value}
              data-testid={`language-${option.value}`}
              lang={option.value}
              aria-current={selected ? "true" : undefined}
              rightSection={selected ? <IconCheck size={14} aria-hidden /> : null}
              onClick={() => void switchLanguage(option.value)}
            >
              {option.label}
            </Menu.Item>
          );
        })}
        <Menu.Divider />
        <Menu.Item
          data-testid="sign-out"
          color="red"
          leftSection={<IconLogout size={16} />}
          onClick={() => void signOut()}
        >
          {t("userMenu.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
