import { createTeamInput, type Team, type UpdateTeamInput, updateTeamInput } from "@frontline/common";
import { MultiSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { everyoneQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { createTeam, updateTeam } from "../../api/teams";
import { AppModal } from "../../ui/app-modal";
import { FormActions } from "../../ui/form-actions";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { useForm } from "../../ui/use-form";

interface TeamFormValues extends Record<string, unknown> {
  name: string;
  description: string;
  memberIds: string[];
}

interface TeamFormModalProps {
  /** `null` creates a team; a team edits it. */
  team: Team | null;
  onClose: () => void;
}

function changedFields(team: Team, values: TeamFormValues): UpdateTeamInput {
  const patch: UpdateTeamInput = {};
  if (values.name !== team.name) patch.name = values.name;
  if (values.description !== team.description) patch.description = values.description;
  const sameMembers =
    values.memberIds.length === team.memberIds.length && values.memberIds.every((id) => team.memberIds.includes(id));
  if (!sameMembers) patch.memberIds = values.memberIds;
  return patch;
}

/** Create a team, or rename, describe and change the members of one. */
export function TeamFormModal({ team, onClose }: TeamFormModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const everyone = useQuery(everyoneQuery);
  const form = useForm<TeamFormValues>({
    name: team?.name ?? "",
    description: team?.description ?? "",
    memberIds: team?.memberIds ?? [],
  });
  const [pending, setPending] = useState(false);
  const { values, errors, set } = form;

  async function save(): Promise<string | null> {
    if (!team) {
      const input = form.validate(createTeamInput, values);
      if (!input) return null;
      return t("teams.created", { name: (await createTeam(input)).name });
    }
    const patch = form.validate(updateTeamInput, changedFields(team, values));
    if (!patch) return null;
    if (Object.keys(patch).length === 0) return "";
    return t("teams.updated", { name: (await updateTeam(team.id, patch)).name });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    try {
      const message = await save();
      if (message === null) return;
      // Members' teamIds change with the team, and the signed-in admin may be one of them.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.teams.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.me }),
      ]);
      if (message) notifySuccess(message);
      onClose();
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }

  // Deactivated people stay listed only if already members, so removing them remains possible.
  const memberOptions = (everyone.data ?? [])
    .filter((user) => user.active || values.memberIds.includes(user.id))
    .map((user) => ({ value: user.id, label: `${user.name} <${user.email}>` }));

  return (
    <AppModal opened onClose={onClose} title={team ? t("teams.edit") : t("teams.add")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={form.formError} />
          <TextInput
            label={t("teams.name")}
            required
            value={values.name}
            onChange={(e) => set("name", e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <Textarea
            label={t("teams.description")}
            autosize
            minRows={2}
            maxRows={5}
            value={values.description}
            onChange={(e) => set("description", e.currentTarget.value)}
            error={errors.description}
          />
          <MultiSelect
            label={t("teams.members")}
            placeholder={values.memberIds.length === 0 ? t("teams.membersPlaceholder") : undefined}
            data={memberOptions}
            value={values.memberIds}
            onChange={(v) => set("memberIds", v)}
            error={errors.memberIds}
            searchable
            clearable
            hidePickedOptions
            disabled={everyone.isPending}
            maxDropdownHeight={260}
          />
          <FormActions onCancel={onClose} pending={pending} />
        </Stack>
      </form>
    </AppModal>
  );
}
