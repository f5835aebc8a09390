import {
  PORTAL_MAX_FILES,
  type PortalRequestResult,
  portalRequestInput,
  portalSignedInRequestInput,
} from "@frontline/common";
import { Button, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { submitPortalRequest } from "../../api/portal";
import { currentLocale } from "../../i18n/setup";
import { FormAlert } from "../../ui/form-alert";
import { useForm } from "../../ui/use-form";
import { FilesField } from "./files-field";

interface RequestFormProps {
  slug: string;
  /** Signed-in customers are known: the form asks only what the request is about. */
  signedIn: boolean;
  onSent: (result: PortalRequestResult, email: string) => void;
}

/** The web form: a request with its files, from anyone (name and email) or from the signed-in customer. */
export function RequestForm({ slug, signedIn, onSent }: RequestFormProps) {
  const { t } = useTranslation();
  const form = useForm({ name: "", email: "", subject: "", body: "", website: "", files: "" });
  const [files, setFiles] = useState<File[]>([]);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { files: _files, ...values } = form.values;
    const candidate = signedIn
      ? { subject: values.subject, body: values.body }
      : { ...values, name: values.name || undefined, website: values.website || undefined, locale: currentLocale() };
    const input = signedIn
      ? form.validate(portalSignedInRequestInput, candidate)
      : form.validate(portalRequestInput, candidate);
    if (!input) return;
    setPending(true);
    try {
      const result = await submitPortalRequest(slug, candidate, files);
      form.reset({ name: "", email: "", subject: "", body: "", website: "", files: "" });
      setFiles([]);
      onSent(result, values.email);
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="request-form-title">
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4" id="request-form-title">
              {t("portal.form.title")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("portal.form.intro")}
            </Text>
          </div>
          <FormAlert error={form.formError} />
          {!signedIn && (
            <>
              <TextInput
                label={t("portal.form.name")}
                autoComplete="name"
                value={form.values.name}
                onChange={(e) => form.set("name", e.currentTarget.value)}
                error={form.errors.name}
              />
              <TextInput
                label={t("portal.form.email")}
                type="email"
                autoComplete="email"
                required
                dir="ltr"
                value={form.values.email}
                onChange={(e) => form.set("email", e.currentTarget.value)}
                error={form.errors.email}
              />
              {/* People never see this field; robots fill it in, and their forms open nothing. */}
              <input
                type="text"
                name="website"
                tabIndex={-1}
                autoComplete="off"
                aria-hidden="true"
                aria-label={t("portal.form.website")}
                className="robot-trap"
                value={form.values.website}
                onChange={(e) => form.set("website", e.currentTarget.value)}
              />
            </>
          )}
          <TextInput
            label={t("portal.form.subject")}
            required
            value={form.values.subject}
            onChange={(e) => form.set("subject", e.currentTarget.value)}
            error={form.errors.subject}
          />
          <Textarea
            label={t("portal.form.body")}
            required
            autosize
            minRows={5}
            maxRows={16}
            value={form.values.body}
            onChange={(e) => form.set("body", e.currentTarget.value)}
            error={form.errors.body}
          />
          <FilesField
            files={files}
            onChange={(next) => {
              setFiles(next);
              form.set("files", "");
            }}
            max={PORTAL_MAX_FILES}
            error={form.errors.files}
          />
          <Button type="submit" loading={pending} leftSection={<IconSend size={16} />} style={{ alignSelf: "start" }}>
            {t("portal.form.submit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
