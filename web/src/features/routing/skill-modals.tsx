import type { Skill } from "@frontline/common";
import { Stack, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/api-error";
import { queryKeys } from "../../api/query-keys";
import { deleteSkill, renameSkill } from "../../api/routing";
import { AppModal } from "../../ui/app-modal";
import { ConfirmModal } from "../../ui/confirm-modal";
import { FormActions } from "../../ui/form-actions";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";

/** Gives a skill a new name; agents and tickets keep it. */
export function RenameSkillModal({ skill, onClose }: { skill: Skill; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(skill.name);
  const [error, setError] = useState<unknown>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t("validation.required"));
      return;
    }
    setPending(true);
    try {
      await renameSkill(skill.id, name.trim());
      await queryClient.invalidateQueries({ queryKey: queryKeys.routing.all });
      onClose();
    } catch (caught) {
      if (caught instanceof ApiError && caught.fields.name) setNameError(caught.fields.name.join(" "));
      else setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <AppModal opened onClose={onClose} title={t("routing.skills.renameTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={error} />
          <TextInput
            label={t("routing.skills.name")}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setNameError(undefined);
            }}
            error={nameError}
            maxLength={60}
            required
            data-autofocus
          />
          <FormActions onCancel={onClose} pending={pending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** Asks before deleting: agents lose the skill and tickets stop requiring it. */
export function DeleteSkillModal({ skill, onClose }: { skill: Skill; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <ConfirmModal
      title={t("routing.skills.deleteTitle")}
      body={t("routing.skills.deleteBody", { name: skill.name, count: skill.agentCount })}
      confirmLabel={t("routing.skills.delete")}
      onConfirm={async () => {
        await deleteSkill(skill.id);
        await queryClient.invalidateQueries({ queryKey: queryKeys.routing.all });
        await queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
        notifySuccess(t("routing.skills.deleted", { name: skill.name }));
      }}
      onClose={onClose}
    />
  );
}
