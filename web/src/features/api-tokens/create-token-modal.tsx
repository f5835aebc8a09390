import { createApiTokenInput } from "@frontline/common";
import { Select, Stack, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { createApiToken } from "../../api/api-tokens";
import { queryKeys } from "../../api/query-keys";
import { AppModal } from "../../ui/app-modal";
import { FormActions } from "../../ui/form-actions";
import { FormAlert } from "../../ui/form-alert";
import { useForm } from "../../ui/use-form";

const EXPIRY_DAYS = { never: null, days30: 30, days90: 90, days365: 365 } as const;
type Expiry = keyof typeof EXPIRY_DAYS;

function isExpiry(value: unknown): value is Expiry {
  return typeof value === "string" && value in EXPIRY_DAYS;
}

function expiresAt(expiry: Expiry): string | undefined {
  const days = EXPIRY_DAYS[expiry];
  return days === null ? undefined : new Date(Date.now() + days * 86_400_000).toISOString();
}

interface CreateTokenModalProps {
  onClose: () => void;
  /** Receives the one-time secret so the page can show it. */
  onCreated: (name: string, secret: string) => void;
}

/** Names a new token and picks when it expires. */
export function CreateTokenModal({ onClose, onCreated }: CreateTokenModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<{ name: string; expiry: Expiry }>({ name: "", expiry: "days90" });
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const at = expiresAt(form.values.expiry);
    const input = form.validate(createApiTokenInput, { name: form.values.name, ...(at ? { expiresAt: at } : {}) });
    if (!input) return;
    setPending(true);
    try {
      const created = await createApiToken(input);
      await queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens });
      onCreated(created.name, created.token);
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <AppModal opened onClose={onClose} title={t("tokens.create")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={form.formError} />
          <TextInput
            label={t("tokens.name")}
            placeholder={t("tokens.namePlaceholder")}
            required
            value={form.values.name}
            onChange={(e) => form.set("name", e.currentTarget.value)}
            error={form.errors.name}
            data-autofocus
          />
          <Select
            label={t("tokens.expires")}
            data={(Object.keys(EXPIRY_DAYS) as Expiry[]).map((value) => ({
              value,
              label: t(`tokens.expiry.${value}`),
            }))}
            value={form.values.expiry}
            onChange={(v) => isExpiry(v) && form.set("expiry", v)}
            allowDeselect={false}
            error={form.errors.expiresAt}
          />
          <FormActions onCancel={onClose} pending={pending} submitLabel={t("tokens.create")} />
        </Stack>
      </form>
    </AppModal>
  );
}
