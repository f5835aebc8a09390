import {
  createUserInput,
  type Locale,
  type Me,
  type Role,
  type UpdateUserInput,
  type User,
  updateUserInput,
} from "@frontline/common";
import { MultiSelect, SimpleGrid, Stack, Switch, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { teamsQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { createUser, updateUser } from "../../api/users";
import { AppModal } from "../../ui/app-modal";
import { FormActions } from "../../ui/form-actions";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { PasswordField } from "../../ui/password-field";
import { LocaleSelect, RoleSelect, TimeZoneSelect } from "../../ui/pickers";
import { useForm } from "../../ui/use-form";

interface UserFormValues extends Record<string, unknown> {
  email: string;
  name: string;
  role: Role;
  password: string;
  locale: Locale;
  timeZone: string;
  teamIds: string[];
  active: boolean;
}

interface UserFormModalProps {
  /** `null` adds a new user; a user edits that user. */
  user: User | null;
  me: Me;
  opened: boolean;
  onClose: () => void;
}

function initialValues(user: User | null, me: Me): UserFormValues {
  if (user) {
    const { email, name, role, locale, timeZone, teamIds, active } = user;
    return { email, name, role, password: "", locale, timeZone, teamIds, active };
  }
  // A new colleague most likely shares the admin's language and region; both can be changed.
  return {
    email: "",
    name: "",
    role: "agent",
    password: "",
    locale: me.locale,
    timeZone: me.timeZone,
    teamIds: [],
    active: true,
  };
}

/** Only the fields that changed are sent, so a concurrent edit to another field is not overwritten. */
function changedFields(user: User, values: UserFormValues): UpdateUserInput {
  const patch: UpdateUserInput = {};
  if (values.name !== user.name) patch.name = values.name;
  if (values.email !== user.email) patch.email = values.email;
  if (values.role !== user.role) patch.role = values.role;
  if (values.locale !== user.locale) patch.locale = values.locale;
  if (values.timeZone !== user.timeZone) patch.timeZone = values.timeZone;
  if (values.active !== user.active) patch.active = values.active;
  const sameTeams =
    values.teamIds.length === user.teamIds.length && values.teamIds.every((id) => user.teamIds.includes(id));
  if (!sameTeams) patch.teamIds = values.teamIds;
  return patch;
}

/** Add or edit a staff account. Mounted fresh for each user so the form starts from that user's values. */
export function UserFormModal({ user, me, opened, onClose }: UserFormModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useQuery(teamsQuery);
  const form = useForm<UserFormValues>(initialValues(user, me));
  const [pending, setPending] = useState(false);
  const { values, errors, set } = form;
  const isSelf = user?.id === me.id;

  async function save(): Promise<string | null> {
    if (!user) {
      const { active: _active, ...fields } = values;
      const input = form.validate(createUserInput, fields);
      if (!input) return null;
      const created = await createUser(input);
      return t("staff.created", { name: created.name });
    }
    const patch = form.validate(updateUserInput, changedFields(user, values));
    if (!patch) return null;
    if (Object.keys(patch).length === 0) return "";
    const updated = await updateUser(user.id, patch);
    if (patch.active === false) return t("staff.deactivated", { name: updated.name });
    if (patch.active === true) return t("staff.reactivated", { name: updated.name });
    return t("staff.updated", { name: updated.name });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    try {
      const message = await save();
      if (message === null) return;
      // Membership lives on both sides (user.teamIds, team.memberIds), so both lists are refreshed.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.teams.all }),
        isSelf ? queryClient.invalidateQueries({ queryKey: queryKeys.me }) : null,
      ]);
      if (message) notifySuccess(message);
      onClose();
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }

  const teamOptions = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));

  return (
    <AppModal opened={opened} onClose={onClose} title={user ? t("staff.edit") : t("staff.add")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
            <TextInput
              label={t("staff.name")}
              required
              autoComplete="off"
              value={values.name}
              onChange={(e) => set("name", e.currentTarget.value)}
              error={errors.name}
              data-autofocus
            />
            <TextInput
              label={t("staff.email")}
              type="email"
              required
              autoComplete="off"
              dir="ltr"
              value={values.email}
              onChange={(e) => set("email", e.currentTarget.value)}
              error={errors.email}
            />
            <RoleSelect
              label={t("staff.role")}
              required
              value={values.role}
              onChange={(v) => set("role", v)}
              error={errors.role}
            />
            {!user && (
              <PasswordField
                label={t("staff.password")}
                description={t("staff.passwordHint")}
                required
                autoComplete="new-password"
                value={values.password}
                onChange={(e) => set("password", e.currentTarget.value)}
                error={errors.password}
              />
            )}
            <LocaleSelect
              label={t("staff.locale")}
              value={values.locale}
              onChange={(v) => set("locale", v)}
              error={errors.locale}
            />
            <TimeZoneSelect
              label={t("staff.timeZone")}
              value={values.timeZone}
              onChange={(v) => set("timeZone", v)}
              error={errors.timeZone}
            />
          </SimpleGrid>
          <MultiSelect
            label={t("staff.teams")}
            placeholder={values.teamIds.length === 0 ? t("staff.teamsPlaceholder") : undefined}
            data={teamOptions}
            value={values.teamIds}
            onChange={(v) => set("teamIds", v)}
            error={errors.teamIds}
            searchable
            clearable
            disabled={teams.isPending}
          />
          {user && (
            <Switch
              label={t("staff.activeLabel")}
              description={t("staff.activeHint")}
              checked={values.active}
              onChange={(e) => set("active", e.currentTarget.checked)}
              error={errors.active}
              // Deactivating oneself would end this very session; another admin has to do it.
              disabled={isSelf}
            />
          )}
          <FormActions onCancel={onClose} pending={pending} />
        </Stack>
      </form>
    </AppModal>
  );
}
