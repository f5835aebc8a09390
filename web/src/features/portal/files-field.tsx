import { FileInput, Group, Pill, Stack, Text } from "@mantine/core";
import { IconPaperclip } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatFileSize } from "../../ui/file-size";
import { useFormatters } from "../../ui/use-formatters";

interface FilesFieldProps {
  files: File[];
  onChange: (files: File[]) => void;
  max: number;
  error?: string | undefined;
}

const keyOf = (file: File) => `${file.name}:${file.size}:${file.lastModified}`;

/** Files to send with a request or a reply: chosen one or several at a time, each removable. */
export function FilesField({ files, onChange, max, error }: FilesFieldProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [tooMany, setTooMany] = useState(false);

  function add(chosen: File[]) {
    // The same file chosen twice is sent once.
    const fresh = chosen.filter((c) => !files.some((f) => keyOf(f) === keyOf(c)));
    const next = [...files, ...fresh];
    setTooMany(next.length > max);
    onChange(next.slice(0, max));
  }

  return (
    <Stack gap={6}>
      <FileInput
        label={t("portal.form.files")}
        description={t("portal.form.filesHint", { max })}
        placeholder={t("portal.form.filesPlaceholder")}
        leftSection={<IconPaperclip size={16} aria-hidden />}
        multiple
        value={[]}
        onChange={add}
        error={tooMany ? t("portal.form.tooManyFiles", { max }) : error}
        disabled={files.length >= max}
      />
      {files.length > 0 && (
        <Group gap={6} aria-live="polite">
          {files.map((file) => (
            <Pill
              key={keyOf(file)}
              withRemoveButton
              onRemove={() => {
                setTooMany(false);
                onChange(files.filter((f) => f !== file));
              }}
              removeButtonProps={{ "aria-label": t("portal.form.removeFile", { name: file.name }) }}
            >
              <Text span size="xs" dir="auto">
                {file.name} · {formatFileSize(file.size, format.number)}
              </Text>
            </Pill>
          ))}
        </Group>
      )}
    </Stack>
  );
}
