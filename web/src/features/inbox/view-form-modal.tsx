import { createViewInput, type UpdateViewInput, updateViewInput, type View } from "@frontline/common";
import { Select, Stack, Text, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { teamsQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { createView, updateView } from "../../api/views";
import { AppModal } from "../../ui/app-modal";
import { FormActions } from "../../ui/form-actions";
import { FormAlert } from "../../ui/form-alert";
import { notifySuccess } from "../../ui/notify";
import { useForm } from "../../ui/use-form";
import { useMe } from "../auth/use-me";
import { canShareViews, type SavableView } from "./saved-views";

interface ViewFormValues extends Record<string, unknown> {
  name: string;
  /** "personal", or the id of the team it is shared with. */
  sharing: string;
}

const PERSONAL = "personal";

// The server names the team as `teamId`; the form calls it sharing.
const fieldOf = (path: string) => (path === "teamId" ? "sharing" : (path.split(".")[0] ?? path));

interface ViewFormModalProps {
  /** A saved view to rename or re-share; `null` saves `savable` as a new view. */
  view: View | null;
  savable: SavableView | null;
  onClose: () => void;
  onSaved: (view: View) => void;
}

/** Names a view and chooses who sees it: only its owner, or one of the owner's teams. */
export function ViewFormModal({ view, savable, onClose, onSaved }: ViewFormModalProps) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const teams = useQuery(teamsQuery);
  const form = useForm<ViewFormValues>({ name: view?.name ?? "", sharing: view?.teamId ?? PERSONAL }, { fieldOf });
  const [pending, setPending] = useState(false);
  const { values, errors, set } = form;

  const shareable = canShareViews(me);
  // A view shared with a team the person has left must still say where it is shared.
  const teamChoices = (teams.data ?? []).filter((team) => me.teamIds.includes(team.id) || team.id === view?.teamId);
  const sharingOptions = [
    { value: PERSONAL, label: t("savedViews.personal") },
    ...teamChoices.map((team) => ({ value: team.id, label: t("savedViews.sharedWith", { team: team.name }) })),
  ];
  const sharingHint = !shareable
    ? t("savedViews.shareNeedsSupervisor")
    : teamChoices.length === 0
      ? t("savedViews.noTeams")
      : undefined;

  async function save(): Promise<View | null> {
    const teamId = values.sharing === PERSONAL ? null : values.sharing;
    if (!view) {
      if (!savable) return null;
      const input = form.validate(createViewInput, { name: values.name, ...(teamId ? { teamId } : {}), ...savable });
      return input && createView(input);
    }
    const patch: UpdateViewInput = {};
    if (values.name !== view.name) patch.name = values.name;
    if (teamId !== view.teamId) patch.teamId = teamId;
    const input = form.validate(updateViewInput, patch);
    if (!input) return null;
    return Object.keys(input).length === 0 ? view : updateView(view.id, input);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    try {
      const saved = await save();
      if (!saved) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.views.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.viewCounts });
      notifySuccess(
        view ? t("savedViews.updated", { name: saved.name }) : t("savedViews.created", { name: saved.name }),
      );
      onSaved(saved);
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <AppModal opened onClose={onClose} title={view ? t("savedViews.editTitle") : t("savedViews.newTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={form.formError} />
          {!view && (
            <Text size="sm" c="dimmed">
              {t("savedViews.savesCurrent")}
            </Text>
          )}
          <TextInput
            label={t("savedViews.name")}
            placeholder={t("savedViews.namePlaceholder")}
            required
            maxLength={100}
            value={values.name}
            onChange={(e) => set("name", e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <Select
            label={t("savedViews.sharing")}
            description={sharingHint}
            data={sharingOptions}
            value={values.sharing}
            onChange={(v) => v && set("sharing", v)}
            allowDeselect={false}
            disabled={!shareable && values.sharing === PERSONAL}
            error={errors.sharing}
          />
          <FormActions onCancel={onClose} pending={pending} />
        </Stack>
      </form>
    </AppModal>
  );
}
